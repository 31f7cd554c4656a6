import RedbookRedis

/// Reads the RESP2 reply of `COMMAND DOCS` into commands.
///
/// The reply is a flat array alternating names and documents; each document, and each argument
/// inside it, is a flat array of key/value pairs. Servers and modules differ (module commands
/// often send only `group`), so anything of an unexpected shape is skipped rather than trusted:
/// an odd reply gives fewer commands, never a failure.
enum CommandDocsParser {
    /// The commands in `reply`, in the order the server listed them.
    static func commands(in reply: Reply) -> [CommandCatalog.Command] {
        pairs(reply).compactMap { name, document in
            guard let name = name.string, !name.isEmpty else { return nil }
            return command(named: name, document: document)
        }
    }

    private static func command(named name: String, document: Reply) -> CommandCatalog.Command {
        let fields = fields(document)
        return CommandCatalog.Command(
            // Subcommands arrive as `config|get`; the REPL shows them as the user types them.
            name: name.replacingPipes(),
            summary: fields["summary"]?.string,
            since: fields["since"]?.string,
            group: fields["group"]?.string,
            arguments: fields["arguments"].map(arguments) ?? [],
            subcommands: fields["subcommands"].map(commands) ?? []
        )
    }

    private static func arguments(_ reply: Reply) -> [CommandCatalog.Argument] {
        (reply.elements ?? []).compactMap(argument)
    }

    private static func argument(_ reply: Reply) -> CommandCatalog.Argument? {
        let fields = fields(reply)
        guard let name = fields["name"]?.string else { return nil }
        let flags = Set(flagWords(fields["flags"]))
        return CommandCatalog.Argument(
            name: name,
            kind: fields["type"]?.string.flatMap(CommandCatalog.Argument.Kind.init(rawValue:)) ?? .string,
            displayText: fields["display_text"]?.string,
            token: fields["token"]?.string,
            isOptional: flags.contains("optional"),
            isMultiple: flags.contains("multiple"),
            isMultipleToken: flags.contains("multiple_token"),
            arguments: fields["arguments"].map(arguments) ?? []
        )
    }

    /// Flags come as an array of status replies; a lone string is accepted too.
    private static func flagWords(_ reply: Reply?) -> [String] {
        guard let reply else { return [] }
        if let items = reply.elements { return items.compactMap(\.string).map { $0.lowercased() } }
        return reply.string.map { [$0.lowercased()] } ?? []
    }

    /// A flat key/value array as a dictionary; the first of repeated keys wins.
    private static func fields(_ reply: Reply) -> [String: Reply] {
        var fields = [String: Reply]()
        for (key, value) in pairs(reply) {
            guard let key = key.string?.lowercased(), fields[key] == nil else { continue }
            fields[key] = value
        }
        return fields
    }

    /// Consecutive elements of an array reply, two by two; a trailing odd element is dropped.
    private static func pairs(_ reply: Reply) -> [(Reply, Reply)] {
        guard let items = reply.elements else { return [] }
        return stride(from: 0, to: items.count - 1, by: 2).map { (items[$0], items[$0 + 1]) }
    }
}

extension String {
    /// `config|get` as `config get`: subcommands are shown the way they are typed.
    func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
