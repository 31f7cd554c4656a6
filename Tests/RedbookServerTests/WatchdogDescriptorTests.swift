import Foundation
import Glibc
@testable import RedbookServer
import Testing

/// The watchdog and the server it starts hold no descriptor of their parent's but their
/// lifeline: a pipe another thread opened for a child of its own (Foundation's `Pipe` is not
/// close-on-exec) must not stay open in a server that lives for the whole test run, or a
/// reader waiting for that pipe's end would wait as long.
@Suite struct WatchdogDescriptorTests {
    @Test func aPipeOpenInTheParentDoesNotReachTheWatchdogOrTheServer() throws {
        let pipe = Pipe()
        let writeEnd = pipe.fileHandleForWriting.fileDescriptor
        #expect(fcntl(writeEnd, F_GETFD) & FD_CLOEXEC == 0)
        let target = try #require(Self.link(of: "/proc/self/fd/\(writeEnd)"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-watchdog-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let spawned = try ServerProcess.spawnWithWatchdog(["/bin/sleep", "30"], pidFile: folder.appendingPathComponent("pid"))
        defer {
            Glibc.close(spawned.lifeline)
            _ = ServerProcess.waitForExit(spawned.watchdog, timeout: .seconds(5))
            try? FileManager.default.removeItem(at: folder)
        }
        for pid in [spawned.watchdog, spawned.server] {
            let held = Self.descriptorTargets(of: pid)
            #expect(!held.isEmpty, "no descriptors read for \(pid)")
            #expect(!held.contains(target), "\(pid) holds \(target)")
        }
    }

    static func link(of path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func descriptorTargets(of pid: pid_t) -> [String] {
        let folder = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { link(of: "\(folder)/\($0)") }
    }
}
