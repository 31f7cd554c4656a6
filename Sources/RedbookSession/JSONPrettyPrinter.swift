/// Re-indents JSON text with two spaces per level, keeping everything else as the server sent it.
///
/// Strings and numbers are copied verbatim (escapes, `1.5`, `100000.0` stay as they are) and
/// object keys keep their order, so nothing is reinterpreted: only whitespace changes. Empty
/// objects and arrays print as `{}` and `[]`. Text that is not one valid JSON value, or that
/// nests deeper than ``maximumDepth``, returns `nil` so the caller can show it another way.
///
/// One exception keeps embeddings readable: an array of more than ``numberArrayLimit`` elements,
/// all numbers, is written as its first two numbers and its size, `[0.0123, -0.0456, … ] (384
/// values)`, which is no longer JSON.
package enum JSONPrettyPrinter {
    /// Deeper documents are shown as plain text rather than risk a deep recursion.
    static let maximumDepth = 256

    /// Arrays of numbers up to this long print whole; longer ones as a summary.
    static let numberArrayLimit = 16

    /// A JSON array or object as it was written, its long number arrays summarised, for a table
    /// cell; `nil` for anything else (other JSON values, text that is not JSON).
    package static func compact(_ bytes: [UInt8]) -> String? {
        guard let first = bytes.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "{") else { return nil }
        var printer = Parser(bytes, compact: true)
        return printer.run()
    }

    /// `[a, b, … ] (N values)`, like ``CellText/vectorSummary(_:)``: fractions with four decimals,
    /// so an embedding's summary does not change with the last digits a machine computes;
    /// integers as written.
    static func numberArraySummary(_ shown: [[UInt8]], count: Int) -> [UInt8] {
        let parts = shown.map { bytes -> String in
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let value = Double(text),
                  abs(value) < 1e9 else { return text }
            return CellText.fixed(value, decimals: 4, trimZeros: false)
        }
        return Array(("[" + parts.joined(separator: ", ") + ", … ] (\(count) values)").utf8)
    }

    /// The indented form of one JSON value, or `nil` when `bytes` is not valid JSON.
    package static func format(_ bytes: [UInt8]) -> String? {
        var printer = Parser(bytes)
        return printer.run()
    }

    /// Like ``format(_:)``, but the members of a top-level object are put in `order` (by key,
    /// compared after decoding escapes); keys not in `order` follow in their own order.
    ///
    /// JSON.GET with several paths answers with an object whose key order changes from run to
    /// run; ordering it like the command's paths keeps recorded outputs stable.
    package static func format(_ bytes: [UInt8], memberOrder order: [[UInt8]]) -> String? {
        var parser = Parser(bytes)
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
    package static func decodedString(_ token: ArraySlice<UInt8>) -> [UInt8]? {
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
    package static func formatArray(_ elements: [[UInt8]?]) -> String? {
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
