/// Splits one line of redis-cli syntax into binary-safe arguments.
///
/// The rules are redis-cli's (its `sdssplitargs`):
///
/// - arguments are separated by whitespace;
/// - `"..."` understands `\n \r \t \b \a`, `\xhh` (any byte, so `\x00` works) and a backslash
///   before any other character stands for that character (`\\`, `\"`);
/// - `'...'` is literal except that `\'` stands for a single quote;
/// - a quote may start in the middle of an argument (`key"with space"` is one argument), but a
///   closing quote must be followed by whitespace or the end of the line.
///
/// Columns are 1-based byte offsets into the line's UTF-8, so a caller can add the line's own
/// position to point at the spot in its file.
///
/// ```swift
/// let arguments = try CommandLineParser.split(#"SET greeting "hello\x00world""#)
/// // arguments.map(\.bytes).count == 3; arguments[2].column == 14
/// ```
public enum CommandLineParser {
    /// One argument and where it starts.
    public struct Argument: Sendable, Hashable {
        /// The argument's bytes, escapes decoded.
        public var bytes: [UInt8]
        /// 1-based byte column of the argument's first character (its opening quote, if quoted).
        public var column: Int

        /// Creates an argument.
        public init(bytes: [UInt8], column: Int) {
            self.bytes = bytes
            self.column = column
        }
    }

    /// A line that redis-cli would refuse: an unbalanced quote, or a closing quote glued to more text.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// 1-based byte column of the problem: the opening quote that is never closed, or the
        /// character right after a closing quote.
        public var column: Int
        /// What is wrong.
        public var reason: String
        /// How to fix it.
        public var hint: String

        /// Creates a syntax error.
        public init(column: Int, reason: String, hint: String) {
            self.column = column
            self.reason = reason
            self.hint = hint
        }

        public var description: String { "column \(column): \(reason) (hint: \(hint))" }
    }

    /// Splits a line of text into arguments.
    ///
    /// - Parameter line: One line, without its line ending.
    /// - Returns: The arguments in order; an empty array for a blank line.
    /// - Throws: ``SyntaxError`` for an unbalanced quote or a closing quote followed by more text.
    public static func split(_ line: String) throws(SyntaxError) -> [Argument] {
        try split(bytes: Array(line.utf8))
    }

    /// Splits a line given as bytes into arguments.
    ///
    /// - Parameter line: One line, without its line ending.
    /// - Returns: The arguments in order; an empty array for a blank line.
    /// - Throws: ``SyntaxError`` for an unbalanced quote or a closing quote followed by more text.
    public static func split(bytes line: [UInt8]) throws(SyntaxError) -> [Argument] {
        var arguments = [Argument]()
        var index = 0
        while true {
            while index < line.count, isSpace(line[index]) { index += 1 }
            guard index < line.count else { return arguments }
            let start = index
            var current = [UInt8]()
            var done = false
            while !done {
                guard index < line.count else { break }
                switch line[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    done = true
                case UInt8(ascii: "\""):
                    index = try readDoubleQuoted(line, from: index, into: &current)
                case UInt8(ascii: "'"):
                    index = try readSingleQuoted(line, from: index, into: &current)
                default:
                    current.append(line[index])
                    index += 1
                }
            }
            arguments.append(Argument(bytes: current, column: start + 1))
        }
    }

    /// Reads a `"..."` section starting at its opening quote; returns the index after the closing quote.
    private static func readDoubleQuoted(_ line: [UInt8], from open: Int, into current: inout [UInt8]) throws(SyntaxError) -> Int {
        var index = open + 1
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), index + 1 < line.count {
                let next = line[index + 1]
                if next == UInt8(ascii: "x"), index + 3 < line.count,
                   let high = hexValue(line[index + 2]), let low = hexValue(line[index + 3]) {
                    current.append(high << 4 | low)
                    index += 4
                    continue
                }
                switch next {
                case UInt8(ascii: "n"): current.append(0x0A)
                case UInt8(ascii: "r"): current.append(0x0D)
                case UInt8(ascii: "t"): current.append(0x09)
                case UInt8(ascii: "b"): current.append(0x08)
                case UInt8(ascii: "a"): current.append(0x07)
                default: current.append(next)
                }
                index += 2
            } else if byte == UInt8(ascii: "\"") {
                return try closingQuote(line, at: index, quote: "\"")
            } else {
                current.append(byte)
                index += 1
            }
        }
        throw SyntaxError(
            column: open + 1,
            reason: "unbalanced quotes: this \" string is never closed on its line",
            hint: "close it with \" on the same line, or write a literal quote inside it as \\\""
        )
    }

    /// Reads a `'...'` section starting at its opening quote; returns the index after the closing quote.
    private static func readSingleQuoted(_ line: [UInt8], from open: Int, into current: inout [UInt8]) throws(SyntaxError) -> Int {
        var index = open + 1
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), index + 1 < line.count, line[index + 1] == UInt8(ascii: "'") {
                current.append(UInt8(ascii: "'"))
                index += 2
            } else if byte == UInt8(ascii: "'") {
                return try closingQuote(line, at: index, quote: "'")
            } else {
                current.append(byte)
                index += 1
            }
        }
        throw SyntaxError(
            column: open + 1,
            reason: "unbalanced quotes: this ' string is never closed on its line",
            hint: "close it with ' on the same line, or write a literal quote inside it as \\'"
        )
    }

    private static func closingQuote(_ line: [UInt8], at index: Int, quote: Character) throws(SyntaxError) -> Int {
        let after = index + 1
        if after < line.count, !isSpace(line[after]) {
            throw SyntaxError(
                column: after + 1,
                reason: "a closing \(quote) must be followed by a space or the end of the line",
                hint: "put a space after the closing quote, or move the text inside the quotes"
            )
        }
        return after
    }

    /// C's `isspace` in the C locale, which redis-cli uses between arguments.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
