import Foundation
import Glibc

/// A program on a pseudo-terminal of its own, typed at as a person would: the terminal is its
/// controlling terminal, so Ctrl-C raises SIGINT as on a real one. The REPL's tests and
/// `redbook bench repl` drive `redbook repl` through it.
public final class PseudoTerminal {
    /// Why the terminal could not start, or what never came.
    public enum Failure: Error, CustomStringConvertible {
        case setup(String)
        case timeout(waitingFor: String, screen: String)

        public var description: String {
            switch self {
            case .setup(let reason): "pty setup: \(reason)"
            case .timeout(let text, let screen): "timed out waiting for \(text.debugDescription); output so far:\n\(screen)"
            }
        }
    }

    public private(set) var pid: Int32 = 0
    private var exitStatus: Int32?
    private let master: Int32
    /// Everything the program wrote, escape sequences removed.
    public private(set) var output = ""

    /// Starts `PROGRAM ARGUMENTS` on a 100-column terminal, with `TERM=xterm` and `NO_COLOR=1`.
    public init(program: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0, Self.call("grantpt", master) == 0, Self.call("unlockpt", master) == 0,
              let slavePath = Self.slaveName(master) else {
            throw Failure.setup("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        var variables = ProcessInfo.processInfo.environment
        variables["TERM"] = "xterm"
        variables["NO_COLOR"] = "1"
        variables.merge(environment) { $1 }
        // A new session whose first terminal opened becomes its controlling one: the slave,
        // opened as the standard descriptors after setsid. stty gives it a size.
        // The shell stays, to print the exit status: another test's Foundation.Process may reap
        // any child, so waitpid cannot be relied on. It ignores Ctrl-C, which is the program's.
        let command = "trap '' INT; stty cols 100 rows 40 && \"$0\" \"$@\"; echo \"\(Self.exitMarker)$?.\""
        let argv = ["/bin/sh", "-c", command, program] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(0x80))  // POSIX_SPAWN_SETSID
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, "/bin/sh", &actions, &attributes, cArguments, cEnvironment)
        guard status == 0 else { throw Failure.setup("cannot start the program: \(String(cString: strerror(status)))") }
        pid = child
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    // Glibc's module map leaves out the XSI pty functions; they are looked up by name instead.
    private static func call(_ name: String, _ descriptor: Int32) -> Int32 {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return -1 }
        typealias Function = @convention(c) (Int32) -> Int32
        return unsafeBitCast(symbol, to: Function.self)(descriptor)
    }

    private static func slaveName(_ descriptor: Int32) -> String? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "ptsname_r") else { return nil }
        typealias Function = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        var buffer = [CChar](repeating: 0, count: 128)
        guard unsafeBitCast(symbol, to: Function.self)(descriptor, &buffer, buffer.count) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        if isRunning {
            // The whole session: the shell and the program under it.
            kill(-pid, SIGTERM)
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    private static let exitMarker = "[redbook exited with status "
    /// Where the exit marker may start: everything before was searched already.
    private var exitSearchStart = "".startIndex

    /// Whether the program has not exited yet.
    public var isRunning: Bool {
        drain()
        guard exitStatus == nil else { return false }
        guard let markerEnd = find(Self.exitMarker, from: exitSearchStart) else {
            // Only what comes later can complete the marker.
            exitSearchStart = output.utf8.index(output.endIndex, offsetBy: -min(output.utf8.count, Self.exitMarker.utf8.count))
            return true
        }
        guard let end = output[markerEnd...].firstIndex(of: "."),
              let status = Int32(output[markerEnd..<end]) else { return true }
        exitStatus = status
        return false
    }

    /// Types text; `\r` is Enter, `\u{03}` Ctrl-C, `\u{04}` Ctrl-D, `\t` Tab.
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the output holds `text` after `offset`, and returns the end of the match.
    @discardableResult
    public func waitFor(_ text: String, after offset: String.Index? = nil, timeout: Double = 20) throws -> String.Index {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let start = offset ?? output.startIndex
            if text.isEmpty { return start }
            if let end = find(text, from: start) { return end }
            if drain(wait: 50) { continue }
            if Date() > deadline { throw Failure.timeout(waitingFor: text, screen: output) }
            if !isRunning {
                // It exited: what it wrote last may still hold the text.
                while drain() {}
                if let end = find(text, from: start) { return end }
                throw Failure.timeout(waitingFor: text, screen: output)
            }
        }
    }

    /// Reads until the program has written nothing for `quiet` milliseconds.
    public func settle(quiet milliseconds: Int32 = 30) {
        while drain(wait: milliseconds) {}
    }

    /// The output's end, to wait for something that comes after it.
    public var mark: String.Index { drain(); return output.endIndex }

    /// Types a line and Enter, then waits for `reply` and for the next prompt (`PROMPT> ` at the
    /// start of a line), as a person would before typing on; typing ahead of the prompt reaches
    /// a terminal that is still in line mode.
    ///
    /// - Parameter promptStart: How the prompt begins on its new line; the embedded server's by default.
    public func enter(_ line: String, expecting reply: String, promptStart: String = "\n127.0.0.1:") throws {
        let start = mark
        type(line + "\r")
        let end = try waitFor(reply, after: start)
        // The editor redraws its prompt while a line is typed; a new prompt starts a line.
        try waitFor("> ", after: try waitFor(promptStart, after: end))
    }

    /// Presses Ctrl-D until the program exits (one typed ahead of the editor, while the terminal
    /// is still in line mode, can be taken by the terminal itself), and returns its status.
    public func pressCtrlDUntilExit() throws -> Int32 {
        for _ in 0..<5 {
            type("\u{04}")
            if let status = try? waitForExit(timeout: 2) { return status }
        }
        return try waitForExit()
    }

    /// Waits for the program to exit and returns its status.
    public func waitForExit(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning {
            if Date() > deadline { throw Failure.timeout(waitingFor: "exit", screen: output) }
            drain(wait: 50)
        }
        drain()
        return exitStatus ?? -1
    }

    /// The end of the first `text` at or after `start`, compared byte by byte.
    ///
    /// Foundation's search would bridge the whole transcript on every poll, so a long benchmark's
    /// waiting would take a core from the program it measures.
    private func find(_ text: String, from start: String.Index) -> String.Index? {
        let needle = Array(text.utf8)
        let bytes = output.utf8
        guard let first = needle.first else { return start }
        var index = start
        while let candidate = bytes[index...].firstIndex(of: first) {
            if bytes[candidate...].starts(with: needle) { return bytes.index(candidate, offsetBy: needle.count) }
            index = bytes.index(after: candidate)
        }
        return nil
    }

    /// Reads what is there; `true` when something came.
    @discardableResult
    private func drain(wait milliseconds: Int32 = 0) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        output += Self.plain(String(decoding: buffer[..<count], as: UTF8.self))
        return true
    }

    /// Text without terminal escape sequences or carriage returns.
    public static func plain(_ text: String) -> String {
        var result = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let code = iterator.next(), !(0x40...0x7E).contains(code.value) {}
                }
                continue
            }
            if scalar == "\r" || scalar == "\u{07}" { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
