/// A JSON parser that keeps what Python's `json` module keeps and the table needs: integers
/// apart from floats, member order, repeated keys, and the byte offset of every problem.
///
/// Like Python it accepts `NaN`, `Infinity` and `-Infinity`, and refuses raw control
/// characters in strings. A lone surrogate escape becomes U+FFFD.
package struct JSONReader {
    let bytes: [UInt8]
    private let source: String
    var index = 0
    private var depth = 0
    /// Deeper nesting is refused instead of risking the stack.
    private static let maxDepth = 512

    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// Reads a document that is one JSON array; returns each element with its byte offset.
    mutating func readArray() throws(TableError) -> [(offset: Int, value: JSONValue)] {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw error("the input is not valid UTF-8", at: bad, hint: "save the file as UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard index < bytes.count else {
            throw error("the input is empty", at: index, hint: "give a JSON array of row objects, such as [{\"a\": 1}]")
        }
        guard bytes[index] == UInt8(ascii: "[") else {
            throw error("expected '[' to start an array of row objects", at: index,
                        hint: "give a JSON array of row objects, such as [{\"a\": 1}]")
        }
        index += 1
        var items: [(offset: Int, value: JSONValue)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let offset = index
                items.append((offset, try value()))
                skipWhitespace()
                if try separator(closing: UInt8(ascii: "]"), what: "array") { break }
            }
        }
        skipWhitespace()
        guard index == bytes.count else {
            throw error("unexpected text after the array", at: index, hint: "give exactly one JSON array")
        }
        return items
    }

    /// Reads a document that is exactly one JSON value of any kind.
    ///
    /// - Parameters:
    ///   - bytes: The document.
    ///   - source: Its file name or URL, for messages.
    /// - Throws: ``TableError`` with the line and column of the first problem.
    package static func document(_ bytes: [UInt8], source: String) throws(TableError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, source: source)
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw reader.error("the input is not valid UTF-8", at: bad, hint: "save the file as UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        guard reader.index < bytes.count else { throw reader.error("the input is empty", at: reader.index) }
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.index == bytes.count else {
            throw reader.error("unexpected text after the JSON value", at: reader.index, hint: "a document holds exactly one JSON value")
        }
        return value
    }

    /// The byte offset turned into a 1-based line and byte column, with the message.
    func error(_ message: String, at offset: Int, hint: String? = nil) -> TableError {
        var line = 1
        var lineStart = 0
        for position in 0..<min(offset, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        return TableError(source: source, line: line, column: offset - lineStart + 1, message: message, hint: hint)
    }

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    /// After an item: `,` (false: more follow) or the closing bracket (true: done).
    private mutating func separator(closing: UInt8, what: String) throws(TableError) -> Bool {
        guard let byte = peek() else {
            throw error("the \(what) is not closed", at: index, hint: "add '\(Character(Unicode.Scalar(closing)))' at the end")
        }
        index += 1
        if byte == closing { return true }
        if byte == UInt8(ascii: ",") { return false }
        throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))' in the \(what), found \(describe(byte))",
                    at: index - 1, hint: "separate items with commas")
    }

    private mutating func value() throws(TableError) -> JSONValue {
        guard let byte = peek() else {
            throw error("expected a value, found the end of the input", at: index, hint: "the JSON is cut short")
        }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            for (word, result) in Self.words where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return result
            }
            throw error("expected a value, found \(describe(byte))", at: index,
                        hint: "values are strings in double quotes, numbers, true, false, null, objects or arrays")
        }
    }

    private static let words: [(String, JSONValue)] = [
        ("true", .boolean(true)), ("false", .boolean(false)), ("null", .null),
        ("NaN", .double(.nan)), ("Infinity", .double(.infinity)),
    ]

    private mutating func nested() throws(TableError) {
        depth += 1
        guard depth <= Self.maxDepth else {
            throw error("nesting deeper than \(Self.maxDepth) levels", at: index, hint: "flatten the values")
        }
    }

    private mutating func object() throws(TableError) -> JSONValue {
        try nested()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                let found = peek().map(describe) ?? "the end of the input"
                throw error("expected a key in double quotes, found \(found)", at: index,
                            hint: "object keys are strings in double quotes; no trailing comma")
            }
            let key = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                let found = peek().map(describe) ?? "the end of the input"
                throw error("expected ':' after the key \"\(key)\", found \(found)", at: index, hint: nil)
            }
            index += 1
            skipWhitespace()
            members.append((key, try value()))
            skipWhitespace()
            if try separator(closing: UInt8(ascii: "}"), what: "object") { return .object(members) }
        }
    }

    private mutating func array() throws(TableError) -> JSONValue {
        try nested()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            if try separator(closing: UInt8(ascii: "]"), what: "array") { return .array(items) }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }
}
