public import Foundation

extension MarkdownTable {
    /// Reads a JSON array of row objects, as `pandas.DataFrame(json.loads(text))` would.
    ///
    /// Columns are the keys in the order they are first seen; a row without a key has NaN
    /// there (as pandas fills it) and `null` is `None`. Numbers without a fraction or exponent
    /// are ints, others floats; `NaN`, `Infinity` and `-Infinity` are accepted as Python's
    /// `json` accepts them. Nested objects and arrays become the text Python's `str()` prints
    /// for them, such as `{'a': [1, None]}`. A repeated key keeps its first place and last value.
    ///
    /// - Parameters:
    ///   - jsonRows: UTF-8 JSON text.
    ///   - source: The file name used in error descriptions.
    /// - Throws: ``TableError`` with the line, column and cause when the text is not JSON or
    ///   not an array of objects.
    public init(jsonRows: Data, source: String = "<stdin>") throws(TableError) {
        var reader = JSONReader(bytes: Array(jsonRows), source: source)
        let items = try reader.readArray()
        var columns: [String] = []
        var columnIndex: [String: Int] = [:]
        var objectColumns: Set<Int> = []
        var sparseRows: [[Int: Cell]] = []
        sparseRows.reserveCapacity(items.count)
        for (number, item) in items.enumerated() {
            guard case .object(let members) = item.value else {
                throw reader.error("row \(number + 1) is \(Self.kind(of: item.value)), not an object", at: item.offset,
                                   hint: "each element of the array is one row, such as {\"id\": 1, \"name\": \"a\"}")
            }
            var row: [Int: JSONValue] = [:]
            for member in members {
                let position: Int
                if let known = columnIndex[member.key] {
                    position = known
                } else {
                    position = columns.count
                    columnIndex[member.key] = position
                    columns.append(member.key)
                }
                row[position] = member.value
            }
            // With a repeated key the last value counts, as in a Python dict.
            for (position, value) in row where value.isContainer { objectColumns.insert(position) }
            sparseRows.append(row.mapValues(\.cell))
        }
        let rows = sparseRows.map { row in columns.indices.map { row[$0] ?? .double(.nan) } }
        self.init(columns: columns, rows: rows)
        self.objectColumns = objectColumns
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .integer, .double: "a number"
        case .boolean: "a boolean"
        case .null: "null"
        }
    }
}
