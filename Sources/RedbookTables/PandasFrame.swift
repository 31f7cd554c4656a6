/// What `pandas.DataFrame(rows).values` hands to tabulate: each column's dtype inferred from
/// its Python values, then one array for the whole frame.
///
/// The frame's array matters as much as the columns: a frame of only numeric columns becomes
/// one float64 matrix (so ints print through the float format), a frame of only bools becomes
/// numpy bools (which tabulate treats as floats), anything else becomes Python objects.
enum PandasFrame {
    /// The dtype pandas 3 infers for a column built from a list of dicts.
    enum DType: Equatable {
        case int64, float64, bool, string, object
    }

    /// The dtype of one column's values.
    static func dtype(of values: [Cell]) -> DType {
        var hasBool = false, hasText = false, hasInteger = false, hasNone = false
        var hasNumber = false, hasNonNaN = false
        for value in values {
            switch value {
            case .boolean: hasBool = true
            case .text: hasText = true
            case .integer: hasInteger = true
            case .double(let number):
                hasNumber = true
                if !number.isNaN { hasNonNaN = true }
            case .missing: hasNone = true
            }
        }
        if hasBool {
            return hasText || hasInteger || hasNumber || hasNone ? .object : .bool
        }
        if hasText {
            // NaN and None are the string dtype's missing values; any real number makes it object.
            return hasInteger || hasNonNaN ? .object : .string
        }
        if hasNumber || (hasInteger && hasNone) { return .float64 }
        if hasInteger { return .int64 }
        return .object
    }

    /// Each column's cells as tabulate receives them, column by column.
    ///
    /// - Parameters:
    ///   - columns: The values of each column, in row order.
    ///   - objectColumns: Columns known to hold other Python objects (such as lists).
    static func values(_ columns: [[Cell]], objectColumns: Set<Int> = []) -> [[Cell]] {
        let dtypes = columns.indices.map { objectColumns.contains($0) ? DType.object : dtype(of: columns[$0]) }
        if dtypes.allSatisfy({ $0 == .int64 }) { return columns }
        if dtypes.allSatisfy({ $0 == .bool }) {
            return columns.map { $0.map { if case .boolean(let flag) = $0 { .double(flag ? 1 : 0) } else { $0 } } }
        }
        if dtypes.allSatisfy({ $0 == .int64 || $0 == .float64 }) {
            return columns.map { $0.map(asFloat) }
        }
        return zip(columns, dtypes).map { column, dtype in
            switch dtype {
            case .float64: column.map(asFloat)
            case .string: column.map { if case .missing = $0 { .double(.nan) } else { $0 } }
            case .int64, .bool, .object: column
            }
        }
    }

    private static func asFloat(_ cell: Cell) -> Cell {
        switch cell {
        case .integer(let value): .double(Double(value))
        case .missing: .double(.nan)
        case .boolean(let flag): .double(flag ? 1 : 0)
        case .text, .double: cell
        }
    }
}
