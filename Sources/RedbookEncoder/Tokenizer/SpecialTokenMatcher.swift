/// Finds special tokens such as `[CLS]` written in input text, so they are kept whole.
///
/// As in the reference tokenizer, matching is on the raw text (before cleaning and lower-casing),
/// case-sensitive, needs no word boundary, and prefers the longest token at the leftmost position.
struct SpecialTokenMatcher: Sendable {
    private struct Entry: Sendable {
        var bytes: [UInt8]
        var id: Int32
    }

    /// Longest first, so the first hit at a position is the longest one.
    private let entries: [Entry]
    /// Whether some token starts with this byte; most bytes are ruled out with one load.
    private let firstBytes: [Bool]

    /// - Parameter tokens: Names and ids; empty names are ignored, and a repeated name is matched once.
    init(_ tokens: [(name: String, id: Int32)]) {
        var seen = Set<String>()
        var entries: [Entry] = []
        for token in tokens where !token.name.isEmpty && seen.insert(token.name).inserted {
            entries.append(Entry(bytes: Array(token.name.utf8), id: token.id))
        }
        entries.sort { $0.bytes.count > $1.bytes.count }
        var firstBytes = [Bool](repeating: false, count: 256)
        for entry in entries {
            firstBytes[Int(entry.bytes[0])] = true
        }
        self.entries = entries
        self.firstBytes = firstBytes
    }

    /// The byte length and id of the special token that starts at `position`, if any.
    @inline(__always)
    func match(in text: UnsafeBufferPointer<UInt8>, at position: Int) -> (length: Int, id: Int32)? {
        guard firstBytes[Int(text[position])] else { return nil }
        let available = text.count - position
        for entry in entries where entry.bytes.count <= available {
            var index = 0
            while index < entry.bytes.count && text[position + index] == entry.bytes[index] {
                index += 1
            }
            if index == entry.bytes.count { return (entry.bytes.count, entry.id) }
        }
        return nil
    }
}
