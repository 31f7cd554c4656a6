/// Re-indents JSON text with two spaces per level, keeping everything else as the server sent it.
///
/// Strings and numbers are copied verbatim (escapes, `1.5`, `100000.0` stay as they are) and
/// object keys keep their order, so nothing is reinterpreted: only whitespace changes. Empty
/// objects and arrays print as `{}` and `[]`. Text that is not one valid JSON value, or that
/// nests deeper than ``maximumDepth``, returns `nil` so the caller can show it another way.
enum JSONPrettyPrinter {
    /// Deeper documents are shown as plain text rather than risk a deep recursion.
    static let maximumDepth = 256

    /// The indented form of one JSON value, or `nil` when `bytes` is not valid JSON.
    static func format(_ bytes: [UInt8]) -> String? {
        var printer = JSONParserState(bytes)
        return printer.run()
    }

    /// Like ``format(_:)``, but the members of a top-level object are put in `order` (by key,
    /// compared after decoding escapes); keys not in `order` follow in their own order.
    ///
    /// JSON.GET with several paths answers with an object whose key order changes from run to
    /// run; ordering it like the command's paths keeps recorded outputs stable.
    static func format(_ bytes: [UInt8], memberOrder order: [[UInt8]]) -> String? {
        var parser = JSONParserState(bytes)
        guard let members = parser.topLevelMembers() else { return format(bytes) }
        let rank = { (key: [UInt8]) in order.firstIndex(of: key) ?? order.count }
        let sorted = members.enumerated().sorted { left, right in
            let (a, b) = (rank(left.element.key), rank(right.element.key))
            return a != b ? a < b : left.offset < right.offset
        }
        var rebuilt: [UInt8] = [UInt8(ascii: "{")]
        for (position, member) in sorted.enumerated() {
            if position > 0 { rebuilt.append(UInt8(ascii: ",")) }
            rebuilt += member.element.token + [UInt8(ascii: ":")] + member.element.value
        }
        rebuilt.append(UInt8(ascii: "}"))
        return format(rebuilt)
    }

    /// The bytes a JSON string token (with its quotes) stands for, or `nil` for a bad escape.
    static func decodedString(_ token: ArraySlice<UInt8>) -> [UInt8]? {
        guard token.count >= 2 else { return nil }
        let body = Array(token.dropFirst().dropLast())
        var result = [UInt8]()
        var index = 0
        var pendingHigh: UInt32?
        while index < body.count {
            let byte = body[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < body.count else {
                result.append(byte)
                index += 1
                continue
            }
            let escaped = body[index + 1]
            index += 2
            guard escaped == UInt8(ascii: "u") else {
                let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                guard let value = simple[escaped] else { return nil }
                result.append(value)
                continue
            }
            guard index + 4 <= body.count, let unit = UInt32(String(decoding: body[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                return nil
            }
            index += 4
            var scalarValue = unit
            if (0xD800...0xDBFF).contains(unit) {
                pendingHigh = unit
                continue
            }
            if (0xDC00...0xDFFF).contains(unit), let high = pendingHigh {
                scalarValue = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
            }
            pendingHigh = nil
            guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
            result += Array(String(Character(scalar)).utf8)
        }
        return result
    }

    /// Several JSON texts as the elements of one indented array; a `nil` element prints as `null`.
    static func formatArray(_ elements: [[UInt8]?]) -> String? {
        guard !elements.isEmpty else { return "[]" }
        var parts = [String]()
        for element in elements {
            guard let element else { parts.append("null"); continue }
            guard let text = format(element) else { return nil }
            parts.append(text)
        }
        let indented = parts.map { "  " + $0.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") }
        return "[\n" + indented.joined(separator: ",\n") + "\n]"
    }
}

/// The parser behind ``JSONPrettyPrinter``: one pass, writing as it validates.
private struct JSONParserState {
    private let bytes: [UInt8]
    private var index = 0
    private var output = [UInt8]()

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count * 2)
    }

    /// The members of a top-level object: decoded key, key token as written, value text.
    /// `nil` when the text is not exactly one valid object.
    mutating func topLevelMembers() -> [(key: [UInt8], token: [UInt8], value: [UInt8])]? {
        skipWhitespace()
        guard peek(UInt8(ascii: "{")) else { return nil }
        index += 1
        var members = [(key: [UInt8], token: [UInt8], value: [UInt8])]()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let keyStart = index
                guard peek(UInt8(ascii: "\"")), string() else { return nil }
                let token = bytes[keyStart..<index]
                guard let key = JSONPrettyPrinter.decodedString(token) else { return nil }
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { return nil }
                index += 1
                skipWhitespace()
                let valueStart = index
                guard value(depth: 1) else { return nil }
                members.append((key, Array(token), Array(bytes[valueStart..<index])))
                skipWhitespace()
                if peek(UInt8(ascii: ",")) {
                    index += 1
                    continue
                }
                guard peek(UInt8(ascii: "}")) else { return nil }
                index += 1
                break
            }
        }
        skipWhitespace()
        return index == bytes.count ? members : nil
    }

    mutating func run() -> String? {
        skipWhitespace()
        guard value(depth: 0) else { return nil }
        skipWhitespace()
        guard index == bytes.count else { return nil }
        return String(validating: output, as: UTF8.self)
    }

    private mutating func value(depth: Int) -> Bool {
        guard depth < JSONPrettyPrinter.maximumDepth, index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), isObject: true, depth: depth)
        case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), isObject: false, depth: depth)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func container(close: UInt8, isObject: Bool, depth: Int) -> Bool {
        output.append(bytes[index])
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == close {
            output.append(close)
            index += 1
            return true
        }
        while true {
            newline(depth: depth + 1)
            if isObject {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return false }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                index += 1
                output.append(contentsOf: ": ".utf8)
                skipWhitespace()
            }
            guard value(depth: depth + 1) else { return false }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                output.append(UInt8(ascii: ","))
                index += 1
                skipWhitespace()
                continue
            }
            guard bytes[index] == close else { return false }
            index += 1
            newline(depth: depth)
            output.append(close)
            return true
        }
    }

    private mutating func string() -> Bool {
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                output.append(contentsOf: bytes[start..<index])
                return true
            }
            if byte < 0x20 { return false }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { return false }
                let escaped = bytes[index + 1]
                if escaped == UInt8(ascii: "u") {
                    guard index + 5 < bytes.count,
                          bytes[(index + 2)...(index + 5)].allSatisfy({ isHexDigit($0) }) else { return false }
                    index += 6
                    continue
                }
                guard Array("\"\\/bfnrt".utf8).contains(escaped) else { return false }
                index += 2
                continue
            }
            index += 1
        }
        return false
    }

    private mutating func number() -> Bool {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else {
            guard digits() else { return false }
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digits() else { return false }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digits() else { return false }
        }
        output.append(contentsOf: bytes[start..<index])
        return true
    }

    private mutating func digits() -> Bool {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index > start
    }

    private mutating func literal(_ word: String) -> Bool {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            return false
        }
        output.append(contentsOf: expected)
        index += expected.count
        return true
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func newline(depth: Int) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
