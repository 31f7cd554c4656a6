extension Interpreter {
    /// Whether `source` could run as it is, or is waiting for more lines: a bracket, brace or
    /// parenthesis still open, or a multi-line string or block comment not yet closed. The REPL
    /// asks this after each line of a Swift entry; the parser then judges the whole entry.
    public static func isComplete(_ source: String) -> Bool {
        let bytes = Array(source.utf8)
        let quote = UInt8(ascii: "\""), slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        func tripleQuote(at index: Int) -> Bool {
            index + 2 < bytes.count && bytes[index] == quote && bytes[index + 1] == quote && bytes[index + 2] == quote
        }
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if tripleQuote(at: index) {
                // A multi-line string: open until its closing `"""`.
                index += 3
                while index < bytes.count, !tripleQuote(at: index) { index += bytes[index] == backslash ? 2 : 1 }
                if index >= bytes.count { return false }
                index += 3
                continue
            }
            switch byte {
            case quote:
                // A single-line string ends at its quote or, unclosed, at the line's end (the parser reports that).
                index += 1
                while index < bytes.count, bytes[index] != quote, bytes[index] != newline {
                    index += bytes[index] == backslash ? 2 : 1
                }
            case slash where index + 1 < bytes.count && bytes[index + 1] == slash:
                while index < bytes.count, bytes[index] != newline { index += 1 }
            case slash where index + 1 < bytes.count && bytes[index + 1] == star:
                var nesting = 0
                while index + 1 < bytes.count {
                    if bytes[index] == slash, bytes[index + 1] == star { nesting += 1; index += 2; continue }
                    if bytes[index] == star, bytes[index + 1] == slash {
                        nesting -= 1
                        index += 2
                        if nesting == 0 { break }
                        continue
                    }
                    index += 1
                }
                if nesting > 0 { return false }
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
            index += 1
        }
        return depth <= 0
    }
}
