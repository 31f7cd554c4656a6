import Dispatch
import Testing
@testable import RedbookDSL

/// The large-stack threads are reused between blocks; a job that arrives while they are busy
/// must still run at once, never wait behind another.
@Suite struct LargeStackTests {
    @Test func aJobInsideAJobRuns() {
        let value = LargeStack.run { LargeStack.run { 41 } + 1 }
        #expect(value == 42)
    }

    @Test func jobsFromManyThreadsAllFinish() {
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let outcome = Interpreter().run("let n = \(index)\nn * 2")
            results.add(outcome.value)
        }
        #expect(results.values.count == 16)
        #expect(Set(results.values.compactMap { $0 }) == Set((0..<16).map { Value.int($0 * 2) }))
    }

    @Test func aDeepJobLeavesTheThreadUsable() {
        // Calls nest as deep as the language allows, each through several evaluator frames.
        let deep = "func f(_ n: Int) -> Int { guard n > 0 else { return 0 }\n return 1 + f(n - 1) }\nf(190)"
        #expect(Interpreter().run(deep).value == .int(190))
        #expect(Interpreter().run("1 + 1").value == .int(2))
    }

    @Test func aScopeWithManyNamesKeepsThemAll() {
        let names = (0..<20).map { "n\($0)" }
        let source = "func f() -> Int {\n" + names.map { "var \($0) = 1" }.joined(separator: "\n")
            + "\nn3 = 5\nn19 += 2\nreturn " + names.joined(separator: " + ") + "\n}\nf()"
        #expect(Interpreter().run(source).value == .int(20 + 4 + 2))
    }
}

private final class Results: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private(set) var values: [Value?] = []

    func add(_ value: Value?) {
        lock.wait()
        values.append(value)
        lock.signal()
    }
}
