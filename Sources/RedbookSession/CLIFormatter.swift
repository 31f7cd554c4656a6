import RedbookRedis

/// Replies written the way redis-cli prints them on a terminal (its non-raw mode).
///
/// - a status as its text: `OK`;
/// - an error as `(error) ` and its text; in both a carriage return is written `\r`, since a
///   recorded output cannot hold one;
/// - an integer as `(integer) 11`;
/// - a bulk string in double quotes, with `\\ \" \n \r \t \a \b` escaped and other control bytes
///   and bytes that are not valid UTF-8 written as `\xhh`. Unlike redis-cli, which writes every
///   non-ASCII byte as `\xhh`, readable text stays readable: `café` is shown as `"café"`;
/// - a null as `(nil)`, an empty array as `(empty array)`;
/// - an array as numbered lines `1) ...`, the numbers right-aligned to the widest index, and a
///   nested array starting on its parent's line, indented under it.
enum CLIFormatter {
    /// The reply as redis-cli prints it, without a trailing newline.
    static func text(_ reply: Reply) -> String {
        var output = ""
        append(reply, prefix: "", to: &output)
        if output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    /// A bulk string in redis-cli's quoted form, such as `"a\x00b"`, keeping UTF-8 text readable.
    static func quoted(_ bytes: [UInt8]) -> String {
        var output = "\""
        output.unicodeScalars.reserveCapacity(bytes.count + 2)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte >= 0x80, let (scalar, length) = printableScalar(in: bytes, at: index - 1) {
                output.unicodeScalars.append(scalar)
                index += length - 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"): output += "\\\\"
            case UInt8(ascii: "\""): output += "\\\""
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x07: output += "\\a"
            case 0x08: output += "\\b"
            case 0x20...0x7E: output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "\\x"
                output.unicodeScalars.append(hexDigit(byte >> 4))
                output.unicodeScalars.append(hexDigit(byte & 0x0F))
            }
        }
        output += "\""
        return output
    }

    /// redis-cli's `cliFormatReplyTTY`: every entry ends with a newline; nested entries after
    /// the first carry `prefix`, which grows by the index width plus two per level.
    private static func append(_ reply: Reply, prefix: String, to output: inout String) {
        switch reply {
        case .status(let text):
            output += escapingCarriageReturns(text) + "\n"
        case .error(let text):
            output += "(error) " + escapingCarriageReturns(text) + "\n"
        case .integer(let value):
            output += "(integer) \(value)\n"
        case .bulk(let bytes):
            output += quoted(bytes) + "\n"
        case .null:
            output += "(nil)\n"
        case .array(let items):
            guard !items.isEmpty else {
                output += "(empty array)\n"
                return
            }
            let width = String(items.count).count
            let childPrefix = prefix + String(repeating: " ", count: width + 2)
            for (index, item) in items.enumerated() {
                if index > 0 { output += prefix }
                let number = String(index + 1)
                output += String(repeating: " ", count: width - number.count) + number + ") "
                append(item, prefix: childPrefix, to: &output)
            }
        }
    }

    /// Status and error text as redis-cli prints it, but with each carriage return written as
    /// `\r`: Markdown reads a lone CR as a line break and a recorded region drops one before a
    /// line feed, so the text would not read back as it was recorded.
    private static func escapingCarriageReturns(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars {
            if scalar == "\r" { result += "\\r" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// The printable scalar a valid UTF-8 sequence starting at `start` encodes, and its length;
    /// `nil` for invalid, overlong or surrogate sequences and for C1 control characters.
    private static func printableScalar(in bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[start]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard start + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let continuation = bytes[start + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        let smallest: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return nil }
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
            return nil
        }
        return (scalar, length)
    }

    private static func hexDigit(_ value: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10)
    }
}
