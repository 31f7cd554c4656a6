/// A table: the rows a search returns or a `table` step builds, shown like a pandas frame.
public struct Rows: Hashable {
    /// Column names, in order.
    public var columns: [String]
    /// Each row's cells, one per column (``Value/null`` for a missing one).
    public var rows: [[Value]]

    /// Creates a table.
    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Row `index` as an object keyed by column.
    public func object(at index: Int) -> Object {
        Object(zip(columns, rows[index]).map { ($0, $1) })
    }
}
