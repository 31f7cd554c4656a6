/// A problem in a step block, placed in the notebook: what the session records and prints.
public struct StepDiagnostic: Sendable, Hashable {
    /// 1-based line in the notebook file.
    public var line: Int
    /// 1-based byte column in the notebook file.
    public var column: Int
    /// What is wrong.
    public var message: String
    /// How to fix it, if there is a known way.
    public var hint: String?
    /// The code around the spot with a caret under it, as the Swift compiler draws it.
    public var excerpt: String
}
