/// A Markdown table laid out exactly as pandas' `DataFrame(rows).to_markdown(index=False)`
/// prints it (tabulate's "pipe" format), except that a `|` or a line break inside a cell is
/// escaped instead of breaking the table.
///
/// Rendering follows pandas first (each column's dtype from its values, then one array for the
/// whole frame) and tabulate second (each column's type, `g` formatting of floats, decimal
/// alignment, widths counted in Unicode scalars). See docs/tables.md for the rules.
///
/// ```swift
/// let table = MarkdownTable(columns: ["id", "score"],
///                           rows: [[.text("bikes:003"), .text("0.54")]])
/// print(table.render())
/// ```
public struct MarkdownTable: Sendable {
    /// The column names, in order.
    public let columns: [String]
    /// The rows, each with one cell per column.
    public let rows: [[Cell]]
    /// Columns that hold a JSON object or array somewhere: pandas keeps those as Python objects
    /// whatever else they hold, so `None` there stays `None` (an empty cell).
    var objectColumns: Set<Int> = []

    /// Creates a table from column names and rows.
    ///
    /// A row shorter than `columns` is treated as having no value for the remaining keys
    /// (pandas' NaN); cells beyond the last column are ignored.
    ///
    /// - Parameters:
    ///   - columns: The column names, in order.
    ///   - rows: The rows, each a cell per column.
    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows.map { row in
            if row.count == columns.count { return row }
            if row.count > columns.count { return Array(row.prefix(columns.count)) }
            return row + Array(repeating: Cell.double(.nan), count: columns.count - row.count)
        }
    }

    /// The table as Markdown: a header row, the alignment row, one line per row, no trailing
    /// newline. A table without columns renders as the empty string, as pandas does.
    public func render() -> String {
        guard !columns.isEmpty else { return "" }
        var columnValues = [[Cell]](repeating: [], count: columns.count)
        for index in columns.indices {
            columnValues[index].reserveCapacity(rows.count)
        }
        for row in rows {
            for (index, cell) in row.enumerated() { columnValues[index].append(cell) }
        }
        let laidOut = zip(columns, PandasFrame.values(columnValues, objectColumns: objectColumns)).map { TabulateColumn(header: $0, values: $1) }

        var capacity = 0
        for column in laidOut { capacity += column.width + 3 }
        var output = String()
        output.reserveCapacity((capacity + 2) * (rows.count + 2))
        appendRow(laidOut.map(\.header), to: &output)
        output += "\n|"
        for column in laidOut {
            if rows.isEmpty {
                // tabulate has no alignments for a table without rows, so no colons either.
                output += String(repeating: "-", count: column.width + 2)
            } else if column.isNumeric {
                output += String(repeating: "-", count: column.width + 1) + ":"
            } else {
                output += ":" + String(repeating: "-", count: column.width + 1)
            }
            output += "|"
        }
        for rowIndex in rows.indices {
            output += "\n"
            appendRow(laidOut.map { $0.cells[rowIndex] }, to: &output)
        }
        return output
    }

    private func appendRow(_ cells: [String], to output: inout String) {
        output += "|"
        for cell in cells {
            output += " "
            output += cell
            output += " |"
        }
    }
}
