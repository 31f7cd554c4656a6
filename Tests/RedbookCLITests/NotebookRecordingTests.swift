import Foundation
import Glibc
import RedbookRedis
import RedbookTestSupport
import Testing

/// Runs that need real replies: idempotency, `--check`, `--only`, export, and a run killed mid-way.
@Suite struct NotebookRecordingTests {
    static let notebook = """
        # Echo

        - First:

          ```redis {name=first}
          ECHO "caf\\xc3\\xa9"
          ```

        > Second:
        >
        > ```redis {name=second}
        > ECHO second
        > ```

        No final newline after this line.
        """

    /// The test server's URL, for `--redis`.
    static func serverURL() throws -> String {
        let url = try TestRedis.shared().url
        var credentials = ""
        if let password = url.password { credentials = "\(url.user ?? ""):\(password)@" }
        return "redis://\(credentials)\(url.host):\(url.port)/\(url.database)"
    }

    @Test func aSecondRunGivesIdenticalBytesAndCheckPasses() throws {
        let path = try NotebookCommandTests.notebook(Self.notebook)
        let first = try RedbookBinary.run(["run", path])
        #expect(first.status == 0, "\(first.standardError)")
        let once = try NotebookCommandTests.contents(path)
        let regions = once.components(separatedBy: "<!-- redbook:output -->").dropFirst()
        #expect(regions.count == 2)
        #expect(regions.first?.contains("\"caf") == true)
        #expect(regions.last?.contains("second") == true)
        #expect(once.contains("  <!-- redbook:output -->") && once.contains("> <!-- /redbook:output -->"))
        #expect(once.hasSuffix("No final newline after this line."))
        let second = try RedbookBinary.run(["run", path])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try NotebookCommandTests.contents(path) == once)
        let check = try RedbookBinary.run(["run", "--check", path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.isEmpty)
    }

    @Test func checkFailsWithADiffWhenAReplyChanged() throws {
        let path = try NotebookCommandTests.notebook(Self.notebook)
        let run = try RedbookBinary.run(["run", path])
        #expect(run.status == 0, "\(run.standardError)")
        let recorded = try NotebookCommandTests.contents(path)
        let edited = recorded.replacingOccurrences(of: "ECHO second", with: "ECHO changed")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let check = try RedbookBinary.run(["run", "--check", path])
        #expect(check.status != 0)
        #expect(check.standardOutput.contains("--- \(path) (recorded)"))
        #expect(check.standardOutput.contains("\n+> changed") || check.standardOutput.contains("changed"))
        #expect(check.standardOutput.split(separator: "\n").contains { $0.hasPrefix("-") && $0.contains("second") })
        #expect(check.standardError.contains("recorded outputs differ"))
        #expect(try NotebookCommandTests.contents(path) == edited)
    }

    @Test func onlyRecordsTheNamedBlocks() throws {
        let path = try NotebookCommandTests.notebook(Self.notebook)
        let run = try RedbookBinary.run(["run", "--only", "second", path])
        #expect(run.status == 0, "\(run.standardError)")
        let after = try NotebookCommandTests.contents(path)
        #expect(!after.contains("  <!-- redbook:output -->"))
        #expect(after.contains("> <!-- redbook:output -->"))
    }

    @Test func outputGoesElsewhereWithO() throws {
        let path = try NotebookCommandTests.notebook(Self.notebook)
        let out = path + ".out.md"
        let run = try RedbookBinary.run(["run", path, "-o", out])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try NotebookCommandTests.contents(path) == Self.notebook)
        #expect(try NotebookCommandTests.contents(out).contains("<!-- redbook:output -->"))
    }

    @Test func exportWritesAResultsDocument() throws {
        let path = try NotebookCommandTests.notebook(Self.notebook)
        let out = path + ".results.md"
        let export = try RedbookBinary.run(["export", path, "-o", out])
        #expect(export.status == 0, "\(export.standardError)")
        let results = try NotebookCommandTests.contents(out)
        #expect(results.contains("**Results of `nb.md`**"))
        #expect(results.contains("> - Redis: 8."))
        #expect(results.contains("search 2."))
        #expect(results.contains("> - Model: none"))
        // The reply follows the code in the results (the source line itself says caf\xc3\xa9).
        #expect(results.components(separatedBy: "ECHO \"caf\\xc3\\xa9\"").last?.contains("\"caf") == true)
        #expect(!results.contains("redbook:output"))
        #expect(!results.contains("{name="))
        #expect(try NotebookCommandTests.contents(path) == Self.notebook)

        let noRun = try RedbookBinary.run(["export", "--no-run", path])
        #expect(noRun.status == 0, "\(noRun.standardError)")
        #expect(noRun.standardOutput.contains("Not run"))
    }

    @Test func aRunKilledMidBlockLeavesTheOldNotebookWhole() throws {
        let key = TestRedis.uniqueName("killed")
        let text = """
            Prose that must survive.

            ```redis
            RPUSH \(key):started 1
            BLPOP \(key):never 60
            ```
            <!-- redbook:output -->

            recorded before

            <!-- /redbook:output -->
            """
        let path = try NotebookCommandTests.notebook(text)
        let (process, _, _) = try RedbookBinary.start(["run", "--redis", try Self.serverURL(), path])
        let connection = try TestRedis.connection()
        var started = false
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if try connection.call("LLEN", "\(key):started").integer == 1 { started = true; break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(started, "the block never started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try NotebookCommandTests.contents(path) == text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["nb.md"])
    }
}
