import Foundation
import Glibc
import Testing

@Suite struct EmbeddedServerLifetimeTests {
    /// The server's watchdog (named by its command line) and the server (running in its folder) under `marker`.
    private func processes(mentioning marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? ""
            return (line.contains(marker) && line.contains("redis-server")) || cwd.hasPrefix(marker) ? pid : nil
        }
    }

    @Test func sigintStopsTheEmbeddedServer() throws {
        // A private TMPDIR marks this run's server folder, so its processes can be found by path.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-sigint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let (process, _, _) = try RedbookBinary.start(["bench", "load", "--docs", "300000", "--chunk", "100"],
                                                       environment: ["TMPDIR": tmp.path])
        #expect(RedbookBinary.waitUntil(20) { !processes(mentioning: tmp.path).isEmpty }, "the embedded server never started")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGINT)
        #expect(RedbookBinary.waitUntil(5) { processes(mentioning: tmp.path).isEmpty }, "redis-server outlived redbook")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        #expect(leftovers.isEmpty, "the server's private folder was not removed: \(leftovers)")
    }

    @Test func sigkillStillStopsTheEmbeddedServer() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-sigkill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let (process, _, _) = try RedbookBinary.start(["bench", "load", "--docs", "300000", "--chunk", "100"],
                                                       environment: ["TMPDIR": tmp.path])
        #expect(RedbookBinary.waitUntil(20) { !processes(mentioning: tmp.path).isEmpty }, "the embedded server never started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(RedbookBinary.waitUntil(5) { processes(mentioning: tmp.path).isEmpty }, "redis-server outlived a killed redbook")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        #expect(leftovers.isEmpty, "the watchdog did not remove the server's folder: \(leftovers)")
    }

    @Test func doctorReportsRedisAndModules() throws {
        let result = try RedbookBinary.run(["doctor"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("redis     8."))
        #expect(result.standardOutput.contains("module  search 2."))
        #expect(result.standardOutput.contains("module  ReJSON 2."))
        // The matrix path the encoder would take, by its setting's name.
        let matrices = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("matrices  ") }
        #expect(["onednn: ", "openblas: ", "bf16: "].contains { matrices?.dropFirst(10).hasPrefix($0) == true },
                "\(result.standardOutput)")
    }

    @Test func doctorNamesTheMatrixPathItIsTold() throws {
        let result = try RedbookBinary.run(["doctor"], environment: ["REDBOOK_MATMUL": "openblas"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("matrices  openblas: OpenBLAS"), "\(result.standardOutput)")
    }

    @Test func doctorHidesThePasswordAndFailsOnAClosedPort() throws {
        let result = try RedbookBinary.run(["doctor", "--redis", "redis://me:hunter2-secret@127.0.0.1:1"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("cannot connect to Redis at 127.0.0.1:1"))
        #expect(!(result.standardOutput + result.standardError).contains("hunter2-secret"))
    }

    @Test func badURLsAreRejectedClearly() throws {
        for (url, reason) in [("redis://:@", "missing host"), ("redis://h:99999", "out of range"), ("ftp://h", "unknown scheme")] {
            let result = try RedbookBinary.run(["doctor", "--redis", url])
            #expect(result.status != 0)
            #expect(result.standardError.contains(reason), "\(url): \(result.standardError)")
        }
    }
}
