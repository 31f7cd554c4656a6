import SwiftDiagnostics
import SwiftSyntax

/// Why a step failed: what is wrong, how to fix it, and the syntax it points at.
///
/// Built-in steps throw it with a message alone; the interpreter attaches the node of the call
/// that failed, so every error reaches the notebook with a line and column.
public struct StepError: Error, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// Where: the innermost syntax node the error belongs to.
    var node: Syntax?

    /// Creates an error; the interpreter fills in where it happened.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    init(_ message: String, hint: String? = nil, at node: some SyntaxProtocol) {
        self.message = message
        self.hint = hint
        self.node = Syntax(node)
    }

    /// The same error, pointing at `node` unless it already points somewhere.
    func located(at node: some SyntaxProtocol) -> StepError {
        guard self.node == nil else { return self }
        var copy = self
        copy.node = Syntax(node)
        return copy
    }

    public var description: String { message + (hint.map { "\nhint: \($0)" } ?? "") }
}

/// What interrupts evaluation: a failure, or Swift's own control flow.
///
/// Thrown and caught on the interpreter's own thread only, so the value it may carry never
/// crosses threads, though `Error` asks for `Sendable`.
enum Interrupt: Error, @unchecked Sendable {
    case failure(StepError)
    case breakLoop
    case continueLoop
    case returned(Value)
}

/// A message in the Swift compiler's diagnostic form, so the formatter draws its caret.
struct StepMessage: DiagnosticMessage {
    let message: String
    let severity: DiagnosticSeverity
    var diagnosticID: MessageID { MessageID(domain: "redbook", id: "step") }
}
