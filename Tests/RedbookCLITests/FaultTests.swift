import Foundation
import Glibc
import RedbookRedis
import RedbookServer
import RedbookTestSupport
import Testing

/// Faults from outside: the server killed or frozen mid-run, a save that cannot be written. Each
/// ends the run with a clear error at the block that was running, and the notebook is left whole.
@Suite struct FaultTests {
    private static let waiting = """
        ```redis
        SET fault:before 1
        ```

        ```redis
        BLPOP fault:never 30
        ```

        ```redis
        ECHO after
        ```

        """

    /// Waits until a client of `connection`'s server is blocked in BLPOP.
    private func waitForBlockedClient(_ connection: RedisConnection) -> Bool {
        RedbookBinary.waitUntil(20) {
            let list = (try? connection.send(RedisCommand("CLIENT", "LIST")))?.string ?? ""
            return list.contains("cmd=blpop")
        }
    }

    /// The embedded server's pid (from the pid file in its folder) and port (from its
    /// watchdog's command line; the server itself rewrites its title), found under the private
    /// TMPDIR its run was given.
    private func embeddedServer(under folder: String) -> (pid: pid_t, port: Int)? {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard let directory = folders.first(where: { $0.hasPrefix("redbook-redis.") }),
              let pidText = FileManager.default.contents(atPath: "\(folder)/\(directory)/server.pid"),
              let pid = pid_t(String(decoding: pidText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries where entry.allSatisfy(\.isNumber) {
            guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let words = String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            guard words.contains(where: { $0.hasPrefix(folder) }), let index = words.firstIndex(of: "--port"),
                  index + 1 < words.count, let port = Int(words[index + 1]) else { continue }
            return (pid, port)
        }
        return nil
    }

    /// The pid the server reports for itself.
    private func serverPID(_ connection: RedisConnection) throws -> pid_t? {
        try connection.send(RedisCommand("INFO", "server")).string?
            .split(separator: "\r\n").first { $0.hasPrefix("process_id:") }.flatMap { pid_t($0.dropFirst(11)) }
    }

    private func privateFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theEmbeddedServerKilledMidRunFailsAtTheRunningBlockAndLeavesNothing() throws {
        let tmp = try privateFolder("killed")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let path = try NotebookCommandTests.notebook(Self.waiting)
        let (process, _, errors) = try RedbookBinary.start(["run", path], environment: ["TMPDIR": tmp.path])
        var server: (pid: pid_t, port: Int)?
        #expect(RedbookBinary.waitUntil(20) { server = embeddedServer(under: tmp.path); return server != nil }, "the embedded server never started")
        let url = RedisURL(host: "127.0.0.1", port: try #require(server).port)
        var probe: RedisConnection?
        #expect(RedbookBinary.waitUntil(20) { probe = try? RedisConnection(url: url); return probe != nil }, "the server never answered")
        #expect(waitForBlockedClient(try #require(probe)))
        kill(try #require(server).pid, SIGKILL)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("nb.md:6:1: error: connection to Redis at 127.0.0.1:"), "\(message)")
        #expect(message.contains("the embedded Redis server stopped unexpectedly"), "\(message)")
        let saved = try NotebookCommandTests.contents(path)
        #expect(saved.hasPrefix("```redis\nSET fault:before 1\n```\n<!-- redbook:output -->\n\n```text\nOK\n```\n\n<!-- /redbook:output -->"), "\(saved)")
        #expect(saved.contains("error: the connection to Redis was lost during BLPOP"))
        #expect(!saved.contains("\"after\""))
        #expect(RedbookBinary.waitUntil(5) { (try? FileManager.default.contentsOfDirectory(atPath: tmp.path))?.isEmpty == true },
                "the server's folder (and so its watchdog) outlived the run")
    }

    @Test func anExternalServerThatGoesAwayFailsTheBlockThatWasRunning() throws {
        let server = try EmbeddedServer.start()
        defer { server.stop() }
        let control = try RedisConnection(url: server.url)
        let pid = try #require(try serverPID(control))
        let path = try NotebookCommandTests.notebook(Self.waiting)
        let (process, _, errors) = try RedbookBinary.start(["run", "--redis", "redis://\(server.url.endpoint)", path])
        #expect(waitForBlockedClient(control))
        kill(pid, SIGKILL)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("nb.md:6:1: error: connection to Redis at \(server.url.endpoint) failed during BLPOP"), "\(message)")
        #expect(try NotebookCommandTests.contents(path).contains("SET fault:before 1\n```\n<!-- redbook:output -->"))
    }

    @Test func aServerThatStopsAnsweringTimesOutNamingTheLimit() throws {
        let server = try EmbeddedServer.start()
        defer { server.stop() }
        let control = try RedisConnection(url: server.url)
        let pid = try #require(try serverPID(control))
        let path = try NotebookCommandTests.notebook("```redis\nSET fault:before 1\n```\n\n```redis\nDEBUG SLEEP 0\nECHO frozen\n```\n")
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        let started = Date()
        let run = try RedbookBinary.run(["run", "--redis", "redis://\(server.url.endpoint)", "--timeout", "0.5", path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("timed out waiting for the server (no reply within 0.5 s)"), "\(run.standardError)")
        #expect(Date().timeIntervalSince(started) < 20, "the timeout did not bound the wait")
        // The first command is the one that waits: its block records the error, the rest is as it was.
        let saved = try NotebookCommandTests.contents(path)
        #expect(run.standardError.contains("nb.md:2:1: error: connection to Redis at \(server.url.endpoint) failed during SET"), "\(run.standardError)")
        #expect(saved.hasSuffix("\n```redis\nDEBUG SLEEP 0\nECHO frozen\n```\n"), "\(saved)")
    }

    @Test func aSaveBeyondTheFileSizeLimitKeepsTheOldNotebookAndNamesIt() throws {
        // Just under 8 KiB before the run; the recorded reply takes it past the limit.
        let padding = String(repeating: "Some prose to fill the page.\n", count: 270)
        let text = "# Limit\n\n" + padding + "\n```redis\nSETRANGE fault:big 3000 x\nGETRANGE fault:big 0 -1\n```\n"
        let path = try NotebookCommandTests.notebook(text)
        #expect(text.utf8.count < 8 * 1024)
        let command = "ulimit -f 8; exec '\(RedbookBinary.url.path)' run '\(path)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("\(path): error: cannot write: File too large"), "\(message)")
        #expect(try NotebookCommandTests.contents(path) == text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["nb.md"], "a temporary file was left behind")
    }

    @Test func aReadOnlyNotebookOrFolderIsReportedBeforeAnyBlockRuns() throws {
        let key = TestRedis.uniqueName("ran")
        let server = try TestRedis.shared()
        let text = "```redis\nSET \(key) 1\n```\n"
        let path = try NotebookCommandTests.notebook(text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        chmod(path, 0o444)
        let file = try RedbookBinary.run(["run", "--redis", "redis://\(server.url.endpoint)", path])
        #expect(file.status == 1)
        #expect(file.standardError.contains("\(path): error: the file is read-only"), "\(file.standardError)")
        chmod(path, 0o644)
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        let inFolder = try RedbookBinary.run(["run", "--redis", "redis://\(server.url.endpoint)", path])
        #expect(inFolder.status == 1)
        #expect(inFolder.standardError.contains("\(path): error: its folder \(folder) is read-only"), "\(inFolder.standardError)")
        #expect(try TestRedis.connection().send(RedisCommand("EXISTS", key)) == .integer(0), "a block ran before the check")
        #expect(try NotebookCommandTests.contents(path) == text)
    }
}
