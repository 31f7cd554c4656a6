extension CommandCatalog.Argument {
    // Short constructors so hand-written specs read like the syntax they describe.

    /// A value such as `key` or `EX seconds`.
    static func value(
        _ name: String, _ kind: Kind = .string, token: String? = nil,
        optional: Bool = false, multiple: Bool = false
    ) -> Self {
        Self(name: name, kind: kind, token: token, isOptional: optional, isMultiple: multiple)
    }

    /// A fixed word that is one alternative of a `oneOf`, such as `ASC`.
    static func word(_ token: String) -> Self {
        Self(name: token.lowercased(), kind: .pureToken, token: token)
    }

    /// An optional fixed word such as `NOCONTENT`.
    static func flag(_ token: String) -> Self {
        Self(name: token.lowercased(), kind: .pureToken, token: token, isOptional: true)
    }

    /// Alternatives such as `ASC|DESC`.
    static func oneOf(_ name: String, token: String? = nil, optional: Bool = false, _ choices: [Self]) -> Self {
        Self(name: name, kind: .oneOf, token: token, isOptional: optional, arguments: choices)
    }

    /// Parts typed in order, such as `LIMIT offset num`.
    static func block(
        _ name: String, token: String? = nil, optional: Bool = false,
        multiple: Bool = false, multipleToken: Bool = false, _ parts: [Self]
    ) -> Self {
        Self(
            name: name, kind: .block, token: token, isOptional: optional,
            isMultiple: multiple, isMultipleToken: multipleToken, arguments: parts
        )
    }
}
