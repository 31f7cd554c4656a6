/// What a search query's text says about its vector clauses.
///
/// A KNN clause, `=>[KNN k @field $blob ... AS name]`, returns each result's distance under
/// `name`, under the name an attribute `=>{$YIELD_DISTANCE_AS: name}` gives it, or else as
/// `__field_score`. A range clause, `@field:[VECTOR_RANGE r $blob]`, returns a distance only
/// when `$YIELD_DISTANCE_AS` names one. The query is read as text rather than parsed in full:
/// these names sit in fixed places, which is all the session needs.
struct VectorQuery: Sendable, Hashable {
    /// The query has a KNN clause.
    var hasKNN = false
    /// The query has a VECTOR_RANGE clause.
    var hasRange = false
    /// The field a KNN clause returns its distance in.
    var knnDistanceField: String?
    /// The field a VECTOR_RANGE clause returns its distance in, when it names one.
    var rangeDistanceField: String?
    /// Every field the query returns a distance in (KNN and range clauses).
    var distanceFields: Set<String> = []

    /// Whether the query ranks by a vector (KNN or VECTOR_RANGE).
    var isVectorQuery: Bool { hasKNN || hasRange }

    /// Reads the vector clauses of `query`, the query argument of FT.SEARCH or FT.AGGREGATE.
    init(_ query: [UInt8]) {
        let text = Array(String(decoding: query, as: UTF8.self))
        let yielded = Self.yieldedNames(in: text)
        distanceFields.formUnion(yielded.map(\.name))
        var index = 0
        while index < text.count {
            guard text[index] == "[" else {
                index += 1
                continue
            }
            let close = text[index...].firstIndex(of: "]") ?? text.count
            let words = text[(index + 1)..<close].split(whereSeparator: \.isWhitespace).map { String($0) }
            switch words.first?.uppercased() {
            case "KNN":
                hasKNN = true
                // `AS name` inside the brackets wins; then a `=>{$YIELD_DISTANCE_AS: name}` right after.
                let alias = words.firstIndex { $0.uppercased() == "AS" }.flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
                let attribute = yielded.first { $0.offset > close && Self.onlyArrowBetween(text, from: close + 1, to: $0.offset) }?.name
                let field = words.first { $0.hasPrefix("@") }.map { "__" + $0.dropFirst() + "_score" }
                knnDistanceField = alias ?? attribute ?? field
                if let knnDistanceField { distanceFields.insert(knnDistanceField) }
            case "VECTOR_RANGE":
                hasRange = true
            default:
                break
            }
            index = close + 1
        }
        if hasRange {
            rangeDistanceField = yielded.first { $0.name != knnDistanceField }?.name
        }
    }

    /// The names given by `$YIELD_DISTANCE_AS: name` attributes, with where each attribute starts.
    private static func yieldedNames(in text: [Character]) -> [(offset: Int, name: String)] {
        let keyword = "$YIELD_DISTANCE_AS"
        var names = [(offset: Int, name: String)]()
        var index = 0
        while index + keyword.count <= text.count {
            // Most characters are not a `$`; only at one is the keyword spelled out and compared.
            guard text[index] == "$", String(text[index..<(index + keyword.count)]).uppercased() == keyword else {
                index += 1
                continue
            }
            var position = index + keyword.count
            while position < text.count, text[position] == " " || text[position] == ":" { position += 1 }
            let start = position
            while position < text.count, !(text[position].isWhitespace || text[position] == ";" || text[position] == "}") { position += 1 }
            if position > start {
                names.append((index, String(text[start..<position])))
            }
            index = position
        }
        return names
    }

    /// Whether the text between a clause's `]` and an attribute is only `=>{` and other attributes.
    private static func onlyArrowBetween(_ text: [Character], from start: Int, to end: Int) -> Bool {
        guard start <= end else { return false }
        let between = String(text[start..<end].filter { !$0.isWhitespace })
        guard between.hasPrefix("=>{") else { return false }
        return !between.contains("}")
    }
}
