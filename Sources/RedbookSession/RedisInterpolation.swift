import RedbookDSL

/// `\(expression)` inside a line of a `redis` block: the expression is a step-language value.
///
/// An interpolation that stands alone as an argument becomes that argument's bytes, so
/// `\(encode("kids bike"))` is one binary-safe FLOAT32 argument. One inside a longer argument
/// or inside double quotes (`"KNN \(k)"`) is replaced by its text. Inside single quotes nothing
/// is interpolated, as in a shell.
struct RedisInterpolation {
    /// An interpolation found in a line.
    struct Piece {
        /// Byte range of `\(…)` in the line.
        var range: Range<Int>
        /// The expression's text.
        var expression: String
        /// Whether it is a whole argument outside quotes.
        var standsAlone: Bool
        /// Whether it sits inside double quotes.
        var quoted: Bool
    }

    /// The interpolations in one line, in order.
    static func pieces(in line: [UInt8]) -> [Piece] {
        var pieces = [Piece]()
        var index = 0
        var quote: UInt8?
        while index < line.count {
            let byte = line[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\"), index + 1 < line.count, line[index + 1] != UInt8(ascii: "(") || open == UInt8(ascii: "'") {
                    index += 2
                    continue
                }
                if byte == open { quote = nil; index += 1; continue }
                if open == UInt8(ascii: "'") { index += 1; continue }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "\\"), index + 1 < line.count, line[index + 1] == UInt8(ascii: "("),
                  let close = closingParenthesis(in: line, from: index + 2) else {
                index += 1
                continue
            }
            let before = index == 0 || line[index - 1] == 0x20 || line[index - 1] == 0x09
            let after = close + 1 == line.count || line[close + 1] == 0x20 || line[close + 1] == 0x09
            pieces.append(Piece(range: index..<(close + 1),
                                expression: String(decoding: line[(index + 2)..<close], as: UTF8.self),
                                standsAlone: quote == nil && before && after, quoted: quote != nil))
            index = close + 1
        }
        return pieces
    }

    /// The `)` that closes an interpolation, skipping nested parentheses and string literals.
    private static func closingParenthesis(in line: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        var inString = false
        while index < line.count {
            let byte = line[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                if depth == 0 { return index }
                depth -= 1
            }
            index += 1
        }
        return nil
    }

    /// A marker that stands for an interpolated argument until the line is split.
    static func marker(_ number: Int) -> [UInt8] {
        [0x01] + Array("redbook-\(number)".utf8) + [0x01]
    }

    /// Text made safe for where it goes: escaped inside double quotes.
    static func inline(_ text: String, quoted: Bool) -> [UInt8] {
        guard quoted else { return Array(text.utf8) }
        var bytes = [UInt8]()
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return bytes
    }
}
