/// What running one block produced.
public struct BlockOutcome: Sendable, Hashable {
    /// Markdown to record inside the block's output region (no markers, no trailing newline).
    /// Deterministic: no timings, ports or paths.
    public var output: String
    /// Why the block failed, or `nil` when it succeeded.
    public var failure: BlockFailure?
    /// Wall-clock time the block took (for progress and export headers, never recorded).
    public var duration: Duration

    /// Creates an outcome.
    public init(output: String, failure: BlockFailure? = nil, duration: Duration = .zero) {
        self.output = output
        self.failure = failure
        self.duration = duration
    }
}

/// A failed block: where, in notebook coordinates, and why.
public struct BlockFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the notebook file.
    public var line: Int
    /// 1-based column in the notebook file.
    public var column: Int
    /// The cause, such as the server's error text.
    public var message: String

    /// Creates a failure.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): error: \(message)" }
}
