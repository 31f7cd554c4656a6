import ArgumentParser
import Foundation
import RedbookDSL

struct BenchStepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steps",
        abstract: "Measure parsing and interpreting a step block, without Redis or the encoder.",
        discussion: """
            Runs a generated block of 50 lines (bindings, literals, closures, loops, string interpolation, \
            a func) many times in a fresh interpreter and prints the median and best time per run, so the \
            step language's own cost can be compared with the I/O it drives.
            """
    )

    @Option(help: "Timed runs of the block.")
    var runs = 500

    @Option(help: "Lines in the block (a multiple of 5).")
    var lines = 50

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        guard lines >= 5, lines % 5 == 0 else { throw ValidationError("--lines must be a positive multiple of 5") }
    }

    /// Five lines of everyday steps, repeated with fresh names.
    static func block(lines: Int) -> String {
        (0..<(lines / 5)).map { index in
            """
            let bikes\(index) = [["model": "A\(index)", "price": 300], ["model": "B\(index)", "price": 900], ["model": "C", "price": 1500]]
            let cheap\(index) = bikes\(index).filter { $0.price < 1000 }.map { $0.model }
            var total\(index) = 0
            for bike in bikes\(index) where bike.price > 100 { total\(index) += bike.price }
            let line\(index) = "\\(cheap\(index).joined(separator: ", ")): \\(total\(index)) in \\(round(Double(total\(index)) / 3.0, 2))"
            """
        }.joined(separator: "\n")
    }

    func run() throws {
        let source = Self.block(lines: lines)
        let clock = ContinuousClock()
        var times = [Double]()
        for _ in 0..<(runs + 20) {
            let interpreter = Interpreter()
            let start = clock.now
            let outcome = interpreter.run(source)
            let elapsed = clock.now - start
            if let problem = outcome.diagnostics.first {
                throw ValidationError("the benchmark block failed: \(problem.message)")
            }
            times.append(elapsed.seconds)
        }
        let timed = Array(times.dropFirst(20)).sorted()
        print("block          \(lines) lines, \(source.utf8.count) bytes")
        print("runs           \(runs), each in a new interpreter (parse, fold operators, interpret)")
        print("median         \(String(format: "%.3f", timed[timed.count / 2] * 1000)) ms")
        print("best           \(String(format: "%.3f", timed[0] * 1000)) ms")
        print("p90            \(String(format: "%.3f", timed[timed.count * 9 / 10] * 1000)) ms")
    }
}
