public import RedbookRedis

/// Runs blocks, one after another, against one Redis connection.
///
/// Notebooks and the REPL share a session, so both render replies the same way.
public final class Session {
    /// The connection every block uses.
    public let connection: RedisConnection

    /// Creates a session over an open connection.
    public init(connection: RedisConnection) {
        self.connection = connection
    }

    /// Runs one block and returns its recorded output, or where and why it failed.
    public func run(_ block: Block) -> BlockOutcome {
        BlockOutcome(output: "", failure: BlockFailure(line: block.firstLine, column: block.column, message: "not implemented yet"))
    }
}
