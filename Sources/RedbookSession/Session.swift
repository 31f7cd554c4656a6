public import Foundation
public import RedbookRedis
public import RedbookDSL
import RedbookEncoder

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

    /// The folder relative paths in steps start from (`fetch("data/bikes.json")`, `model("…")`):
    /// the notebook's folder. The current folder unless set.
    public var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    /// The model folder steps encode with until a step chooses another; `nil` for
    /// `$REDBOOK_MODEL`, else the cached default.
    public var modelDirectory: URL?
    /// Whether `fetch` of a URL may only use the cache.
    public var offline = false
    /// What blocks may do to the server and the user's files; anything unless restricted.
    public var permissions = SessionPermissions.unrestricted
    /// Where long steps report progress; `nil` keeps them quiet.
    public var progress: ((String) -> Void)?

    /// The encoder, loaded the first time a step encodes.
    var loadedEncoder: SentenceEncoder?
    /// Vectors of questions already encoded with ``loadedEncoder``.
    var rememberedVectors: [String: [Float]] = [:]
    /// The step language's interpreter; names bound in one block stay for the next.
    lazy var interpreter: Interpreter = Interpreter(host: self, stopRequest: stopRequest)
    /// Set from any thread (Ctrl-C in the REPL) to stop the running block: a step stops at its
    /// next loop iteration or call, a `redis` block before its next command.
    public let stopRequest = StopRequest()

    /// The model steps have encoded with so far, such as `all-MiniLM-L6-v2 (384 dims)`; `nil` until one does.
    public var encoderDescription: String? {
        loadedEncoder.map { "\($0.modelName) (\($0.dimension) dims)" }
    }

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
    /// the command that was running. A `swift` block runs in the step language (docs/dsl.md); its
    /// last bare expression is recorded, and it fails at the line and column of the first problem.
    ///
    /// - Parameter block: The block, with its position in the notebook for error messages.
    /// - Returns: The Markdown to record and, when the block failed, where and why.
    public func run(_ block: Block) -> BlockOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        // A block that may encode wakes the encoder's helpers first, so its parsing hides their
        // wake-up; any other block leaves them asleep, since an awake helper spins on the other
        // core for a millisecond, in the way of Redis and the terminal.
        if let loadedEncoder, block.mayEncode { loadedEncoder.prepare() }
        var outcome: BlockOutcome
        switch block.language {
        case .redis:
            outcome = runRedis(block)
        case .swift:
            outcome = runSwift(block)
        }
        outcome.duration = start.duration(to: clock.now)
        return outcome
    }
}
