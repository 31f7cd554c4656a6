import SwiftDiagnostics
import SwiftParserDiagnostics
import SwiftSyntax

extension Interpreter {
    /// How many syntax errors a block reports in full; one more diagnostic counts the rest.
    public static let syntaxErrorLimit = 10

    /// Past this many missing or unexpected pieces, a block gets one diagnostic at the first,
    /// without swift-syntax's own messages: its generator's time grows with the square of their
    /// number (3,000 stray `\` took 10 s in the debug build).
    public static let syntaxProblemLimit = 100

    /// The syntax errors of a tree that has some, placed in the notebook.
    func syntaxDiagnostics(_ tree: SourceFileSyntax) -> [StepDiagnostic] {
        let counter = SyntaxProblemCounter(limit: Self.syntaxProblemLimit)
        counter.walk(tree)
        if counter.count > Self.syntaxProblemLimit, let first = counter.first {
            let message = StepMessage(message: "more than \(Self.syntaxProblemLimit) syntax errors; the first is here", severity: .error)
            return [place(Diagnostic(node: first, message: message), hint: "fix this one first; the others often follow from it", tree: tree)]
        }
        let problems = ParseDiagnosticsGenerator.diagnostics(for: tree).filter { $0.diagMessage.severity == .error }
        // Each placed diagnostic reads the whole tree, so only the first few are placed.
        let shown = problems.prefix(Self.syntaxErrorLimit)
        var placed = shown.map { place($0, hint: nil, tree: tree) }
        if problems.count > shown.count {
            let rest = problems.count - shown.count
            let next = problems[shown.count]
            let message = StepMessage(message: "\(rest) more syntax error\(rest == 1 ? "" : "s") from here on", severity: .error)
            placed.append(place(Diagnostic(node: next.node, position: next.position, message: message),
                                hint: "fix the ones above first; the later ones often follow from them", tree: tree))
        }
        return placed
    }
}

/// Counts the missing tokens and runs of unexpected syntax in a tree, up to just past a limit,
/// and keeps the first of them.
private final class SyntaxProblemCounter: SyntaxAnyVisitor {
    let limit: Int
    private(set) var count = 0
    private(set) var first: Syntax?

    init(limit: Int) {
        self.limit = limit
        super.init(viewMode: .all)
    }

    private func found(_ node: some SyntaxProtocol) {
        count += 1
        if first == nil { first = Syntax(node) }
    }

    override func visit(_ node: UnexpectedNodesSyntax) -> SyntaxVisitorContinueKind {
        found(node)
        return .skipChildren
    }

    override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
        if token.presence == .missing { found(token) }
        return .skipChildren
    }

    override func visitAny(_ node: Syntax) -> SyntaxVisitorContinueKind {
        // Past the limit the rest of the tree changes nothing; a subtree without errors neither.
        count > limit || !node.hasError ? .skipChildren : .visitChildren
    }
}
