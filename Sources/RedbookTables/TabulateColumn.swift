/// One column as tabulate's "pipe" format lays it out: the column's type from its values,
/// each value formatted by that type, then aligned (text left, numbers on the decimal point).
struct TabulateColumn {
    /// tabulate's cell types, least generic first; a column takes the most generic of its cells.
    enum Kind: Int, Comparable {
        case none, bool, int, float, text

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The column's type, starting from `bool` as tabulate does (so an all-empty column is `bool`).
    let kind: Kind
    /// Whether the column is aligned on the decimal point (and marked `---:`).
    var isNumeric: Bool { kind == .int || kind == .float }
    /// The escaped cells, padded to ``width``.
    private(set) var cells: [String]
    /// The escaped header, padded to ``width``.
    private(set) var header: String
    /// The column's width in Unicode scalars, without the one-space padding on each side.
    private(set) var width: Int

    init(header rawHeader: String, values: [Cell]) {
        let kind = values.reduce(Kind.bool) { max($0, TabulateColumn.kind(of: $1)) }
        self.kind = kind
        let formatted = values.map { TabulateColumn.format($0, as: kind) }
        var aligned: [String]
        if kind == .int || kind == .float {
            // Decimal alignment pads on the right so the points line up; it does not strip.
            let afterPoints = formatted.map(PythonNumberText.afterPoint)
            let most = afterPoints.max() ?? -1
            aligned = zip(formatted, afterPoints).map { text, after in
                MarkdownEscape.escape(text) + String(repeating: " ", count: most - after)
            }
        } else {
            aligned = formatted.map { MarkdownEscape.escape(PythonText.strip($0)) }
        }
        let escapedHeader = MarkdownEscape.escape(rawHeader)
        let headerWidth = PythonText.width(escapedHeader)
        let cellWidths = aligned.map(PythonText.width)
        let width = max(headerWidth + 2, cellWidths.max() ?? 0)
        let numeric = kind == .int || kind == .float
        for index in aligned.indices {
            let padding = String(repeating: " ", count: width - cellWidths[index])
            aligned[index] = numeric ? padding + aligned[index] : aligned[index] + padding
        }
        let headerPadding = String(repeating: " ", count: width - headerWidth)
        header = numeric ? headerPadding + escapedHeader : escapedHeader + headerPadding
        cells = aligned
        self.width = width
    }

    /// tabulate's `_type` for one value.
    static func kind(of cell: Cell) -> Kind {
        switch cell {
        case .missing: return .none
        case .boolean: return .bool
        case .integer: return .int
        case .double: return .float
        case .text(let text):
            if text.isEmpty { return .none }
            if text == "True" || text == "False" { return .bool }
            let separated = PythonNumberText.hasThousandsSeparators(text)
            if PythonNumberText.isInteger(text) || (separated && !text.contains(".")) { return .int }
            if PythonNumberText.isNumber(text) || separated { return .float }
            return .text
        }
    }

    /// tabulate's `_format` with pandas' defaults: `None` is empty, floats use `format(x, "g")`,
    /// everything else is Python's `str()`, and text in an int column keeps its spelling.
    static func format(_ cell: Cell, as kind: Kind) -> String {
        switch cell {
        case .missing: return ""
        case .text(let text) where text.isEmpty: return ""
        default: break
        }
        if kind == .float {
            switch cell {
            case .double(let value): return PythonFloat.general(value)
            case .integer(let value): return PythonFloat.general(Double(value))
            case .boolean(let flag): return flag ? "1" : "0"
            case .text(let text):
                let plain = text.contains(",") ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "," })) : text
                return PythonNumberText.float(plain).map(PythonFloat.general) ?? text
            case .missing: return ""
            }
        }
        switch cell {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .double(let value): return PythonFloat.repr(value)
        case .boolean(let flag): return flag ? "True" : "False"
        case .missing: return ""
        }
    }
}
