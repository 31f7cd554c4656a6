/// The backtick fence for a code block that must hold some text unchanged.
public enum CodeFence {
    /// Three backticks, or one more than the longest backtick run in `lines`, so no line inside can
    /// close the block early.
    public static func backticks(enclosing lines: some Sequence<some StringProtocol>) -> String {
        var longest = 0
        for line in lines {
            var run = 0
            for byte in line.utf8 {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
