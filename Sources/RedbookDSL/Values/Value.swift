/// A value in the step language: what a name holds, an expression gives and a block shows.
///
/// Documents fetched as JSON are ``object`` and ``array`` values; embeddings are ``vector``
/// values (FLOAT32, as Redis stores them); search results are ``rows``.
public indirect enum Value: Hashable {
    /// `nil`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// Text.
    case string(String)
    /// An ordered list.
    case array([Value])
    /// A JSON object or dictionary: string keys in insertion order.
    case object(Object)
    /// An embedding: FLOAT32 components.
    case vector([Float])
    /// A table: named columns and rows of cells.
    case rows(Rows)
    /// A closure, a `func` or a built-in step, which can be called.
    case function(Function)

    /// Whether the value can be called.
    public var isFunction: Bool {
        if case .function = self { return true }
        return false
    }

    /// The type name with its article, for messages: `an Int`, `a String`, `nil`.
    public var withArticle: String {
        switch self {
        case .null: "nil"
        case .int, .array: "an \(typeName)"
        default: "a \(typeName)"
        }
    }

    /// The type name used in messages, as a Swift programmer would say it.
    public var typeName: String {
        switch self {
        case .null: "nil"
        case .bool: "Bool"
        case .int: "Int"
        case .double: "Double"
        case .string: "String"
        case .array: "Array"
        case .object: "Dictionary"
        case .vector: "Vector"
        case .rows: "Rows"
        case .function: "function"
        }
    }
}
