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
///
/// The first problem is the failure; a block that has several (the Swift parser reports every
/// syntax error it finds) keeps the rest in ``others``, in the order they were found.
public struct BlockFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the notebook file.
    public var line: Int
    /// 1-based column in the notebook file.
    public var column: Int
    /// The cause, such as the server's error text.
    public var message: String
    /// How to fix it, when there is a known way.
    public var hint: String?
    /// The code at the spot with a caret under the column, as the Swift compiler draws it;
    /// empty when there is no code to show (a server's error reply).
    public var excerpt: String
    /// Further problems in the same block.
    public var others: [BlockFailure]

    /// Creates a failure.
    public init(line: Int, column: Int, message: String, hint: String? = nil, excerpt: String = "", others: [BlockFailure] = []) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.excerpt = excerpt
        self.others = others
    }

    /// The message, the hint and the excerpt, one after another, as recorded after `error: `.
    public var explanation: String {
        message + (hint.map { "\nhint: \($0)" } ?? "") + (excerpt.isEmpty ? "" : "\n" + excerpt)
    }

    /// Every problem, this one first.
    public var all: [BlockFailure] {
        [BlockFailure(line: line, column: column, message: message, hint: hint, excerpt: excerpt)] + others.flatMap(\.all)
    }

    public var description: String {
        all.map { "\($0.line):\($0.column): error: \($0.explanation)" }.joined(separator: "\n")
    }
}
