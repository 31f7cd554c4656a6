extension CommandCatalog {
    /// The arguments still to type, written as redis-cli 7.2 shows them greyed after the cursor.
    ///
    /// `words` are the words typed so far, the command name first, and the user has typed a
    /// space after the last one: `["SET", "key", "value"]` gives
    /// `[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]`.
    /// Required arguments are skipped by count; after them, optional arguments whose token was
    /// already typed are dropped (case-insensitively). For a container such as `CONFIG` the
    /// second word picks the subcommand, and before it the hint lists the subcommands' words.
    ///
    /// - Returns: `nil` for an unknown command, or when nothing is left to type.
    public func hint(forTyped words: [String]) -> String? {
        guard let first = words.first, var command = command(named: first) else { return nil }
        var typed = words.dropFirst()
        if !command.subcommands.isEmpty, command.arguments.isEmpty {
            guard let word = typed.first else { return command.subcommandWords.joined(separator: "|") }
            guard let subcommand = command.subcommand(word) else { return nil }
            command = subcommand
            typed = typed.dropFirst()
        }
        return ArgumentMatcher.hint(for: command.arguments, typed: Array(typed))
    }
}
