public import RedbookRedis

/// Every command the connected server knows, with its documentation, for completion, hints and `:help`.
///
/// Built from `COMMAND DOCS`, so it matches the server actually in use, modules included.
/// Module commands that the server describes without arguments (RediSearch and RedisJSON report
/// only their group) get hand-written specs for the commands vector-search work uses most; see
/// the module supplement.
///
/// Subcommands such as `CONFIG GET` are kept under their container's ``Command/subcommands``
/// rather than in ``names``, so completing the first word offers single words only;
/// ``command(named:)`` finds them by their two-word name.
public struct CommandCatalog: Sendable, Hashable {
    private var commands: [String: Command]

    /// The top-level command names in upper case, sorted, such as `FT.SEARCH`, `JSON.SET`, `SET`.
    public let names: [String]

    /// A catalog of the given commands; later duplicates of a name are ignored.
    ///
    /// Commands without arguments get them from the module supplement when it has them.
    public init(commands: [Command]) {
        var table = [String: Command]()
        for command in commands where table[command.name] == nil {
            table[command.name] = ModuleCommandSupplement.filling(command)
        }
        self.commands = table
        self.names = table.keys.sorted()
    }

    /// A catalog read from the reply of `COMMAND DOCS` (RESP2).
    ///
    /// Entries of an unexpected shape are skipped, so an odd reply gives a smaller catalog,
    /// never a failure.
    public init(docs reply: Reply) {
        self.init(commands: CommandDocsParser.commands(in: reply))
    }

    /// The command called `name`, compared case-insensitively.
    ///
    /// A subcommand is found by its two words, `CONFIG GET` (or `config|get`).
    public func command(named name: String) -> Command? {
        let words = name.split { $0 == " " || $0 == "|" || $0 == "\t" }
        guard let first = words.first, let command = commands[first.uppercased()] else { return nil }
        switch words.count {
        case 1: return command
        case 2: return command.subcommand(String(words[1]))
        default: return nil
        }
    }

    /// The command name with its full argument syntax, such as `GET key`, or `nil` when unknown.
    public func usage(of name: String) -> String? {
        command(named: name)?.usage
    }

    /// What `:help COMMAND` prints: the usage line, then the summary, version and group.
    ///
    /// A container such as `CONFIG` also lists the usage of each subcommand.
    /// Returns `nil` for an unknown command.
    public func help(for name: String) -> String? {
        guard let command = command(named: name) else { return nil }
        var lines = ["  \(command.usage)"]
        if let summary = command.summary { lines.append("  summary: \(summary)") }
        if let since = command.since { lines.append("  since: \(since)") }
        if let group = command.group { lines.append("  group: \(group)") }
        if !command.subcommands.isEmpty {
            lines.append("  subcommands:")
            lines += command.subcommands.map { "    \($0.usage)" }
        }
        return lines.joined(separator: "\n")
    }
}
