public import Foundation
public import RedbookRedis
import Glibc
import Synchronization

/// A private redis-server with the Search and JSON modules, on a free loopback port.
///
/// The server runs under a small shell watchdog that holds the read end of a pipe whose write
/// end only this process has: when this process ends in any way, even by SIGKILL, the pipe
/// closes and the watchdog stops the server. ``stop()`` does the same on purpose.
public final class EmbeddedServer: Sendable {
    /// Where to connect.
    public let url: RedisURL
    /// The server's private folder (data directory and log), removed on stop.
    public let directory: URL

    private let watchdog: pid_t
    private let serverPID: pid_t
    private let lifeline: Mutex<Int32>

    /// Starts a server from the cache and waits until it answers with both modules loaded.
    ///
    /// - Parameters:
    ///   - home: Where scripts/bootstrap installed the server and modules.
    ///   - timeout: How long to wait for the server to answer.
    /// - Throws: ``ServerError`` naming the missing file, or the reason and log tail of a failed start.
    public static func start(home: RedbookHome = .current, timeout: Duration = .seconds(20)) throws(ServerError) -> EmbeddedServer {
        for (file, what) in [(home.redisServer, "redis-server"), (home.searchModule, "the Search module (redisearch.so)"),
                             (home.jsonModule, "the JSON module (rejson.so)")]
        where !FileManager.default.fileExists(atPath: file.path) {
            throw .missingFile(path: file.path, what: what)
        }
        var lastError = ServerError.startFailed(reason: "no attempt made", logTail: "")
        // A port picked as free can be taken before the server binds it; try a few.
        for _ in 0..<5 {
            do {
                return try launch(home: home, port: try ServerProcess.freeLoopbackPort(), timeout: timeout)
            } catch {
                lastError = error
                guard case .startFailed(_, let log) = error, log.contains("Address already in use") else { throw error }
            }
        }
        throw lastError
    }

    private static func launch(home: RedbookHome, port: Int, timeout: Duration) throws(ServerError) -> EmbeddedServer {
        let directory: URL
        do {
            directory = try ServerProcess.makePrivateDirectory()
        } catch {
            throw .startFailed(reason: "cannot create a temporary folder: \(error)", logTail: "")
        }
        let log = directory.appendingPathComponent("redis.log")
        let arguments = [
            home.redisServer.path, "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", directory.path, "--logfile", log.path, "--daemonize", "no", "--protected-mode", "yes",
            "--loadmodule", home.searchModule.path, "--loadmodule", home.jsonModule.path,
        ]
        let spawned: ServerProcess.Spawned
        do {
            spawned = try ServerProcess.spawnWithWatchdog(arguments, pidFile: directory.appendingPathComponent("server.pid"))
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw .startFailed(reason: "\(error)", logTail: "")
        }
        let server = EmbeddedServer(
            url: RedisURL(host: "127.0.0.1", port: port), directory: directory,
            watchdog: spawned.watchdog, serverPID: spawned.server, lifeline: spawned.lifeline
        )
        do {
            try server.waitUntilReady(timeout: timeout)
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private init(url: RedisURL, directory: URL, watchdog: pid_t, serverPID: pid_t, lifeline: Int32) {
        self.url = url
        self.directory = directory
        self.watchdog = watchdog
        self.serverPID = serverPID
        self.lifeline = Mutex(lifeline)
        ServerRegistry.shared.add(self)
    }

    deinit {
        stop()
    }

    /// Whether the server process is still alive.
    public var isRunning: Bool {
        ServerProcess.isAlive(serverPID)
    }

    /// Whether the server has exited, or does within `timeout`.
    ///
    /// A killed server closes its sockets before the kernel marks it exited, so a client can see
    /// the connection drop while the process still looks alive; this bridges that moment.
    public func hasStopped(within timeout: Duration = .milliseconds(500)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isRunning {
            guard ContinuousClock.now < deadline else { return false }
            usleep(5_000)
        }
        return true
    }

    /// The last lines of the server's log, for error messages.
    public func logTail(lines: Int = 12) -> String {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("redis.log").path) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).joined(separator: "\n")
    }

    /// Stops the server and removes its folder. Safe to call more than once.
    public func stop() {
        let fd = lifeline.withLock { fd in
            defer { fd = -1 }
            return fd
        }
        guard fd >= 0 else { return }
        ServerRegistry.shared.remove(self)
        Glibc.close(fd)  // the watchdog sees end-of-file and stops the server
        if !ServerProcess.waitForExit(watchdog, timeout: .seconds(5)) {
            kill(serverPID, SIGKILL)
            kill(watchdog, SIGKILL)
            _ = ServerProcess.waitForExit(watchdog, timeout: .seconds(2))
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Turns a connection failure into ``ServerError/diedDuringRun(logTail:)`` when the server is gone.
    public func explain(_ error: RedisError) -> any Error {
        if case .connection = error, hasStopped() { return ServerError.diedDuringRun(logTail: logTail()) }
        return error
    }

    private func waitUntilReady(timeout: Duration) throws(ServerError) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastProblem = "no answer"
        while clock.now < deadline {
            guard isRunning else {
                throw .startFailed(reason: "redis-server exited", logTail: logTail())
            }
            do {
                let connection = try RedisConnection(url: url, connectTimeout: .milliseconds(500), commandTimeout: .seconds(5))
                _ = try connection.call("PING")
                let modules = try ServerModules.list(connection)
                for required in ["search", "ReJSON"] where !modules.contains(where: { $0.name == required }) {
                    throw ServerError.missingModule(name: required, loaded: modules.map(\.name))
                }
                return
            } catch let error as ServerError {
                throw error
            } catch {
                lastProblem = "\(error)"
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw .startFailed(reason: "no answer within \(timeout): \(lastProblem)", logTail: logTail())
    }
}
