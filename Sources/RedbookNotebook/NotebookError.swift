/// Why a notebook could not be read, understood or written.
///
/// Every description starts with `FILE:LINE:COLUMN: error:` (or `FILE: error:` when no line
/// applies) and ends with a hint, so editors can jump to the spot.
public struct NotebookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: Sendable, Hashable {
        /// The file does not exist.
        case missingFile
        /// The file exists but cannot be read.
        case unreadable
        /// The file or its folder cannot be written.
        case unwritable
        /// Ctrl-C or SIGTERM arrived before the file was replaced, so it was left as it was.
        case interrupted
        /// The file changed on disk while the run was going, so the run's result went elsewhere.
        case changedDuringRun
        /// Another `redbook` process is running the same notebook.
        case locked
        /// An output path is the notebook being read.
        case sameFile
        /// The file is not valid UTF-8.
        case invalidUTF8
        /// A runnable block holds a NUL byte, which Markdown reads as U+FFFD.
        case nulByte
        /// An attribute after a block's language is unknown or malformed.
        case invalidAttribute
        /// An output region's markers are missing, unmatched or misplaced.
        case damagedRegion
        /// A runnable block's fence is never closed.
        case unclosedFence
        /// `--only` named a block that does not exist.
        case unknownBlockName
        /// `--only` named a block marked `{skip}`.
        case skippedBlockName
        /// Two blocks carry the same `{name=...}`.
        case duplicateBlockName
        /// A block that `--only` needed to run first failed, so the named blocks did not run.
        case setupFailed
    }

    /// The kind of problem.
    public var kind: Kind
    /// The file, as the user named it.
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// 1-based byte column, when the problem has one.
    public var column: Int?
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// Creates an error.
    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, then `hint: ...` on a second line when there is one.
    public var description: String {
        Diagnostic.line(file: file, line: line, column: column, message: message, hint: hint)
    }
}
