import RedbookNotebook
import RedbookSession

/// The entries of a REPL session so far, as the notebook `:save` writes.
///
/// Each entry is run at the line it will have in that notebook, so the line numbers in its
/// messages and recorded output are the saved file's own, and `redbook run --check` on the
/// file gives the same bytes.
struct Transcript {
    /// One entry and what it gave.
    struct Entry {
        var block: Block
        var outcome: BlockOutcome
        /// Ctrl-C stopped it: a fresh run would not stop at the same place, so it is saved `{skip}`.
        var interrupted: Bool
    }

    private(set) var entries = [Entry]()
    /// The notebook so far, outputs recorded, kept up to date entry by entry.
    private(set) var bytes: [UInt8] = Array(Self.header.utf8)
    /// Newlines in ``bytes``, counted as they are appended rather than once per entry.
    private var newlines = Self.header.utf8.count { $0 == UInt8(ascii: "\n") }

    static let header = """
        # Redbook session

        Entries typed at `redbook repl`, each with the output it gave. `redbook run --check` on this \
        file runs them again in order and compares.

        """

    /// The notebook line of the next entry's first source line: after a blank line and its fence.
    var nextFirstLine: Int {
        newlines + 3
    }

    /// Records an entry that ran at ``nextFirstLine``.
    mutating func append(_ block: Block, _ outcome: BlockOutcome, interrupted: Bool) {
        let entry = Entry(block: block, outcome: outcome, interrupted: interrupted)
        entries.append(entry)
        let text = Array(Self.fenced(entry).utf8)
        // The notebook code records the output exactly as `run` would, region markers and all;
        // the new block alone is parsed, so an entry costs the same however long the session is.
        var recorded = text
        if let notebook = try? Notebook(bytes: text, name: "session.md"), let index = notebook.blocks.indices.last {
            recorded = notebook.recording([index: outcome.output])
        }
        newlines += recorded.count { $0 == UInt8(ascii: "\n") }
        bytes += recorded
    }

    /// An entry as a fenced block: a failed entry is marked `{expect-error}`, an interrupted one `{skip}`.
    private static func fenced(_ entry: Entry) -> String {
        let fence = CodeFence.backticks(enclosing: CollectionOfOne(entry.block.source))
        var attributes = [String]()
        if entry.interrupted {
            attributes.append("skip")
        } else if entry.outcome.failure != nil || entry.block.expectsError {
            attributes.append("expect-error")
        }
        let info = entry.block.language.rawValue + (attributes.isEmpty ? "" : " {\(attributes.joined(separator: " "))}")
        return "\n\(fence)\(info)\n\(entry.block.source)\n\(fence)\n"
    }
}
