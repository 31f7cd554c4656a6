extension JSONReader {
    /// A string in double quotes, with its escapes resolved; `index` is at the opening quote.
    mutating func string() throws(TableError) -> String {
        let start = index
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw error("the string is not closed", at: start, hint: "add the closing '\"'")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &buffer)
            case 0x00..<0x20:
                throw error("control character 0x\(String(byte, radix: 16)) inside a string", at: index,
                            hint: "write it as an escape such as \\n or \\u0009")
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    private mutating func escape(into buffer: inout [UInt8]) throws(TableError) {
        let start = index
        index += 1
        guard let letter = peek() else { throw error("the string is not closed", at: start, hint: "add the closing '\"'") }
        index += 1
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            buffer.append(simple)
            return
        }
        guard letter == UInt8(ascii: "u") else {
            throw error("invalid escape '\\\(Character(Unicode.Scalar(letter)))' in a string", at: start,
                        hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        }
        var code = try hex4(escapeStart: start)
        if (0xD800...0xDBFF).contains(code), bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
            let save = index
            index += 2
            let low = try hex4(escapeStart: save)
            if (0xDC00...0xDFFF).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = save
            }
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        buffer.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func hex4(escapeStart: Int) throws(TableError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw error("\\u must be followed by four hex digits", at: escapeStart, hint: nil)
            }
            code = code * 16 + UInt32(digit)
            index += 1
        }
        return code
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A number as Python reads it: an int without fraction or exponent (a float when it does
    /// not fit in 64 bits), otherwise a float; `-Infinity` too.
    mutating func number() throws(TableError) -> JSONValue {
        let start = index
        if peek() == UInt8(ascii: "-") {
            index += 1
            if bytes[index...].starts(with: "Infinity".utf8) {
                index += 8
                return .double(-.infinity)
            }
        }
        let integerStart = index
        guard skipDigits() > 0 else {
            throw error("expected a digit after '-'", at: index, hint: nil)
        }
        if bytes[integerStart] == UInt8(ascii: "0") && index - integerStart > 1 {
            throw error("a number cannot start with 0", at: integerStart, hint: "write 7, not 07, or quote it as \"07\"")
        }
        var isFloat = false
        if peek() == UInt8(ascii: ".") {
            index += 1
            isFloat = true
            guard skipDigits() > 0 else { throw error("expected a digit after '.'", at: index, hint: "write 1.0, not 1.") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            isFloat = true
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw error("expected a digit in the exponent", at: index, hint: nil) }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isFloat, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text) else { throw error("unreadable number \(text)", at: start, hint: nil) }
        return .double(value)
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }
}
