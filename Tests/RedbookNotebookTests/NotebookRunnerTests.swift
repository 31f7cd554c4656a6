import Foundation
import RedbookNotebook
import RedbookSession
import Testing

/// The failure policy, `--only` and `{skip}`, with scripted outcomes.
@Suite struct NotebookRunnerTests {
    static let threeBlocks = """
        ```redis
        ONE
        ```
        <!-- redbook:output -->
        old one
        <!-- /redbook:output -->

        ```redis {name=two}
        TWO
        ```
        <!-- redbook:output -->
        old two
        <!-- /redbook:output -->

        ```redis {name=three}
        THREE
        ```
        <!-- redbook:output -->
        old three
        <!-- /redbook:output -->

        """

    /// Fails the block whose source is `failing`, with the error at its first line.
    static func executor(failing: String?) -> ScriptedExecutor {
        ScriptedExecutor { block in
            if block.source == failing {
                return BlockOutcome(output: "(error) ERR \(block.source)",
                                    failure: BlockFailure(line: block.firstLine, column: block.column, message: "ERR \(block.source)"))
            }
            return BlockOutcome(output: "new \(block.source.lowercased())")
        }
    }

    @Test func theRunStopsAtTheFirstFailureAndKeepsLaterOutputs() throws {
        let notebook = try TestNotebook.parse(Self.threeBlocks)
        let executor = Self.executor(failing: "TWO")
        let run = try NotebookRunner(execute: executor.run).run(notebook)
        #expect(executor.received.map(\.source) == ["ONE", "TWO"])
        #expect(!run.succeeded)
        #expect(run.failureMessages == ["nb.md:9:1: error: ERR TWO"])
        let recorded = TestNotebook.string(run.recordedBytes)
        #expect(recorded.contains("new one"))
        #expect(recorded.contains("(error) ERR TWO"))
        #expect(recorded.contains("old three"))
        #expect(!recorded.contains("old one") && !recorded.contains("old two"))
    }

    @Test func keepGoingRunsEverythingAndStillFails() throws {
        let notebook = try TestNotebook.parse(Self.threeBlocks)
        let executor = Self.executor(failing: "ONE")
        let run = try NotebookRunner(options: .init(keepGoing: true), execute: executor.run).run(notebook)
        #expect(executor.received.map(\.source) == ["ONE", "TWO", "THREE"])
        #expect(!run.succeeded)
        #expect(run.failureMessages == ["nb.md:2:1: error: ERR ONE"])
        #expect(!TestNotebook.string(run.recordedBytes).contains("old"))
    }

    @Test func onlyRunsTheNamedBlocks() throws {
        let notebook = try TestNotebook.parse(Self.threeBlocks)
        let executor = Self.executor(failing: nil)
        let run = try NotebookRunner(options: .init(only: ["three", "two"]), execute: executor.run).run(notebook)
        #expect(executor.received.map(\.source) == ["TWO", "THREE"])
        #expect(run.succeeded)
        let recorded = TestNotebook.string(run.recordedBytes)
        #expect(recorded.contains("old one") && recorded.contains("new two") && recorded.contains("new three"))
    }

    @Test func anUnknownOnlyNameIsAnError() throws {
        let notebook = try TestNotebook.parse(Self.threeBlocks)
        let error = try #require(throws: NotebookError.self) {
            try NotebookRunner(options: .init(only: ["four"]), execute: Self.executor(failing: nil).run).run(notebook)
        }
        #expect(error.kind == .unknownBlockName)
        #expect(error.message.contains("'four'"))
        #expect(error.hint?.contains("three, two") == true)
    }

    @Test func skippedBlocksDoNotRunAndKeepTheirOutput() throws {
        let notebook = try TestNotebook.parse(Self.threeBlocks.replacingFirst("```redis {name=two}", with: "```redis {name=two skip}"))
        let executor = Self.executor(failing: nil)
        let run = try NotebookRunner(execute: executor.run).run(notebook)
        #expect(executor.received.map(\.source) == ["ONE", "THREE"])
        #expect(TestNotebook.string(run.recordedBytes).contains("old two"))
    }

    @Test func theExecutorGetsTheBlocksCoordinatesAndExpectation() throws {
        let notebook = try TestNotebook.parse("Text\n\n- ```redis {expect-error}\n  BAD\n  ```\n")
        let executor = Self.executor(failing: nil)
        _ = try NotebookRunner(execute: executor.run).run(notebook)
        #expect(executor.received == [Block(language: .redis, source: "BAD", firstLine: 4, column: 3, expectsError: true)])
    }

    @Test func progressReportsEachBlockInOrder() throws {
        let notebook = try TestNotebook.parse(Self.threeBlocks)
        let seen = ScriptedExecutor { _ in BlockOutcome(output: "") }
        var events = [String]()
        let runner = NotebookRunner(progress: { event in
            switch event {
            case .started(let number, let total, let block): events.append("start \(number)/\(total) \(block.summary)")
            case .finished(let number, _, _, _): events.append("end \(number)")
            }
        }, execute: seen.run)
        _ = try runner.run(notebook)
        #expect(events == ["start 1/3 ONE", "end 1", "start 2/3 TWO", "end 2", "start 3/3 THREE", "end 3"])
    }

    @Test func theRunnerRecordsWhatTheSessionRenderedAndNothingElse() throws {
        let notebook = try TestNotebook.parse("```swift\nstep()\n```\n")
        let executor = ScriptedExecutor { block in
            BlockOutcome(output: "```text\nerror: rendered by the session\n```",
                         failure: BlockFailure(line: block.firstLine, column: 1, message: "the message for stderr"))
        }
        let run = try NotebookRunner(execute: executor.run).run(notebook)
        let recorded = TestNotebook.string(run.recordedBytes)
        #expect(recorded.contains("error: rendered by the session"))
        #expect(!recorded.contains("the message for stderr"))
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
