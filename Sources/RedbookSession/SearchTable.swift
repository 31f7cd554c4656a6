import RedbookRedis
import RedbookTables

/// FT.SEARCH and FT.AGGREGATE replies as a count line and a Markdown table.
///
/// A search shows `Matched: N`, the server's total. An aggregate shows `Rows: N`, the rows in
/// the reply, because the server's own count there is not always the number of rows it sends.
///
/// A search table has the key in its first column (`id`), then `score`, `payload` and `sortkey`
/// when WITHSCORES, WITHPAYLOADS or WITHSORTKEYS asked for them, then every returned field in the
/// order it first appears. An aggregate table has only the fields. A document without a field
/// gets an empty cell. Replies that do not have the expected shape return `nil`, and the caller
/// prints them as redis-cli would.
struct SearchTable {
    /// What the FT.SEARCH arguments say about the reply's shape.
    struct Layout: Sendable, Hashable {
        var noContent = false
        var withScores = false
        var withPayloads = false
        var withSortKeys = false
        /// SORTBY is given, so the server's order is the one asked for.
        var sortBy = false
        /// The query ranks by vector distance (KNN or VECTOR_RANGE), an order with few ties.
        var vectorQuery = false

        /// Whether rows with equal scores come in an order that depends on how the server
        /// happened to number the documents (which changes with every server start), so the
        /// scores are needed to list those rows by key instead.
        var needsScoresToBreakTies: Bool { !sortBy && !vectorQuery }

        /// Reads the flags from `FT.SEARCH index query [options...]`, stepping over option values
        /// (such as PARAMS and RETURN lists) so a value that happens to spell a flag is not one.
        init(arguments: [[UInt8]]) {
            let counted: Set<String> = ["RETURN", "PARAMS", "INKEYS", "INFIELDS", "FIELDS"]
            let fixed: [String: Int] = [
                "LIMIT": 2, "FILTER": 3, "GEOFILTER": 5, "LANGUAGE": 1, "EXPANDER": 1, "SCORER": 1,
                "PAYLOAD": 1, "SLOP": 1, "TIMEOUT": 1, "DIALECT": 1, "SEPARATOR": 1, "TAGS": 2,
                "FRAGS": 1, "LEN": 1, "SORTBY": 1,
            ]
            if arguments.count > 2 {
                let query = String(decoding: arguments[2], as: UTF8.self).uppercased()
                vectorQuery = query.contains("KNN") || query.contains("VECTOR_RANGE")
            }
            var index = 3
            while index < arguments.count {
                let word = String(decoding: arguments[index], as: UTF8.self).uppercased()
                index += 1
                if word == "SORTBY" { sortBy = true }
                switch word {
                case "NOCONTENT": noContent = true
                case "WITHSCORES": withScores = true
                case "WITHPAYLOADS": withPayloads = true
                case "WITHSORTKEYS": withSortKeys = true
                default:
                    if counted.contains(word), index < arguments.count,
                       let count = Int(String(decoding: arguments[index], as: UTF8.self)), count >= 0 {
                        // `RETURN 0` returns keys only, like NOCONTENT.
                        if word == "RETURN", count == 0 { noContent = true }
                        index += 1 + count
                    } else if let skip = fixed[word] {
                        index += skip
                    }
                }
            }
        }
    }

    /// Names of the index's VECTOR fields (identifiers and attributes), shown as vector summaries.
    var vectorFields: Set<String> = []

