import RedbookRedis

/// How single values look inside a search or index table.
enum CellText {
    /// How many vector components a summary shows before the ellipsis.
    static let vectorPreviewCount = 2

    /// Whether bytes are UTF-8 text a reader can see: valid UTF-8 with no control characters
    /// except tab, line feed and carriage return.
    static func isPrintableText(_ bytes: [UInt8]) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: true
            case 0x00...0x1F, 0x7F...0x9F: false
            default: true
            }
        }
    }

    /// Whether a value is best shown as a FLOAT32 vector: it is a whole number of 4-byte floats
    /// and either the index declares the field as a vector or the bytes are not readable text.
    static func isVector(_ bytes: [UInt8], declared: Bool) -> Bool {
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return false }
        return declared || !isPrintableText(bytes)
    }

    /// A FLOAT32 vector's summary: `[0.0123, -0.0456, … ] (384 dims)`.
    ///
    /// The first ``vectorPreviewCount`` components are shown with four decimals; a vector that
    /// short prints whole, without the ellipsis.
    static func vectorSummary(_ bytes: [UInt8]) -> String {
        let count = bytes.count / 4
        var shown = [String]()
        for component in 0..<min(count, vectorPreviewCount) {
            var bits: UInt32 = 0
            for byte in (0..<4).reversed() {
                bits = bits << 8 | UInt32(bytes[component * 4 + byte])
            }
            let value = Float(bitPattern: bits)
            // Four decimals say nothing about a huge component; its shortest form does.
            shown.append(abs(value) < 1e9 || !value.isFinite ? fixed(Double(value), decimals: 4, trimZeros: false) : "\(value)")
        }
        let dims = count == 1 ? "1 dim" : "\(count) dims"
        if count > vectorPreviewCount {
            return "[" + shown.joined(separator: ", ") + ", … ] (\(dims))"
        }
        return "[" + shown.joined(separator: ", ") + "] (\(dims))"
    }

    /// A score rounded to four decimal places, trailing zeros dropped (`0.123456` → `0.1235`,
    /// `0.5000` → `0.5`, `1` → `1`). Text that is not a finite number comes back unchanged.
    static func roundedScore(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        return fixed(value, decimals: 4, trimZeros: true)
    }

    /// Whether a returned field holds a score: its name ends in `score`, such as `__vector_score`,
    /// `vector_score` or `__score`.
    static func isScoreField(_ name: String) -> Bool {
        name.lowercased().hasSuffix("score")
    }

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
    ///
    /// Formatting by hand keeps the text independent of the C library and locale.
    static func fixed(_ value: Double, decimals: Int, trimZeros: Bool) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 1e17 else { return "\(value)" }
        let magnitude = UInt64(abs(scaled))
        var digits = String(magnitude)
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
        }
        var whole = String(digits.dropLast(decimals))
        var fraction = String(digits.suffix(decimals))
        if trimZeros {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        if whole.isEmpty { whole = "0" }
        let sign = scaled < 0 ? "-" : ""
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A reply inside a table cell: text as it is, integers as digits, binary bytes in redis-cli's
    /// quoted form, a nested array as `[a, b]`, an error as `(error) ...`.
    static func plain(_ reply: Reply) -> String {
        switch reply {
        case .status(let text): text
        case .error(let text): "(error) " + text
        case .integer(let value): String(value)
        case .bulk(let bytes):
            isPrintableText(bytes) ? String(decoding: bytes, as: UTF8.self) : CLIFormatter.quoted(bytes)
        case .null: ""
        case .array(let items): "[" + items.map(plain).joined(separator: ", ") + "]"
        }
    }
}
