import Foundation
import Glibc
import RedbookRedis
import RedbookTestSupport
import Testing

/// The promises a run keeps about the user's file, checked on the built binary: `--only` never
/// loses a recorded output, an export never replaces its notebook, links stay links, an edit
/// saved during a run is kept, two runs never interleave, and Ctrl-C changes nothing.
@Suite struct NotebookSafetyTests {
    static let searchNotebook = """
        # Search

        ```redis
        HSET safe:1 name "city bike" price 300
        HSET safe:2 name "trail bike" price 900
        FT.CREATE safe:idx ON HASH PREFIX 1 safe: SCHEMA name TEXT price NUMERIC SORTABLE
        ```

        ```redis {name=search}
        FT.SEARCH safe:idx "bike" SORTBY price RETURN 2 name price
        ```

        """

    static func contents(_ path: String) throws -> String { try NotebookCommandTests.contents(path) }

    @Test func onlyRunsTheBlocksBeforeItAsSetupAndKeepsTheirOutputs() throws {
        let path = try NotebookCommandTests.notebook(Self.searchNotebook)
        let full = try RedbookBinary.run(["run", path])
        #expect(full.status == 0, "\(full.standardError)")
        let recorded = try Self.contents(path)
        #expect(recorded.contains("| safe:1 |     300 | city bike  |"))
        let only = try RedbookBinary.run(["run", "--only", "search", path])
        #expect(only.status == 0, "\(only.standardError)")
        #expect(try Self.contents(path) == recorded)
    }

    @Test func onlyWithoutSetupFailsButKeepsTheRecordedTable() throws {
        let path = try NotebookCommandTests.notebook(Self.searchNotebook)
        #expect(try RedbookBinary.run(["run", path]).status == 0)
        let recorded = try Self.contents(path)
        let only = try RedbookBinary.run(["run", "--only", "search", "--no-setup", path])
        #expect(only.status != 0)
        // The named block's fence moved down by the region recorded above it.
        let line = recorded.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{name=search}") }.map { $0 + 2 }
        #expect(only.standardError.contains("nb.md:\(line ?? 0):1: error: safe:idx: no such index"), "\(only.standardError)")
        #expect(only.standardError.contains("never replaces a recorded output with a failure"))
        #expect(try Self.contents(path) == recorded)
    }

    @Test func onlyNamingASkippedBlockFails() throws {
        let path = try NotebookCommandTests.notebook("```redis {skip name=wipe}\nFLUSHALL\n```\n")
        let run = try RedbookBinary.run(["run", "--only", "wipe", path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("which is marked {skip}"))
    }

    @Test func exportRefusesToOverwriteItsNotebook() throws {
        let path = try NotebookCommandTests.notebook(Self.searchNotebook)
        let link = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        for output in [path, link] {
            let export = try RedbookBinary.run(["export", path, "-o", output])
            #expect(export.status != 0)
            #expect(export.standardError.contains("writing it would replace the notebook"), "\(export.standardError)")
            #expect(try Self.contents(path) == Self.searchNotebook)
        }
    }

    @Test func aLinkedNotebookIsUpdatedThroughItsLink() throws {
        let target = try NotebookCommandTests.notebook("```redis\nECHO linked\n```\n", name: "real.md")
        let folder = try NotebookCommandTests.notebook("", name: "placeholder.md")
        let link = URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("nb.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let run = try RedbookBinary.run(["run", link])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try Self.contents(target).contains("\"linked\""))
    }

