import RedbookRedis
import RedbookTables

extension SearchTable {
    /// An aggregate reply as Markdown, or `nil` when it is not shaped like one.
    ///
    /// The server's row order depends on its internal document numbers wherever it is free to
    /// choose, so: without a final SORTBY, rows are listed in order of their cells (left to
    /// right, numbers by value, other text by bytes); with one, the server's order stays and only
    /// rows equal in every SORTBY field are listed by their cells. A `REDUCE TOLIST` list is a
    /// set, so its elements are listed in that same order.
    func aggregate(_ reply: Reply, pipeline: AggregatePipeline) -> String? {
        guard case .array(let items) = reply, let first = items.first, case .integer = first else {
            return nil
        }
        var fieldNames = [String]()
        var seen = Set<String>()
        var documents = [[(String, Reply)]]()
        for item in items.dropFirst() {
            guard case .array(let pairs) = item, var fields = Self.pairs(pairs) else { return nil }
            for index in fields.indices where pipeline.listFields.contains(fields[index].0.lowercased()) {
                if case .array(let elements) = fields[index].1 {
                    fields[index].1 = .array(elements.sorted { RowOrder.textPrecedes(CellText.plain($0), CellText.plain($1)) })
                }
            }
            for (name, _) in fields where seen.insert(name).inserted { fieldNames.append(name) }
            documents.append(fields)
        }
        typealias Row = (fields: [(String, Reply)], cells: [Cell])
        var rows: [Row] = documents.map { fields in
            (fields, fieldNames.map { name in fields.first { $0.0 == name }.map { cell(for: $0.1, field: name) } ?? .missing })
        }
        let byCells = { (a: Row, b: Row) in RowOrder.cellsPrecede(a.cells, b.cells) }
        if let sortFields = pipeline.sortFields?.filter(seen.contains), !sortFields.isEmpty {
            rows = RowOrder.sortingRuns(rows, key: { row in
                sortFields.map { name in row.fields.first { $0.0 == name }?.1 ?? .null }
            }, by: byCells)
        } else if pipeline.sortFields == nil {
            rows.sort(by: byCells)
        }
        // A SORTBY on fields the reply does not carry leaves no ties to see: the server's order stays.
        // The server's count for an aggregate is not always the number of rows it sends (a LOAD
        // without GROUPBY reports 1), so the line counts the rows shown.
        return Self.document(line: "Rows: \(rows.count)", columns: fieldNames, rows: rows.map(\.cells))
    }
}
