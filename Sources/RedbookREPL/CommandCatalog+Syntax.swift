extension CommandCatalog.Argument {
    /// The argument as redis-cli writes it in hints and help, such as `[EX seconds|PX milliseconds]`.
    ///
    /// A value shows its display name, after its token if it has one; a pure token shows only the
    /// token; a `oneof` joins its alternatives with `|` and a `block` its parts with spaces. A
    /// repeatable argument is followed by `[… ...]`, and an optional one is wrapped in brackets.
    public var syntax: String {
        var text = element(withToken: true)
        if isMultiple { text += " " + repetition }
        return isOptional ? "[\(text)]" : text
    }

    /// How a further repetition is written, such as `[key ...]`: the token only when every
    /// repetition repeats it.
    var repetition: String {
        "[\(element(withToken: isMultipleToken)) ...]"
    }

    private func element(withToken: Bool) -> String {
        var parts = [String]()
        if withToken, let token { parts.append(token) }
        switch kind {
        case .pureToken:
            if parts.isEmpty { parts.append(token ?? shownName) }
        case .oneOf:
            parts.append(arguments.map(\.syntax).joined(separator: "|"))
        case .block:
            parts.append(arguments.map(\.syntax).joined(separator: " "))
        case .key, .string, .integer, .double, .pattern, .unixTime:
            parts.append(shownName)
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The display text, or the name when the docs give none.
    var shownName: String {
        guard let displayText, !displayText.isEmpty else { return name }
        return displayText
    }
}

extension Array where Element == CommandCatalog.Argument {
    /// The arguments written one after another, as a usage line shows them.
    var syntax: String {
        map(\.syntax).joined(separator: " ")
    }
}
