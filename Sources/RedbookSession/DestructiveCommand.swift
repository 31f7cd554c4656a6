/// Commands that destroy data or reconfigure a server, which a notebook may run against a
/// server that is not Redbook's own only with `--allow-destructive`.
///
/// The list is in docs/reliability.md. A Lua script (`EVAL`) is refused when its text names one of
/// the whole-command entries, `CONFIG` or `MODULE` in quotes, as `redis.call('FLUSHDB')` does;
/// code loaded earlier (`EVALSHA`, `FCALL`) cannot be read and is not refused.
public enum DestructiveCommand {
    /// More keys than this make `KEYS` a command that stalls the server.
    public static let largeKeyspace = 10_000

    /// What the command would do, when it is one of the list; `nil` for any other command.
    ///
    /// - Parameters:
    ///   - arguments: The command and its arguments, as sent.
    ///   - keyCount: Asked only for `KEYS`: how many keys the database holds, or `nil` when unknown.
    public static func danger(of arguments: [[UInt8]], keyCount: () -> Int?) -> String? {
        guard !arguments.isEmpty else { return nil }
        let words = arguments.prefix(3).map { String(decoding: $0, as: UTF8.self).uppercased() }
        let name = words[0]
        let sub = words.count > 1 ? words[1] : ""
        if let effect = whole[name] { return effect }
        if let effect = bySubcommand[name]?[sub] { return effect }
        switch name {
        case "FT.DROPINDEX" where arguments.dropFirst(2).contains { String(decoding: $0, as: UTF8.self).uppercased() == "DD" }:
            return "deletes the index's documents with it (DD)"
        case "FT.DROP" where !arguments.dropFirst(2).contains { String(decoding: $0, as: UTF8.self).uppercased() == "KEEPDOCS" }:
            return "deletes the index's documents with it"
        case "KEYS":
            guard let count = keyCount(), count > largeKeyspace else { return nil }
            return "walks all \(count) keys at once and stalls the server (use SCAN, or the keys(…) step)"
        case "EVAL", "EVAL_RO":
            guard arguments.count > 1 else { return nil }
            return scriptDanger(String(decoding: arguments[1], as: UTF8.self))
        default:
            return nil
        }
    }

    private static let whole: [String: String] = [
        "FLUSHALL": "erases every key of every database",
        "FLUSHDB": "erases every key of the database",
        "SHUTDOWN": "stops the server",
        "DEBUG": "can crash, stall or corrupt the server",
        "SWAPDB": "swaps two databases for every client",
        "REPLICAOF": "makes the server a replica, replacing its data",
        "SLAVEOF": "makes the server a replica, replacing its data",
        "FAILOVER": "hands the server's role to a replica",
    ]

    private static let bySubcommand: [String: [String: String]] = [
        "CONFIG": ["SET": "changes the server's configuration", "REWRITE": "rewrites the server's configuration file",
                   "RESETSTAT": "resets the server's statistics"],
        "MODULE": ["LOAD": "loads code into the server", "LOADEX": "loads code into the server", "UNLOAD": "unloads a module from the server"],
        "ACL": ["SETUSER": "changes a user's permissions", "DELUSER": "deletes users", "LOAD": "replaces every user from the ACL file"],
        "SCRIPT": ["FLUSH": "deletes every cached script"],
        "FUNCTION": ["FLUSH": "deletes every function library", "DELETE": "deletes a function library"],
        "CLIENT": ["KILL": "disconnects other clients", "PAUSE": "pauses every client"],
        "CLUSTER": ["RESET": "resets the node's cluster state", "FLUSHSLOTS": "drops the node's slots"],
    ]

    /// A script that names a listed command in quotes, as its `redis.call` does. Its arguments
    /// are not read, so any `CONFIG` or `MODULE` call counts.
    private static func scriptDanger(_ script: String) -> String? {
        let text = script.uppercased()
        for name in whole.keys.sorted() + ["CONFIG", "MODULE"]
        where text.contains("'\(name)'") || text.contains("\"\(name)\"") {
            return "runs \(name) from a script"
        }
        return nil
    }
}
