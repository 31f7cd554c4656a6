import RedbookNotebook
import RedbookSession
import Testing

/// `--only` with setup blocks, kept outputs, skipped and duplicate names, near-miss languages.
@Suite struct OnlySetupTests {
    static let notebook = """
        ```redis
        LOAD
        ```

        ```redis {skip}
        FLUSHALL
        ```

        ```redis {name=search}
        SEARCH
        ```
        <!-- redbook:output -->
        good table
        <!-- /redbook:output -->

        ```redis
        AFTER
        ```

        """

    static func executor(failing: Set<String> = []) -> ScriptedExecutor {
        ScriptedExecutor { block in
            guard failing.contains(block.source) else { return BlockOutcome(output: "new \(block.source.lowercased())") }
            return BlockOutcome(output: "(error) no such index",
                                failure: BlockFailure(line: block.firstLine, column: block.column, message: "no such index"))
        }
    }

    @Test func setupRunsTheEarlierBlocksWithoutRecordingThem() throws {
        let executor = Self.executor()
        let run = try NotebookRunner(options: .init(only: ["search"], setup: true), execute: executor.run)
            .run(try TestNotebook.parse(Self.notebook))
        #expect(executor.received.map(\.source) == ["LOAD", "SEARCH"])
        #expect(run.results.map(\.role) == [.setup, .recorded])
        let recorded = TestNotebook.string(run.recordedBytes)
        #expect(recorded.contains("new search") && !recorded.contains("good table"))
        #expect(!recorded.contains("new load"))
    }

    @Test func aNamedBlockThatFailsKeepsItsRecordedOutput() throws {
        let executor = Self.executor(failing: ["SEARCH"])
        let notebook = try TestNotebook.parse(Self.notebook)
        let run = try NotebookRunner(options: .init(only: ["search"]), execute: executor.run).run(notebook)
        #expect(executor.received.map(\.source) == ["SEARCH"])
        #expect(!run.succeeded)
        #expect(run.recordedBytes == notebook.bytes)
        #expect(run.failureMessages.count == 1)
        #expect(run.failureMessages.first?.hasPrefix("nb.md:10:1: error: no such index") == true)
        #expect(run.failureMessages.first?.contains("keeps the one it had") == true)
    }

    @Test func aFailingSetupBlockStopsBeforeTheNamedBlock() throws {
        let executor = Self.executor(failing: ["LOAD"])
        let notebook = try TestNotebook.parse(Self.notebook)
        let run = try NotebookRunner(options: .init(only: ["search"], keepGoing: true, setup: true), execute: executor.run).run(notebook)
        #expect(executor.received.map(\.source) == ["LOAD"])
        #expect(!run.succeeded)
        #expect(run.recordedBytes == notebook.bytes)
        #expect(run.failureMessages.first?.contains("ran as setup for --only") == true)
    }

    @Test func aFullRunStillRecordsFailures() throws {
        let executor = Self.executor(failing: ["SEARCH"])
        let run = try NotebookRunner(execute: executor.run).run(try TestNotebook.parse(Self.notebook))
        #expect(TestNotebook.string(run.recordedBytes).contains("(error) no such index"))
    }

    @Test func onlyNamingASkippedBlockIsAnError() throws {
        let text = "```redis {skip name=wipe}\nFLUSHALL\n```\n"
        let error = try #require(throws: NotebookError.self) {
            try NotebookRunner(options: .init(only: ["wipe"]), execute: Self.executor().run).run(try TestNotebook.parse(text))
        }
        #expect(error.kind == .skippedBlockName)
        #expect("\(error)".hasPrefix("nb.md:1:1: error: --only names block 'wipe', which is marked {skip}"))
    }

    @Test func twoBlocksWithOneNameAreAnError() throws {
        let error = try #require(TestNotebook.parseError("```redis {name=a}\nPING\n```\n\n```swift {name=a}\nlet x = 1\n```\n"))
        #expect(error.kind == .duplicateBlockName)
        #expect("\(error)".hasPrefix("nb.md:5:1: error: block name 'a' is already used by the block at line 1"))
    }

    @Test(arguments: [("Redis", "redis"), ("REDIS", "redis"), ("redis-cli", "redis"), ("Swift", "swift"), ("swift5", "swift")])
    func aNearMissLanguageIsWarnedAbout(word: String, language: String) throws {
        let notebook = try TestNotebook.parse("Intro.\n\n```\(word) {skip}\nPING\n```\n")
        #expect(notebook.blocks.isEmpty)
        let warning = try #require(notebook.warnings.first)
        #expect(warning.line == 3)
        #expect("\(warning)".hasPrefix("nb.md:3:1: warning: this ```\(word) block does not run"))
        #expect("\(warning)".contains("write ```\(language)"))
    }

    @Test func otherLanguagesAreNotWarnedAbout() throws {
        let notebook = try TestNotebook.parse("```json\n{}\n```\n\n```sh\nredis-cli PING\n```\n\n```redistimeseries-long-name\nx\n```\n")
        #expect(notebook.warnings.isEmpty)
    }
}
