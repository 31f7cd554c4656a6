/// How Python and tabulate read numbers written as text: `int(s)`, `float(s)`, tabulate's
/// thousands-separator pattern, and the digits after the point used for decimal alignment.
enum PythonNumberText {
    /// The text as Python's number parsers see it: every Unicode decimal digit (such as `١` or
    /// `１`) turned into its ASCII digit and surrounding whitespace removed; nil when another
    /// non-ASCII character makes it unreadable.
    private static func normalized(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if PythonText.isWhitespace(scalar) {
                bytes.append(UInt8(ascii: " "))
            } else if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
                      value >= 0, value <= 9 {
                bytes.append(UInt8(ascii: "0") + UInt8(value))
            } else {
                return nil
            }
        }
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return [] }
        return Array(bytes[first...last])
    }

    /// Whether `int(text)` succeeds: optional sign, digits with single `_` between them.
    static func isInteger(_ text: String) -> Bool {
        guard let bytes = normalized(text) else { return false }
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard let end = digitRun(bytes, from: index), end == bytes.count else { return false }
        return true
    }

    /// `float(text)`, or nil when Python raises: decimal notation with optional `_` between
    /// digits, or `inf`, `infinity`, `nan` in any case, each with an optional sign. No hex.
    static func float(_ text: String) -> Double? {
        guard let bytes = normalized(text), !bytes.isEmpty else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        let word = String(decoding: bytes[index...], as: UTF8.self).lowercased()
        if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
        if word == "nan" { return negative ? -.nan : .nan }
        var mantissaDigits = false
        if let end = digitRun(bytes, from: index) {
            index = end
            mantissaDigits = true
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if let end = digitRun(bytes, from: index) {
                index = end
                mantissaDigits = true
            }
        }
        guard mantissaDigits else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard let end = digitRun(bytes, from: index) else { return nil }
            index = end
        }
        guard index == bytes.count else { return nil }
        return Double(String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
    }

    /// tabulate's `_isnumber` for text: `float()` reads it, and it is not an overflow to
    /// infinity unless spelled exactly `inf`, `-inf` or `nan` (in any case).
    static func isNumber(_ text: String) -> Bool {
        guard let value = float(text) else { return false }
        if value.isFinite { return true }
        let lower = text.lowercased()
        return lower == "inf" || lower == "-inf" || lower == "nan"
    }

    /// tabulate's `^(([+-]?[0-9]{1,3})(?:,([0-9]{3}))*)?(?(1)\.[0-9]*|\.[0-9]+)?$`, where `$`
    /// also matches before one final newline. It matches the empty text too.
    static func hasThousandsSeparators(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if matchesThousands(bytes[...]) { return true }
        return bytes.last == UInt8(ascii: "\n") && matchesThousands(bytes.dropLast())
    }

    /// tabulate's `_afterpoint`: characters after the last `.` (else after the last `e`) of a
    /// non-integer number, -1 for integers and non-numbers. Decimal alignment pads with it.
    static func afterPoint(_ text: String) -> Int {
        guard isNumber(text) || hasThousandsSeparators(text) else { return -1 }
        if isInteger(text) { return -1 }
        let scalars = Array(text.unicodeScalars)
        let position = scalars.lastIndex(of: ".") ?? scalars.lastIndex { $0 == "e" || $0 == "E" }
        guard let position else { return -1 }
        return scalars.count - position - 1
    }

    /// The end of `digit (_? digit)*` starting at `start`, or nil when no digit is there.
    private static func digitRun(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        index += 1
        while index < bytes.count {
            if isDigit(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "_"), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    private static func matchesThousands(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < end, isDigit(bytes[index]) { index += 1 }
        let leading = index - digitsStart
        if leading == 0 {
            // Without the integer group only `.digits` (or nothing at all) may follow.
            guard bytes.startIndex == digitsStart else { return false }
            if index == end { return true }
            guard bytes[index] == UInt8(ascii: ".") else { return false }
            let fraction = bytes[(index + 1)...]
            return !fraction.isEmpty && fraction.allSatisfy(isDigit)
        }
        guard leading <= 3 else { return false }
        while index < end, bytes[index] == UInt8(ascii: ",") {
            let group = bytes[min(index + 1, end)..<min(index + 4, end)]
            guard group.count == 3, group.allSatisfy(isDigit) else { return false }
            index += 4
        }
        if index == end { return true }
        guard bytes[index] == UInt8(ascii: ".") else { return false }
        return bytes[(index + 1)...].allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
