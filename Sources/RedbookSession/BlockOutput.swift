/// The Markdown a block records, built up one reply at a time.
///
/// Plain replies of consecutive commands share one ```` ```text ```` block; a JSON reply gets its
/// own ```` ```json ```` block and a table stands on its own. Parts are separated by a blank line.
/// Each part is cut at ``OutputLimit`` with a visible note, so one huge reply cannot swamp a notebook.
struct BlockOutput: Sendable {
    enum Part: Sendable, Hashable {
        case text([String])
        case json(String)
        case markdown(String)
    }

    private(set) var parts = [Part]()
    var limit = OutputLimit.standard

    /// Adds lines of redis-cli style output, joining the text block of the command before.
    mutating func appendText(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if case .text(let previous) = parts.last {
            parts[parts.count - 1] = .text(previous + lines)
        } else {
            parts.append(.text(lines))
        }
    }

    /// Adds an indented JSON document as its own `json` block.
    mutating func appendJSON(_ text: String) {
        parts.append(.json(text))
    }

    /// Adds Markdown (a table and its count line) as it is.
    mutating func appendMarkdown(_ text: String) {
        parts.append(.markdown(text))
    }

    /// The recorded Markdown, with no trailing newline.
    func render() -> String {
        parts.map { part in
            switch part {
            case .text(let lines):
                return Self.fenced(limit.cut(lines), language: "text")
            case .json(let text):
                return Self.fenced(limit.cut(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)), language: "json")
            case .markdown(let text):
                var lines = limit.cut(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                // The note must not read as another table row, so a blank line sets it apart.
                if lines.count > 1, let note = lines.last, note.hasPrefix(OutputLimit.notePrefix) {
                    lines.insert("", at: lines.count - 1)
                }
                return lines.joined(separator: "\n")
            }
        }
        .joined(separator: "\n\n")
    }

    /// Lines in a code fence that is longer than any backtick run inside, so no line can close it early.
    static func fenced(_ lines: [String], language: String) -> String {
        let fence = CodeFence.backticks(enclosing: lines)
        return ([fence + language] + lines + [fence]).joined(separator: "\n")
    }
}
