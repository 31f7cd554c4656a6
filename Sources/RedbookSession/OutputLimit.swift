/// How much of one output part is recorded before the rest is replaced by a note.
///
/// Whole lines are kept while both limits hold. A single line longer than the character limit
/// keeps its first `maxCharacters` characters. The note, `… (output cut: N more lines)`, counts
/// every line that is not shown whole.
struct OutputLimit: Sendable, Hashable {
    /// The start of every cut note, so a renderer can recognize one.
    static let notePrefix = "… (output cut: "

    /// At most 200 lines and 20,000 characters per part.
    static let standard = OutputLimit(maxLines: 200, maxCharacters: 20_000)

    /// Lines kept at most.
    var maxLines: Int
    /// Characters (extended grapheme clusters) kept at most, line breaks not counted.
    var maxCharacters: Int

    /// The lines that fit, followed by the note when any were left out.
    func cut(_ lines: [String]) -> [String] {
        var kept = [String]()
        var characters = 0
        for line in lines {
            let length = line.count
            if kept.count == maxLines || characters + length > maxCharacters {
                if kept.isEmpty {
                    // One enormous line: show its beginning rather than nothing.
                    kept.append(String(line.prefix(maxCharacters)))
                    return kept + [Self.note(lines.count)]
                }
                return kept + [Self.note(lines.count - kept.count)]
            }
            kept.append(line)
            characters += length
        }
        return kept
    }

    static func note(_ count: Int) -> String {
        notePrefix + "\(count) more \(count == 1 ? "line" : "lines"))"
    }
}
