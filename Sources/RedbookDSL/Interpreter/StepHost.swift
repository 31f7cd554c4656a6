public import RedbookEncoder
public import RedbookRedis

/// What steps reach outside the interpreter for: Redis, the encoder and data files.
///
/// The session implements it, so a `redis(...)` call in a step behaves exactly like the same
/// line in a `redis` block, and the encoder is loaded once, the first time a step needs it.
public protocol StepHost: AnyObject {
    /// The connection, for pipelines of many commands.
    var connection: RedisConnection { get }

    /// Sends one command the way a line of a `redis` block is sent (the same waits after
    /// `FT.CREATE`, the same ordering of ties).
    ///
    /// - Throws: ``StepError`` when the connection fails; an error reply is returned, not thrown.
    func command(_ arguments: [[UInt8]]) throws(StepError) -> Reply

    /// The encoder: the notebook's chosen model, else `--model`, `$REDBOOK_MODEL` or the default.
    ///
    /// - Throws: ``StepError`` naming the model folder when it cannot be loaded.
    func encoder() throws(StepError) -> SentenceEncoder

    /// Vectors for short texts such as questions, remembered for the session, so a question
    /// asked in several searches is encoded once.
    ///
    /// - Throws: ``StepError`` when the model cannot be loaded.
    func vectors(for texts: [String]) throws(StepError) -> [[Float]]

    /// Chooses the model later steps encode with (`model("path/to/folder")`).
    ///
    /// - Throws: ``StepError`` when the folder holds no usable model.
    func useModel(at path: String) throws(StepError) -> SentenceEncoder

    /// Reads a file (relative to the notebook) or an http(s) URL, through the fetch cache.
    ///
    /// - Throws: ``StepError`` for a missing file, an HTTP failure or a timeout.
    func fetch(_ location: String) throws(StepError) -> [UInt8]

    /// Shows progress of a long step (an `embed` of many documents) when a person is watching.
    func progress(_ text: String)
}
