import RedbookNotebook
import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// Notebooks run through a real session against the embedded test server.
@Suite struct NotebookSessionTests {
    private func run(_ text: String, options: NotebookRunner.Options = .init()) throws -> NotebookRun {
        let session = Session(connection: try TestRedis.connection())
        return try NotebookRunner(options: options) { session.run($0) }.run(try TestNotebook.parse(text))
    }

    @Test func recordingRealRepliesTwiceGivesTheSameBytes() throws {
        let key = TestRedis.uniqueName("idem")
        let text = """
            Intro with trailing spaces  \r
            \r
            - Set and read:\r
            \r
              ```redis\r
              SET \(key) "caf\\xc3\\xa9"\r
              GET \(key)\r
              ```\r
            \r
            > ```redis\r
            > STRLEN \(key)\r
            > ```\r
            Done, no final newline
            """
        let first = try run(text)
        #expect(first.failureMessages == [])
        let once = TestNotebook.string(first.recordedBytes)
        let recorded = try TestNotebook.parse(once)
        #expect(recorded.blocks.map { $0.recordedOutput?.contains("\"caf") == true } == [true, false])
        #expect(recorded.blocks[0].recordedOutput?.contains("OK") == true)
        #expect(recorded.blocks[1].recordedOutput?.contains("5") == true)
        let second = try run(once)
        #expect(second.failureMessages == [])
        #expect(TestNotebook.string(second.recordedBytes) == once)
        #expect(TestNotebook.string(try TestNotebook.parse(once).cleaned()) == text)
    }

    @Test func aServerErrorStopsTheRunAtItsLine() throws {
        let text = """
            ```redis
            PING
            NOSUCHCOMMAND a b
            ```

            ```redis
            PING
            ```
            <!-- redbook:output -->
            untouched
            <!-- /redbook:output -->

            """
        let result = try run(text)
        #expect(!result.succeeded)
        #expect(result.results.count == 1)
        #expect(result.failureMessages.first?.hasPrefix("nb.md:3:1: error: ") == true)
        let recorded = TestNotebook.string(result.recordedBytes)
        #expect(recorded.contains("untouched"))
        #expect(recorded.contains("NOSUCHCOMMAND") && recorded.contains("unknown command"))
    }

    @Test func anExpectedErrorIsSuccessAndAMissingOneIsAFailure() throws {
        let expected = try run("```redis {expect-error}\nFT.INFO \(TestRedis.uniqueName("none"))\n```\n")
        #expect(expected.failureMessages == [])
        let missing = try run("```redis {expect-error}\nPING\n```\n")
        #expect(!missing.succeeded)
    }
}
