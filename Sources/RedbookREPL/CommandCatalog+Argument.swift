extension CommandCatalog {
    /// One argument of a command, as `COMMAND DOCS` describes it: a value, a token, or a group.
    ///
    /// Groups nest: a `oneof` offers its ``arguments`` as alternatives, a `block` expects them in
    /// order. The same model holds the hand-written specs for module commands whose servers
    /// describe no arguments.
    public struct Argument: Sendable, Hashable {
        /// What an argument stands for, from the docs' `type` field.
        public enum Kind: String, Sendable, Hashable {
            /// A key name.
            case key
            /// Any text.
            case string
            /// A whole number.
            case integer
            /// A decimal number.
            case double
            /// A glob-style pattern.
            case pattern
            /// A Unix time in seconds or milliseconds.
            case unixTime = "unix-time"
            /// A fixed word with no value after it, such as `NX`.
            case pureToken = "pure-token"
            /// One of the nested arguments.
            case oneOf = "oneof"
            /// All of the nested arguments, in order.
            case block
        }

        /// The argument's name in the docs, such as `expiration`.
        public var name: String
        /// What it stands for. Types this model does not know are read as ``Kind/string``.
        public var kind: Kind
        /// The name shown to users, when it differs from ``name``.
        public var displayText: String?
        /// The word typed before the value, such as `EX`, or the whole argument for a pure token.
        public var token: String?
        /// Whether the argument may be left out.
        public var isOptional: Bool
        /// Whether the argument may be repeated.
        public var isMultiple: Bool
        /// Whether each repetition repeats the ``token`` too (`[FILTER … [FILTER …]]`).
        public var isMultipleToken: Bool
        /// The nested arguments of a ``Kind/oneOf`` or ``Kind/block``.
        public var arguments: [Argument]

        /// Creates an argument.
        ///
        /// - Parameters:
        ///   - name: The name in the docs.
        ///   - kind: What it stands for.
        ///   - displayText: The name shown to users, when it differs from `name`.
        ///   - token: The word typed before the value.
        ///   - isOptional: Whether it may be left out.
        ///   - isMultiple: Whether it may be repeated.
        ///   - isMultipleToken: Whether repetitions repeat the token.
        ///   - arguments: The nested arguments of a group.
        public init(
            name: String,
            kind: Kind,
            displayText: String? = nil,
            token: String? = nil,
            isOptional: Bool = false,
            isMultiple: Bool = false,
            isMultipleToken: Bool = false,
            arguments: [Argument] = []
        ) {
            self.name = name
            self.kind = kind
            self.displayText = displayText
            self.token = token
            self.isOptional = isOptional
            self.isMultiple = isMultiple
            self.isMultipleToken = isMultipleToken
            self.arguments = arguments
        }
    }
}
