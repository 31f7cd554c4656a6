extension JSONPrettyPrinter {
    /// One pass over JSON text that validates it and writes the indented form as it goes.
    ///
    /// In compact mode the text keeps its own spacing instead; in both, a long array of numbers
    /// is written as a summary (see ``JSONPrettyPrinter/numberArrayLimit``).
    struct Parser {
        private let bytes: [UInt8]
        private let compact: Bool
        private var index = 0
        private var output = [UInt8]()

        init(_ bytes: [UInt8], compact: Bool = false) {
            self.bytes = bytes
            self.compact = compact
            output.reserveCapacity(compact ? bytes.count : bytes.count * 2)
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
            case UInt8(ascii: "["):
                if numberArraySummary() { return true }
                return container(close: UInt8(ascii: "]"), isObject: false, depth: depth)
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
                    output.append(contentsOf: (compact ? ":" : ": ").utf8)
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
            guard scanNumber() else { return false }
            output.append(contentsOf: bytes[start..<index])
            return true
        }

        /// Writes an array of more than ``JSONPrettyPrinter/numberArrayLimit`` numbers, and
        /// nothing else, as its first numbers and its size; leaves any other array for the caller.
        private mutating func numberArraySummary() -> Bool {
            let start = index
            var elements = [Range<Int>]()
            index += 1
            var complete = false
            while true {
                skipWhitespaceUnwritten()
                if elements.isEmpty, peek(UInt8(ascii: "]")) { break }
                let element = index
                guard scanNumber() else { break }
                elements.append(element..<index)
                skipWhitespaceUnwritten()
                if peek(UInt8(ascii: ",")) {
                    index += 1
                    continue
                }
                complete = peek(UInt8(ascii: "]"))
                break
            }
            guard complete, elements.count > JSONPrettyPrinter.numberArrayLimit else {
                index = start
                return false
            }
            index += 1
            output += JSONPrettyPrinter.numberArraySummary(elements.prefix(CellText.vectorPreviewCount).map { Array(bytes[$0]) }, count: elements.count)
            return true
        }

        /// Steps over one number without writing it.
        private mutating func scanNumber() -> Bool {
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

        /// Steps over whitespace; compact mode writes it as it was.
        private mutating func skipWhitespace() {
            let start = index
            skipWhitespaceUnwritten()
            if compact { output.append(contentsOf: bytes[start..<index]) }
        }

        private mutating func skipWhitespaceUnwritten() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        private mutating func newline(depth: Int) {
            guard !compact else { return }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }

        private func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }
}
