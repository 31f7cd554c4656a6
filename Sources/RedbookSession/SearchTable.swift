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
    /// Names of the index's VECTOR fields (identifiers and attributes), shown as vector summaries.
    var vectorFields: Set<String> = []
    /// Fields that hold a distance the query named (`AS dist`), rounded like scores.
    var scoreFields: Set<String> = []

    /// One document of a search reply.
    private struct Document {
        var key: [UInt8]
        var score = 0.0
        var sortKey: Reply = .null
        var fixed: [Cell]
        var fields: [(String, Reply)] = []

        func distance(_ field: String) -> Double {
            fields.first { $0.0 == field }?.1.string.flatMap { Double($0) } ?? .infinity
        }
    }

    /// A search reply as Markdown, or `nil` when it is not shaped like one.
    ///
    /// Rows are listed as `order` says (see ``SearchOrder``), so the table does not depend on the
    /// server's internal document numbers; what the session added for that stays hidden.
    func search(_ reply: Reply, layout: Layout, order: SearchOrder) -> String? {
        guard case .array(let items) = reply, let first = items.first, case .integer(let matched) = first else {
            return nil
        }
        let stride = 1 + (layout.withScores ? 1 : 0) + (layout.withPayloads ? 1 : 0)
            + (layout.withSortKeys ? 1 : 0) + (layout.noContent ? 0 : 1)
        let entries = items.dropFirst()
        guard entries.count % stride == 0 else { return nil }

        var documents = [Document]()
        var fieldNames = [String]()
        var seen = Set<String>(order.hiddenField.map { [$0] } ?? [])
        var entry = entries.startIndex
        while entry < entries.endIndex {
            var position = entry
            func next() -> Reply {
                defer { position += 1 }
                return entries[position]
            }
            guard case .bulk(let key) = next() else { return nil }
            var document = Document(key: key, fixed: [.text(CellText.plain(.bulk(key)))])
            if layout.withScores {
                var score = next()
                // EXPLAINSCORE turns the score into [score, explanation].
                if case .array(let parts) = score, let head = parts.first { score = head }
                guard let text = score.string else { return nil }
                document.score = Double(text) ?? 0
                if !order.hidesScores { document.fixed.append(.text(CellText.roundedScore(text))) }
            }
            if layout.withPayloads { document.fixed.append(cell(for: next(), field: "payload")) }
            if layout.withSortKeys {
                document.sortKey = next()
                if !order.hidesSortKeys { document.fixed.append(cell(for: document.sortKey, field: "sortkey")) }
            }
            if !layout.noContent {
                switch next() {
                case .null: break
                case .array(let pairs):
                    guard let decoded = Self.pairs(pairs) else { return nil }
                    document.fields = decoded
                default: return nil
                }
            }
            for (name, _) in document.fields where seen.insert(name).inserted { fieldNames.append(name) }
            documents.append(document)
            entry += stride
        }
        documents = Self.ordered(documents, layout: layout, rank: order.rank)

        var fixedColumns = ["id"]
        if layout.withScores, !order.hidesScores { fixedColumns.append(fieldNames.contains("score") ? "__score" : "score") }
        if layout.withPayloads { fixedColumns.append("payload") }
        if layout.withSortKeys, !order.hidesSortKeys { fixedColumns.append("sortkey") }
        let rows = documents.map { document in
            document.fixed + fieldNames.map { name in
                document.fields.first { $0.0 == name }.map { cell(for: $0.1, field: name) } ?? .missing
            }
        }
        return Self.document(line: "Matched: \(matched)", columns: fixedColumns + fieldNames, rows: rows)
    }

    /// Documents by their rank, ties by key; only what the reply carries can rank them.
    private static func ordered(_ documents: [Document], layout: Layout, rank: SearchOrder.Rank) -> [Document] {
        let byKey = { (a: Document, b: Document) in a.key.lexicographicallyPrecedes(b.key) }
        switch rank {
        case .score where layout.withScores:
            return documents.sorted { $0.score != $1.score ? $0.score > $1.score : byKey($0, $1) }
        case .sortKey where layout.withSortKeys:
            return RowOrder.sortingRuns(documents, key: \.sortKey, by: byKey)
        case .distance(let field):
            // Without SORTBY the server lists vector matches by document number, not by distance.
            return documents.map { ($0, $0.distance(field)) }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : byKey($0.0, $1.0) }
                .map(\.0)
        default:
            return documents
        }
    }

    /// A single value as a cell: a vector summary, a rounded score, or its text.
    func cell(for reply: Reply, field: String) -> Cell {
        switch reply {
        case .null:
            return .missing
        case .bulk(let bytes):
            // A JSON index returns vectors as JSON text, which is never FLOAT32 bytes.
            if let json = JSONPrettyPrinter.compact(bytes) {
                return .text(json)
            }
            if CellText.isVector(bytes, declared: vectorFields.contains(field)) {
                return .text(CellText.vectorSummary(bytes))
            }
            if CellText.isScoreField(field) || scoreFields.contains(field), let text = String(validating: bytes, as: UTF8.self) {
                return .text(CellText.roundedScore(text))
            }
            return .text(CellText.plain(reply))
        default:
            return .text(CellText.plain(reply))
        }
    }

    /// `[name, value, name, value, ...]` as pairs; `nil` when a name is not a string.
    static func pairs(_ items: [Reply]) -> [(String, Reply)]? {
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

    static func document(line: String, columns: [String], rows: [[Cell]]) -> String {
        guard !rows.isEmpty, !columns.isEmpty else { return line }
        return line + "\n\n" + MarkdownTable(columns: columns, rows: rows).render()
    }
}
