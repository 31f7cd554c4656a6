import RedbookTables

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
        guard let offset = UTF8Validation.firstInvalidOffset(in: bytes) else { return nil }
        for (number, line) in lines.enumerated() where offset < line.next {
            return (number + 1, offset - line.start + 1)
        }
        return (max(lines.count, 1), 1)
    }
}
