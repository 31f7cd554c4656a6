/// One runnable fenced block of a notebook, or one entry typed at the REPL.
public struct Block: Sendable, Hashable {
    /// Which interpreter runs the block.
    public enum Language: String, Sendable, Hashable {
        /// Redis commands in redis-cli syntax.
        case redis
        /// Steps in the Swift-syntax DSL.
        case swift
    }

    /// Which interpreter runs the block.
    public var language: Language
    /// The code inside the fence, container prefixes removed, lines joined with `\n`.
    public var source: String
    /// 1-based line, in the notebook file, of the first line of ``source``.
    public var firstLine: Int
    /// 1-based column, in the notebook file, where each source line's text starts.
    public var column: Int
    /// Whether an error reply is the expected outcome (`{expect-error}`).
    public var expectsError: Bool

    /// Creates a block.
    public init(language: Language, source: String, firstLine: Int = 1, column: Int = 1, expectsError: Bool = false) {
        self.language = language
        self.source = source
        self.firstLine = firstLine
        self.column = column
        self.expectsError = expectsError
    }
}

extension Block {
    /// Whether the block names a step that encodes text (`encode`, `embed`, `search`): in a
    /// `swift` block anywhere, in a `redis` block inside a `\(…)`. A func from an earlier block
    /// that encodes is not seen; such a block only misses the early wake-up.
    var mayEncode: Bool {
        if language == .redis && !source.contains("\\(") { return false }
        return ["encode", "embed", "search"].contains { source.contains($0) }
    }
}
