/// Why a notebook could not be read, understood or written.
///
/// Every description starts with `FILE:LINE:COLUMN: error:` (or `FILE: error:` when no line
/// applies) and ends with a hint, so editors can jump to the spot.
public struct NotebookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: Sendable, Hashable {
        /// The file does not exist.
        case missingFile
        /// The file exists but cannot be read or written.
        case unreadable
        /// The file is not valid UTF-8.
        case invalidUTF8
        /// An attribute after a block's language is unknown or malformed.
        case invalidAttribute
        /// An output region's markers are missing, unmatched or misplaced.
        case damagedRegion
        /// A runnable block's fence is never closed.
        case unclosedFence
        /// `--only` named a block that does not exist.
        case unknownBlockName
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
        var location = file
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(location): error: \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
    }
}
