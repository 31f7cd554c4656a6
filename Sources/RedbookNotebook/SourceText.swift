/// A notebook's bytes split into lines, keeping every byte so edits can be spliced back exactly.
///
/// Markdown counts `\n`, `\r\n` and a lone `\r` as line endings; so does this type, so its line
/// numbers agree with the parser's source positions.
struct SourceText: Sendable {
    /// One line: where its text starts and ends, and where its line ending ends.
    struct Line: Sendable, Hashable {
        /// Offset of the first byte of the line.
        var start: Int
        /// Offset just past the line's text (before its line ending).
        var end: Int
        /// Offset just past the line ending (equal to `end` on a last line without one).
        var next: Int

        var hasTerminator: Bool { next > end }
    }

    let bytes: [UInt8]
    let lines: [Line]
    /// The line ending new lines are written with: the file's first one, else `\n`.
    let lineEnding: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var lines = [Line]()
        var start = 0
        var index = 0
        var firstEnding: [UInt8]?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let crlf = byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                let next = index + (crlf ? 2 : 1)
                if firstEnding == nil { firstEnding = Array(bytes[index..<next]) }
                lines.append(Line(start: start, end: index, next: next))
                start = next
                index = next
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append(Line(start: start, end: bytes.count, next: bytes.count)) }
        self.lines = lines
        self.lineEnding = firstEnding ?? [UInt8(ascii: "\n")]
    }

    /// The text of a 1-based line without its line ending, or `nil` past the end.
    func text(ofLine number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        return bytes[line.start..<line.end]
    }

    /// The 1-based line and byte column of the first byte that is not valid UTF-8, or `nil`.
    func firstInvalidUTF8() -> (line: Int, column: Int)? {
        guard let offset = Self.invalidUTF8Offset(bytes) else { return nil }
        for (number, line) in lines.enumerated() where offset < line.next {
            return (number + 1, offset - line.start + 1)
        }
        return (max(lines.count, 1), 1)
    }

    /// Offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
    static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for position in 1..<length {
                guard index + position < bytes.count else { return index }
                let byte = bytes[index + position]
                let (low, high) = position == 1 ? (lower, upper) : (0x80, 0xBF)
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }
}
