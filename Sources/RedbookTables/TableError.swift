/// Why JSON rows could not be read as a table.
///
/// The description reads `SOURCE:LINE:COLUMN: error: MESSAGE`, then `hint: …` on a second line,
/// so editors can jump to the spot.
public struct TableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the JSON came from as the user named it, or `<stdin>`.
    public var source: String
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based byte column of the problem.
    public var column: Int
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - source: The file name shown in the description.
    ///   - line: 1-based line.
    ///   - column: 1-based byte column.
    ///   - message: What is wrong.
    ///   - hint: How to fix it.
    public init(source: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `SOURCE:LINE:COLUMN: error: MESSAGE`, then `hint: ...` on a second line when there is one.
    public var description: String {
        "\(source):\(line):\(column): error: \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
    }
}