    /// A search reply as Markdown, or `nil` when it is not shaped like one.
    ///
    /// Without SORTBY or a vector query, rows with equal scores are listed by key, so the table
    /// does not depend on the server's internal document numbers; that needs WITHSCORES, which
    /// the session adds when the command lacks it and then asks to hide with `hideScores`.
    func search(_ reply: Reply, layout: Layout, hideScores: Bool = false) -> String? {
        guard case .array(let items) = reply, let first = items.first, case .integer(let matched) = first else {
            return nil
        }
        let stride = 1 + (layout.withScores ? 1 : 0) + (layout.withPayloads ? 1 : 0)
            + (layout.withSortKeys ? 1 : 0) + (layout.noContent ? 0 : 1)
        let entries = items.dropFirst()
        guard entries.count % stride == 0 else { return nil }

        var fixedColumns = ["id"]
        var documents = [(key: [UInt8], score: Double, fixed: [Cell], fields: [(String, Reply)])]()
        var fieldNames = [String]()
        var seen = Set<String>()
        var entry = entries.startIndex
        while entry < entries.endIndex {
            var position = entry
            func next() -> Reply {
                defer { position += 1 }
                return entries[position]
            }
            guard case .bulk(let key) = next() else { return nil }
            var fixed: [Cell] = [.text(CellText.plain(.bulk(key)))]
            var scoreValue = 0.0
            if layout.withScores {
                var score = next()
                // EXPLAINSCORE turns the score into [score, explanation].
                if case .array(let parts) = score, let head = parts.first { score = head }
                guard let text = score.string else { return nil }
                scoreValue = Double(text) ?? 0
                if !hideScores { fixed.append(.text(CellText.roundedScore(text))) }
            }
            if layout.withPayloads { fixed.append(cell(for: next(), field: "payload")) }
            if layout.withSortKeys { fixed.append(cell(for: next(), field: "sortkey")) }
            var fields = [(String, Reply)]()
            if !layout.noContent {
                switch next() {
                case .null: break
                case .array(let pairs):
                    guard let decoded = Self.pairs(pairs) else { return nil }
                    fields = decoded
                default: return nil
                }
            }
            for (name, _) in fields where seen.insert(name).inserted { fieldNames.append(name) }
            documents.append((key, scoreValue, fixed, fields))
            entry += stride
        }
        if layout.withScores, layout.needsScoresToBreakTies {
            // The server already ranks by score; only ties change places.
            documents = documents.enumerated().sorted { left, right in
                let (a, b) = (left.element, right.element)
                if a.score != b.score { return a.score > b.score }
                if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key) }
                return left.offset < right.offset
            }.map(\.element)
        }
        if layout.withScores, !hideScores { fixedColumns.append(fieldNames.contains("score") ? "__score" : "score") }
        if layout.withPayloads { fixedColumns.append("payload") }
        if layout.withSortKeys { fixedColumns.append("sortkey") }

        let rows = documents.map { document in
            document.fixed + fieldNames.map { name in
                document.fields.first { $0.0 == name }.map { cell(for: $0.1, field: name) } ?? .missing
            }
        }
        return Self.document(line: "Matched: \(matched)", columns: fixedColumns + fieldNames, rows: rows)
    }

    /// An aggregate reply as Markdown, or `nil` when it is not shaped like one.
    ///
    /// - Parameter sorted: Whether the pipeline has a SORTBY. Without one the server's row order
    ///   depends on its internal document numbers, so rows are listed in order of their cells
    ///   (left to right, numbers by value, other text by bytes).
    func aggregate(_ reply: Reply, sorted: Bool = true) -> String? {
        guard case .array(let items) = reply, let first = items.first, case .integer = first else {
            return nil
        }
        var fieldNames = [String]()
        var seen = Set<String>()
        var documents = [[(String, Reply)]]()
        for item in items.dropFirst() {
            guard case .array(let pairs) = item, let fields = Self.pairs(pairs) else { return nil }
            for (name, _) in fields where seen.insert(name).inserted { fieldNames.append(name) }
            documents.append(fields)
        }
        var rows = documents.map { fields in
            fieldNames.map { name in fields.first { $0.0 == name }.map { cell(for: $0.1, field: name) } ?? .missing }
        }
        if !sorted { rows.sort(by: Self.precedes) }
        // The server's count for an aggregate is not always the number of rows it sends (a LOAD
        // without GROUPBY reports 1), so the line counts the rows shown.
        return Self.document(line: "Rows: \(rows.count)", columns: fieldNames, rows: rows)
    }

    private func cell(for reply: Reply, field: String) -> Cell {
        switch reply {
        case .null:
            return .missing
        case .bulk(let bytes):
            if CellText.isVector(bytes, declared: vectorFields.contains(field)) {
                return .text(CellText.vectorSummary(bytes))
            }
            if CellText.isScoreField(field), let text = String(validating: bytes, as: UTF8.self) {
                return .text(CellText.roundedScore(text))
            }
            return .text(CellText.plain(reply))
        default:
            return .text(CellText.plain(reply))
        }
    }

    private static func precedes(_ left: [Cell], _ right: [Cell]) -> Bool {
        for (a, b) in zip(left, right) {
            let (x, y) = (text(a), text(b))
            if x == y { continue }
            if let p = Double(x), let q = Double(y), p != q { return p < q }
            return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        }
        return false
    }

    private static func text(_ cell: Cell) -> String {
        if case .text(let value) = cell { return value }
        return ""
    }

    /// `[name, value, name, value, ...]` as pairs; `nil` when a name is not a string.
    private static func pairs(_ items: [Reply]) -> [(String, Reply)]? {
        guard items.count % 2 == 0 else { return nil }
        var result = [(String, Reply)]()
        result.reserveCapacity(items.count / 2)
        var index = 0
        while index < items.count {
            guard let name = items[index].string, !items[index].isError else { return nil }
            result.append((name, items[index + 1]))
            index += 2
        }
        return result
    }

    private static func document(line: String, columns: [String], rows: [[Cell]]) -> String {
        guard !rows.isEmpty, !columns.isEmpty else { return line }
        return line + "\n\n" + MarkdownTable(columns: columns, rows: rows).render()
    }
}
