/// Decides what Tab offers at the cursor, from names the REPL supplies.
///
/// The completer holds no connection: the REPL injects its sources, so tests can give plain
/// lists and the REPL can give closures that ask the server only when Tab is pressed.
/// Matching is a case-insensitive prefix match; candidates keep their canonical case.
public struct Completer {
    /// Command names for the first word of a Redis line, such as ``CommandCatalog/names``.
    public var commandNames: [String]
    /// Index names, asked for whenever a later word of a Redis line is completed.
    public var indexNames: () -> [String]
    /// Key names starting with the given prefix (case-insensitively), such as ``keys(matching:on:limit:maxCalls:)``.
    public var keys: (String) -> [String]
    /// Names a Swift step can refer to: the steps themselves and the variables defined so far.
    public var swiftNames: [String]

    /// Creates a completer from its sources; any left out offers nothing.
    ///
    /// - Parameters:
    ///   - commandNames: Command names for the first word of a Redis line.
    ///   - indexNames: Index names for later words of a Redis line.
    ///   - keys: Key names for a prefix, for later words of a Redis line.
    ///   - swiftNames: Step and variable names for Swift lines.
    public init(
        commandNames: [String] = [],
        indexNames: @escaping () -> [String] = { [] },
        keys: @escaping (String) -> [String] = { _ in [] },
        swiftNames: [String] = []
    ) {
        self.commandNames = commandNames
        self.indexNames = indexNames
        self.keys = keys
        self.swiftNames = swiftNames
    }

    /// The word before the cursor and the names that could complete it.
    ///
    /// In Redis mode the first word of the line completes command names; a later word completes
    /// index names first and then key names (index names lead because FT commands take one
    /// first, and they are few). In Swift mode the identifier before the cursor completes step
    /// and variable names, except after a `.`, where a member name is expected.
    ///
    /// - Parameters:
    ///   - line: The whole line being edited.
    ///   - cursor: The cursor position in characters; it is clamped to the line.
    ///   - mode: Whether the line is a Redis command or a Swift step.
    public func complete(_ line: String, cursor: Int, mode: EntryMode) -> Completion {
        let characters = Array(line)
        let end = min(max(cursor, 0), characters.count)
        switch mode {
        case .redis:
            let start = wordStart(in: characters, before: end) { !$0.isWhitespace }
            let word = String(characters[start..<end])
            let isFirst = characters[..<start].allSatisfy(\.isWhitespace)
            let candidates = isFirst
                ? Self.matching(word, in: commandNames)
                : Self.matching(word, in: indexNames()) + Self.matching(word, in: keys(word))
            return Completion(range: start..<end, candidates: Self.unique(candidates))
        case .swift:
            let start = wordStart(in: characters, before: end) { $0 == "_" || $0.isLetter || $0.isNumber }
            let word = String(characters[start..<end])
            let isMember = start > 0 && characters[start - 1] == "."
            let isNumber = word.first?.isNumber ?? false
            let candidates = isMember || isNumber ? [] : Self.matching(word, in: swiftNames)
            return Completion(range: start..<end, candidates: candidates)
        }
    }

    private func wordStart(in characters: [Character], before end: Int, isPart: (Character) -> Bool) -> Int {
        var start = end
        while start > 0, isPart(characters[start - 1]) { start -= 1 }
        return start
    }

    /// Names starting with `prefix` case-insensitively, sorted and without duplicates.
    private static func matching(_ prefix: String, in names: [String]) -> [String] {
        let wanted = prefix.lowercased()
        return Set(names.filter { $0.lowercased().hasPrefix(wanted) }).sorted()
    }

    /// The list without repeats, keeping the first occurrence's place.
    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
