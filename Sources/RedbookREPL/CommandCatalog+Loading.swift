public import RedbookRedis

extension CommandCatalog {
    /// Asks the server for `COMMAND DOCS` and builds the catalog from its answer.
    ///
    /// hiredis 0.14 cannot read replies nested more than eight arrays deep, and the docs of a
    /// few commands (`CLIENT`, `CLUSTER`, `BITFIELD`, `GEOSEARCH` on Redis 8) go deeper. When the
    /// whole reply cannot be read, the names come from `COMMAND LIST` and their docs are asked
    /// for in batches, halving any batch that cannot be read; a container whose docs are too
    /// deep is rebuilt from its subcommands' docs, and a command whose own docs are too deep is
    /// kept by name only. Each unreadable reply closes the socket and the next call reconnects
    /// (repeating AUTH and SELECT), so load the catalog before the session changes connection
    /// state such as a `SELECT` typed by the user, or on a connection of its own.
    ///
    /// - Throws: ``RedisError`` when the server cannot be reached or refuses the commands
    ///   (servers before Redis 7 have no `COMMAND DOCS`).
    public static func load(from connection: RedisConnection) throws(RedisError) -> CommandCatalog {
        do {
            return CommandCatalog(docs: try connection.call("COMMAND", "DOCS"))
        } catch let error where error.isTooDeep {
            return CommandCatalog(commands: try DocsInBatches(connection: connection).commands())
        }
    }
}

/// The fallback load: docs fetched a batch of names at a time.
private struct DocsInBatches {
    let connection: RedisConnection
    /// Enough names to keep round trips few, few enough that halving a failed batch is quick.
    private let batchSize = 50

    func commands() throws(RedisError) -> [CommandCatalog.Command] {
        let listed = try connection.call("COMMAND", "LIST").elements?.compactMap(\.string) ?? []
        let topLevel = listed.filter { !$0.contains("|") }
        var commands = [CommandCatalog.Command]()
        var unreadable = [String]()
        for start in stride(from: 0, to: topLevel.count, by: batchSize) {
            let batch = Array(topLevel[start..<min(start + batchSize, topLevel.count)])
            try docs(for: batch, into: &commands, unreadable: &unreadable)
        }
        for name in unreadable {
            let prefix = name.lowercased() + "|"
            let subnames = listed.filter { $0.lowercased().hasPrefix(prefix) }
            var subcommands = [CommandCatalog.Command]()
            var bare = [String]()
            try docs(for: subnames, into: &subcommands, unreadable: &bare)
            subcommands += bare.map { CommandCatalog.Command(name: $0.replacingPipes()) }
            commands.append(CommandCatalog.Command(name: name, subcommands: subcommands))
        }
        return commands
    }

    /// Reads the docs of `names`, halving the list whenever its reply is too deep to read.
    private func docs(
        for names: [String],
        into commands: inout [CommandCatalog.Command],
        unreadable: inout [String]
    ) throws(RedisError) {
        guard !names.isEmpty else { return }
        do {
            let reply = try connection.call(RedisCommand(["COMMAND", "DOCS"] + names))
            commands += CommandDocsParser.commands(in: reply)
        } catch let error where error.isTooDeep {
            guard names.count > 1 else {
                unreadable += names
                return
            }
            let middle = names.count / 2
            try docs(for: Array(names[..<middle]), into: &commands, unreadable: &unreadable)
            try docs(for: Array(names[middle...]), into: &commands, unreadable: &unreadable)
        }
    }
}

extension RedisError {
    /// Whether hiredis gave up on a reply for its nesting, the one failure a smaller request avoids.
    fileprivate var isTooDeep: Bool {
        guard case .connection(let failure) = self else { return false }
        return failure.isReplyTooDeep
    }
}
