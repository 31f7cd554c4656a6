import RedbookDSL

extension Session {
    /// A name that steps have bound, for listings such as the REPL's `:vars`.
    public struct Variable: Sendable, Hashable {
        /// The name.
        public var name: String
        /// The kind of value, such as `array` or `vector`.
        public var type: String
        /// The value on one line, cut to about 60 characters.
        public var preview: String
    }

    /// The names bound so far by `let`, `var` and `func`, sorted.
    public var variables: [Variable] {
        interpreter.variables.map { name, value in
            var text: String
            switch value {
            case .vector(let components): text = Self.vectorSummary(components)
            // A preview shows 60 characters: a few kilobytes of JSON is plenty to cut them from.
            default: text = Self.describe(value, limit: 4096)
            }
            text = text.split(separator: "\n").joined(separator: " ")
            if text.count > 60 { text = String(text.prefix(59)) + "…" }
            return Variable(name: name, type: value.typeName, preview: text)
        }
    }

    /// The names bound so far, sorted, without rendering their values (cheap enough for every key press).
    public var variableNames: [String] {
        interpreter.variables.map(\.name)
    }

    /// The steps every block can call, such as `fetch` and `search`, each with its labels.
    public static var steps: [(name: String, signature: String)] {
        Interpreter.steps
    }
}
