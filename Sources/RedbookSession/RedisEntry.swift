/// How lines group into commands in a `redis` block, for anything that reads lines one at a
/// time (the REPL) and must split them exactly as a notebook would.
public enum RedisEntry {
    /// Whether `line` continues the command above it: it starts with a space or a tab and is
    /// neither blank nor a comment.
    public static func continues(_ line: some StringProtocol) -> Bool {
        guard let first = line.utf8.first, first == 0x20 || first == 0x09 else { return false }
        return !isBlank(line) && !isComment(line)
    }

    /// Whether `line` is a comment: its first non-blank characters are `#` or `//`.
    public static func isComment(_ line: some StringProtocol) -> Bool {
        let trimmed = line.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        return trimmed.starts(with: [UInt8(ascii: "#")]) || trimmed.starts(with: Array("//".utf8))
    }

    /// Whether `line` holds only spaces and tabs (a blank line ends a command).
    public static func isBlank(_ line: some StringProtocol) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