    /// Starts a run against the shared server whose block waits, and returns once the block runs.
    static func startWaitingRun(_ path: String, key: String, seconds: Int) throws -> (Process, Pipe, Pipe) {
        let started = try RedbookBinary.start(["run", "--redis", try NotebookRecordingTests.serverURL(), path])
        let connection = try TestRedis.connection()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, started.0.isRunning {
            if try connection.call("LLEN", "\(key):started").integer == 1 { return started }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("the block never started")
        return started
    }

    @Test func anEditSavedDuringTheRunIsKeptAndASecondRunIsRefused() throws {
        let key = TestRedis.uniqueName("edited")
        let text = "```redis\nRPUSH \(key):started 1\nBLPOP \(key):never 2\n```\n"
        let path = try NotebookCommandTests.notebook(text)
        let (process, _, error) = try Self.startWaitingRun(path, key: key, seconds: 2)
        let second = try RedbookBinary.run(["run", "--redis", try NotebookRecordingTests.serverURL(), path])
        #expect(second.status != 0)
        #expect(second.standardError.contains("another redbook process is running this notebook"))
        let edited = text + "\nSaved from an editor while the block ran.\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let messages = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(messages.contains("your version was kept"), "\(messages)")
        #expect(try Self.contents(path) == edited)
        let beside = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("nb.redbook.md").path
        #expect(try Self.contents(beside).contains("<!-- redbook:output -->"))
    }

    /// The embedded server's port, read from the log in the private folder a run makes under `tmp`.
    static func embeddedPort(under tmp: URL, timeout: TimeInterval = 30) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let folders = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []
            for folder in folders where folder.hasPrefix("redbook-redis.") {
                let log = (try? String(contentsOf: tmp.appendingPathComponent(folder).appendingPathComponent("redis.log"), encoding: .utf8)) ?? ""
                if let range = log.range(of: "port=") {
                    let digits = log[range.upperBound...].prefix { $0.isNumber }
                    if let port = Int(digits), log.contains("Ready to accept connections") { return port }
                }
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    @Test func ctrlCDuringABlockLeavesTheNotebookExactlyAsItWas() throws {
        let text = """
            ```redis
            RPUSH interrupt:started 1
            BLPOP interrupt:never 60
            ```
            <!-- redbook:output -->

            recorded before

            <!-- /redbook:output -->
            """
        let path = try NotebookCommandTests.notebook(text)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("nbint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let (process, _, error) = try RedbookBinary.start(["run", path], environment: ["TMPDIR": tmp.path])
        let port = try #require(Self.embeddedPort(under: tmp))
        let connection = try RedisConnection(url: RedisURL(host: "127.0.0.1", port: port))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try connection.call("LLEN", "interrupt:started").integer != 1 {
            Thread.sleep(forTimeInterval: 0.02)
        }
        kill(process.processIdentifier, SIGINT)
        let messages = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGINT)
        #expect(messages == "interrupted\n")
        #expect(try Self.contents(path) == text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["nb.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test func aServerThatDiesShowsTheEndOfItsLog() throws {
        let path = try NotebookCommandTests.notebook("```redis\nSHUTDOWN NOSAVE\n```\n")
        let run = try RedbookBinary.run(["run", path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("the embedded Redis server stopped unexpectedly"), "\(run.standardError)")
        #expect(run.standardError.contains("last lines of its log:"))
        #expect(run.standardError.contains("ready to exit, bye bye"))
    }

    @Test(arguments: [
        ("", "no runnable blocks"),
        ("# Only prose\n\nNothing to run here.\n", "no runnable blocks"),
        ("```Redis\nPING\n```\n", "warning: this ```Redis block does not run (languages are case-sensitive)"),
        ("```redis-cli\nPING\n```\n", "write ```redis to run it"),
        ("```redis {skip}\nFLUSHALL\n```\n", "every runnable block is marked {skip}"),
    ])
    func aNotebookWithNothingToRunSaysSo(text: String, message: String) throws {
        let path = try NotebookCommandTests.notebook(text)
        let run = try RedbookBinary.run(["run", path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(try Self.contents(path) == text)
    }

    @Test func checkWithAnOutputFileIsRefused() throws {
        let path = try NotebookCommandTests.notebook("```redis\nPING\n```\n")
        let run = try RedbookBinary.run(["run", "--check", "-o", path + ".out", path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("--check writes nothing"))
        #expect(!FileManager.default.fileExists(atPath: path + ".out"))
    }

    @Test func severalNotebooksRunAndAreReportedEach() throws {
        let good = try NotebookCommandTests.notebook("```redis\nSET several 1\nGET several\n```\n", name: "good.md")
        let bad = try NotebookCommandTests.notebook("```redis\nGET several\nNOSUCHCOMMAND\n```\n", name: "bad.md")
        let run = try RedbookBinary.run(["run", bad, good])
        #expect(run.status != 0)
        #expect(run.standardError.contains("\(bad): failed"))
        #expect(run.standardError.contains("\(good): ok"))
        #expect(run.standardError.contains("1 of 2 notebooks passed"))
        // Each notebook has its own empty server: the first never sees the second's key.
        #expect(try Self.contents(bad).contains("(nil)"))
        #expect(try Self.contents(good).contains("\"1\""))
    }
}
