public import RedbookRedis

/// Runs blocks, one after another, against one Redis connection.
///
/// Notebooks and the REPL share a session, so both render replies the same way: see
/// docs/output-rendering.md for how each kind of reply is recorded.
///
/// A session is used from one thread at a time, like its connection.
public final class Session {
    /// The connection every block uses.
    public let connection: RedisConnection

    /// How long to wait, after an `FT.CREATE` or `FT.ALTER`, for the index to finish scanning
    /// the keys that already exist before the block fails. 30 seconds unless changed.
    public var indexingTimeout: Duration = .seconds(30)

    /// How much of each output part is recorded before the rest is cut.
    var outputLimit = OutputLimit.standard

    /// Creates a session over an open connection.
    public init(connection: RedisConnection) {
        self.connection = connection
    }

    /// Runs one block and returns its recorded output, or where and why it failed.
    ///
    /// A `redis` block runs its commands in order and stops at the first error reply, which is
    /// recorded and becomes the failure (at that command's line, with the server's text). In a
    /// block that ``Block/expectsError``, error replies are recorded and do not stop it; the
    /// block fails only when no command returned an error. A lost connection fails the block at
    /// the command that was running. A `swift` block fails: the step language is not available yet.
    ///
    /// - Parameter block: The block, with its position in the notebook for error messages.
    /// - Returns: The Markdown to record and, when the block failed, where and why.
    public func run(_ block: Block) -> BlockOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome: BlockOutcome
        switch block.language {
        case .redis:
            outcome = runRedis(block)
        case .swift:
            outcome = BlockOutcome(output: "", failure: BlockFailure(
                line: block.firstLine,
                column: block.column,
                message: "swift blocks are not supported yet\nhint: write the step as redis commands, or mark the block {skip}"
            ))
        }
        outcome.duration = start.duration(to: clock.now)
        return outcome
    }
}
