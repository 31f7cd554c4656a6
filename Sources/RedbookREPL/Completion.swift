/// The answer to one Tab press: which part of the line to replace, and with what.
public struct Completion: Sendable, Hashable {
    /// The characters of the line to replace, as offsets in characters: the word from its start
    /// up to the cursor.
    public var range: Range<Int>
    /// The matching names in their canonical case, sorted and without duplicates.
    public var candidates: [String]

    /// Creates a completion.
    public init(range: Range<Int>, candidates: [String]) {
        self.range = range
        self.candidates = candidates
    }

    /// The longest start shared by every candidate, compared case-insensitively and written in
    /// the first candidate's case, so inserting it turns `ft.se` into `FT.SE` on the way to
    /// `FT.SEARCH`. Empty when there are no candidates.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate)
            var length = 0
            while length < min(prefix.count, other.count), prefix[length].lowercased() == other[length].lowercased() {
                length += 1
            }
            prefix.removeSubrange(length...)
        }
        return String(prefix)
    }
}
