/// How much of one output part is recorded before the rest is replaced by a note.
///
/// Whole lines are kept while both limits hold, and the note, `… (output cut: N more lines)`,
/// counts the lines left out. A first line longer than the character limit keeps its first
/// `maxCharacters` characters, and then the note counts what was cut from it:
/// `… (output cut: N more characters)`, followed by ` and M more lines` when lines follow it.
struct OutputLimit: Sendable, Hashable {
    /// The start of every cut note, so a renderer can recognize one.
    static let notePrefix = "… (output cut: "

    /// At most 200 lines and 50,000 characters per part: room for a table of 30 search results
    /// with 500-character descriptions, as the vector-database tutorial shows.
    static let standard = OutputLimit(maxLines: 200, maxCharacters: 50_000)

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
                if kept.isEmpty, length > maxCharacters {
                    // One enormous line: show its beginning rather than nothing, and say how
                    // much of it is missing, since "1 more line" would hide nearly all of it.
                    kept.append(String(line.prefix(maxCharacters)))
                    return kept + [Self.note(characters: length - maxCharacters, lines: lines.count - 1)]
                }
                return kept + [Self.note(lines: lines.count - kept.count)]
            }
            kept.append(line)
            characters += length
        }
        return kept
    }

    static func note(characters: Int? = nil, lines: Int) -> String {
        let linesText = "\(lines) more \(lines == 1 ? "line" : "lines")"
        guard let characters else { return notePrefix + linesText + ")" }
        let charactersText = "\(characters) more \(characters == 1 ? "character" : "characters")"
        return notePrefix + charactersText + (lines > 0 ? " and " + linesText : "") + ")"
    }
}
