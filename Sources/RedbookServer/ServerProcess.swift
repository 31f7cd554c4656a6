import Foundation
import Glibc

/// Process plumbing for the embedded server: a free port, a private folder, spawning under a
/// watchdog, and watching processes through /proc.
enum ServerProcess {
    struct Spawned {
        var watchdog: pid_t
        var server: pid_t
        /// Write end of the pipe whose closing stops the server.
        var lifeline: Int32
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// The watchdog: start the server with no inherited pipe, record its pid, then wait for
    /// end-of-file on standard input, stop the server and remove its private folder (the one
    /// holding the pid file), which Redbook cannot do itself when it was killed.
    private static let watchdogScript = """
        pidfile=$1; shift
        "$@" </dev/null >/dev/null 2>&1 &
        server=$!
        echo "$server" > "$pidfile"
        read -r _
        kill -TERM "$server" 2>/dev/null
        wait "$server"
        rm -rf -- "${pidfile%/*}"
        """

    /// The process's open file descriptors, from /proc/self/fd.
    private static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }
    }

    static func spawnWithWatchdog(_ arguments: [String], pidFile: URL) throws(SpawnError) -> Spawned {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
        // Neither end may leak into other children; dup2 onto the watchdog's stdin clears the flag there.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Descriptors other threads opened without close-on-exec (a pipe to a child they are about
        // to start, say) would live on in the watchdog for as long as the server runs, and a reader
        // waiting for that pipe's end would wait as long. Glibc ignores the ones closed meanwhile.
        for fd in openDescriptors() where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group: a Ctrl-C at the terminal reaches Redbook, which then stops the server in order.
        posix_spawnattr_setpgroup(&attributes, 0)
        // Redbook may ignore SIGINT while it handles it; the children must not inherit that.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ["/bin/sh", "-c", watchdogScript, "redbook-redis-watchdog", pidFile.path] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArguments, environ)
        Glibc.close(fds[0])
        guard status == 0 else {
            Glibc.close(fds[1])
            throw SpawnError(description: "cannot start /bin/sh: \(String(cString: strerror(status)))")
        }
        // The watchdog writes the server's pid as soon as it has started it.
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: pidFile, encoding: .utf8),
               text.hasSuffix("\n"), let server = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return Spawned(watchdog: pid, server: server, lifeline: fds[1])
            }
            if waitForExit(pid, timeout: .milliseconds(5)) { break }
        }
        Glibc.close(fds[1])
        throw SpawnError(description: "the watchdog did not start redis-server")
    }

    /// Whether a process exists and is not a zombie.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != nil && state != "Z" && state != "X"
    }

    /// Reaps a child, waiting at most `timeout`; true when it has exited.
    static func waitForExit(_ pid: pid_t, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        repeat {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno == ECHILD) { return true }
            usleep(2_000)
        } while ContinuousClock.now < deadline
        return false
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freeLoopbackPort() throws(ServerError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .startFailed(reason: "socket: \(String(cString: strerror(errno)))", logTail: "") }
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw .startFailed(reason: "no free loopback port: \(String(cString: strerror(errno)))", logTail: "") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A new folder only this user can read, under `$TMPDIR`.
    static func makePrivateDirectory() throws -> URL {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/redbook-redis.XXXXXX".utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SpawnError(description: "mkdtemp in \(base): \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: path), isDirectory: true)
    }
}
