/// Argument specs for the module commands a vector-search user types most.
///
/// RediSearch and RedisJSON answer `COMMAND DOCS` with little more than `group module`, which
/// would leave their commands without hints or help. These specs are written from the commands'
/// documented syntax and cover the common options, not every one; the server's own description
/// wins whenever it has arguments.
enum ModuleCommandSupplement {
    /// `command` with the supplement's arguments, summary and version filled in where the
    /// server gave none.
    static func filling(_ command: CommandCatalog.Command) -> CommandCatalog.Command {
        guard let spec = specs[command.name] else { return command }
        var filled = command
        if filled.arguments.isEmpty { filled.arguments = spec.arguments }
        if filled.summary == nil { filled.summary = spec.summary }
        if filled.since == nil { filled.since = spec.since }
        return filled
    }

    private static let specs: [String: CommandCatalog.Command] = Dictionary(
        (searchCommands + jsonCommands).map { ($0.name, $0) },
        uniquingKeysWith: { first, _ in first }
    )

    private static let jsonCommands: [CommandCatalog.Command] = [
        .init(
            name: "JSON.SET",
            summary: "Sets the JSON value at a path in a key; at the root path it creates or replaces the document.",
            since: "1.0.0",
            arguments: [
                .value("key", .key), .value("path"), .value("value"),
                .oneOf("condition", optional: true, [.word("NX"), .word("XX")]),
            ]
        ),
        .init(
            name: "JSON.GET",
            summary: "Returns the JSON text at one or more paths of a key, optionally pretty-printed.",
            since: "1.0.0",
            arguments: [
                .value("key", .key),
                .value("indent", token: "INDENT", optional: true),
                .value("newline", token: "NEWLINE", optional: true),
                .value("space", token: "SPACE", optional: true),
                .value("path", optional: true, multiple: true),
            ]
        ),
        .init(
            name: "JSON.MGET",
            summary: "Returns the value at one path from each of several keys.",
            since: "1.0.0",
            arguments: [.value("key", .key, multiple: true), .value("path")]
        ),
        .init(
            name: "JSON.DEL",
            summary: "Deletes the value at a path of a key; without a path the whole key goes.",
            since: "1.0.0",
            arguments: [.value("key", .key), .value("path", optional: true)]
        ),
    ]
}
