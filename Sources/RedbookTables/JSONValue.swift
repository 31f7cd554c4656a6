/// A JSON value as Python's `json` module reads it: integers and floats stay apart, object
/// members keep their order, and `NaN`, `Infinity` and `-Infinity` are numbers.
package indirect enum JSONValue: Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int64)
    case double(Double)
    case boolean(Bool)
    case null

    /// Whether this is an object or an array, which pandas keeps as a Python object.
    var isContainer: Bool {
        switch self {
        case .object, .array: true
        default: false
        }
    }

    /// The table cell for a top-level member value; nested objects and arrays become the text
    /// Python's `str()` prints for them.
    var cell: Cell {
        switch self {
        case .string(let text): .text(text)
        case .integer(let value): .integer(value)
        case .double(let value): .double(value)
        case .boolean(let flag): .boolean(flag)
        case .null: .missing
        case .object, .array: .text(pythonText)
        }
    }

    /// Python's `repr` of the value `json.loads` would give: `{'a': [1, 2.5, None, True]}`.
    var pythonText: String {
        switch self {
        case .object(let members):
            // A repeated key keeps its first place and its last value, as in a Python dict.
            var order: [String] = []
            var latest: [String: JSONValue] = [:]
            for member in members {
                if latest.updateValue(member.value, forKey: member.key) == nil { order.append(member.key) }
            }
            let parts = order.map { PythonText.repr($0) + ": " + (latest[$0]?.pythonText ?? "None") }
            return "{" + parts.joined(separator: ", ") + "}"
        case .array(let items): return "[" + items.map(\.pythonText).joined(separator: ", ") + "]"
        case .string(let text): return PythonText.repr(text)
        case .integer(let value): return String(value)
        case .double(let value): return PythonFloat.repr(value)
        case .boolean(let flag): return flag ? "True" : "False"
        case .null: return "None"
        }
    }
}
