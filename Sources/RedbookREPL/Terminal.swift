import CEditline
import Glibc

/// The process's terminal, if it has one: width, colour and unbuffered writes.
enum Terminal {
    /// Whether standard input and output are both terminals, so prompts and editing make sense.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// The width of the terminal on standard output, or `nil` when it is not a terminal.
    static var columns: Int? {
        let width = Int(redbook_terminal_columns(STDOUT_FILENO))
        return width > 0 ? width : nil
    }

    /// Whether output may be coloured: on a terminal, and `NO_COLOR` not set to anything.
    static var allowsColour: Bool {
        isatty(STDOUT_FILENO) == 1 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }

    /// Writes text to standard output at once, past any buffer.
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Writes text to standard error at once.
    static func writeError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
