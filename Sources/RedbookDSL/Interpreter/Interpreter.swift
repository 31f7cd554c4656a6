import SwiftDiagnostics
import SwiftParser
import SwiftSyntax

/// Runs step blocks: parses Swift syntax and walks the tree, never compiling it.
///
/// Names bound with `let` and `var` at a block's top level stay bound for later blocks, as in
/// a notebook. Every loop iteration and call spends one unit of a step budget, so no block can
/// run forever.
public final class Interpreter {
    /// What one block produced.
    public struct Outcome {
        /// The value of the block's last statement when it is a bare expression, as a notebook cell shows.
        public var value: Value?
        /// Lines written by `print`.
        public var printed: [String] = []
        /// Why the block failed, with every problem the parser found.
        public var diagnostics: [StepDiagnostic] = []

        /// Whether the block failed.
        public var failed: Bool { !diagnostics.isEmpty }
    }

    /// How many loop iterations and calls one block may make before it is stopped.
    public var stepBudget = 10_000_000
    /// How many elements an array a step builds may hold: a range, `+`, `append`.
    public var elementLimit = Value.standardElementLimit
    /// How many UTF-8 bytes a string a step builds may hold, and the text a value is written as.
    public var textLimit = Value.standardTextLimit
    /// How deep calls may nest before a block is stopped (a recursive `func` without an end).
    public var callDepthLimit = 200
    /// Set from another thread to stop the running block at its next step.
    public let stopRequest: StopRequest
    /// Redis, the encoder and files; `nil` runs pure steps only.
    public weak var host: (any StepHost)?

    let globals = Scope()
    var stepsLeft = 0
    var callDepth = 0
    /// How deep expressions nest while one is evaluated, bounded by ``expressionDepthLimit``.
    var expressionDepth = 0
    /// Deeper expressions fail with a message rather than exhaust the stack.
    public var expressionDepthLimit = 20_000
    var printed: [String] = []
    /// Where each parsed block's tree starts in the notebook, by its root's id, so a func from an
    /// earlier block that fails later is placed in its own block's lines.
    var origins: [SyntaxIdentifier: SourceOrigin] = [:]

    /// Creates an interpreter with no names bound.
    ///
    /// - Parameters:
    ///   - host: Redis, the encoder and files, for the steps that need them.
    ///   - stopRequest: What another thread sets to stop the running block.
    public init(host: (any StepHost)? = nil, stopRequest: StopRequest = StopRequest()) {
        self.host = host
        self.stopRequest = stopRequest
    }

    /// The names bound so far, sorted, with their values.
    public var variables: [(name: String, value: Value)] {
        globals.names.compactMap { name in globals.lookup(name).map { (name, $0.value) } }
    }

    /// Forgets every name bound so far.
    public func reset() {
        globals.removeAll()
    }

    /// Binds a name for later blocks, as `let name = value` would.
    public func define(_ name: String, _ value: Value) {
        globals.declare(name, value, mutable: false)
    }

    /// Runs one block.
    ///
    /// - Parameters:
    ///   - source: The block's code.
    ///   - firstLine: The notebook line of the code's first line, so messages point into the file.
    ///   - column: The notebook column where each code line starts.
    public func run(_ source: String, firstLine: Int = 1, column: Int = 1) -> Outcome {
        LargeStack.run { self.runHere(source, firstLine: firstLine, column: column) }
    }

    /// Deeper bracket nesting is refused before parsing: no step needs it, and the parser's
    /// time and stack grow with it.
    public static let nestingLimit = 200

    /// Deeper nesting of `[` alone is refused too: swift-syntax's parser reads what follows a
    /// `[` once to tell an array from a dictionary and again for real, so its time doubles with
    /// each level (`[[[…1]]]` 19 deep took 7 s in the debug build).
    public static let squareBracketLimit = 8

    private func runHere(_ source: String, firstLine: Int, column: Int) -> Outcome {
        if let (line, offset, squares) = Self.tooDeep(source) {
            let excerpt = "\(firstLine + line) | …"
            return Outcome(diagnostics: [StepDiagnostic(
                line: firstLine + line, column: column + offset,
                message: squares ? "'[' nests more than \(Self.squareBracketLimit) levels deep here"
                    : "brackets nest more than \(Self.nestingLimit) levels deep here",
                hint: "split the expression into named steps", excerpt: excerpt)])
        }
        // Parsed as written, not padded to its notebook line: the lexer's time would grow with
        // the line, which a long REPL session keeps raising. Places are shifted when reported.
        let tree = Parser.parse(source: source)
        let origin = SourceOrigin(line: firstLine, column: column)
        origins[tree.id] = origin
        var outcome = Outcome()
        if tree.hasError, let equal = Self.equalSignThatTrapsDiagnostics(in: tree) {
            let message = StepMessage(message: "a character Swift code cannot hold stands just before this '='", severity: .error)
            let diagnostic = Diagnostic(node: equal, message: message)
            outcome.diagnostics = [place(diagnostic, hint: "delete it", tree: tree)]
            return outcome
        }
        if tree.hasError {
            outcome.diagnostics = syntaxDiagnostics(tree)
            if !outcome.diagnostics.isEmpty { return outcome }
        }
        stepsLeft = stepBudget
        callDepth = 0
        expressionDepth = 0
        printed = []
        do throws(Interrupt) {
            outcome.value = try runTopLevel(tree.statements)
        } catch {
            let failure: StepError
            switch error {
            case .failure(let stepError): failure = stepError
            case .breakLoop, .continueLoop: failure = StepError("'break' and 'continue' belong inside a loop")
            case .returned: failure = StepError("'return' belongs inside a closure or func", hint: "a block's last expression is its output; write it on its own")
            }
            let node = failure.node ?? Syntax(tree)
            let diagnostic = Diagnostic(node: node, message: StepMessage(message: failure.message, severity: .error))
            // A func from an earlier block fails inside that block's tree, whose lines are its own.
            outcome.diagnostics = [place(diagnostic, hint: failure.hint, tree: node.root)]
        }
        outcome.printed = printed
        return outcome
    }

    /// Evaluates one expression, for `\(...)` inside a `redis` block.
    ///
    /// - Parameters:
    ///   - source: The expression's text.
    ///   - line: Its notebook line.
    ///   - column: Its notebook column.
    /// - Returns: The value, or where and why it failed.
    public func evaluate(_ source: String, line: Int, column: Int) -> Result<Value, StepFailureList> {
        let outcome = run(source, firstLine: line, column: column)
        if outcome.failed { return .failure(StepFailureList(diagnostics: outcome.diagnostics)) }
        guard let value = outcome.value else {
            return .failure(StepFailureList(diagnostics: [StepDiagnostic(line: line, column: column, message: "expected an expression", excerpt: "")]))
        }
        return .success(value)
    }

    /// The 0-based line and byte offset where `(`, `[` and `{` first nest deeper than
    /// ``nestingLimit``, or `[` alone deeper than ``squareBracketLimit`` (then `squares` is true),
    /// outside string literals but inside their `\(…)`; `nil` when they never do.
    static func tooDeep(_ source: String) -> (line: Int, offset: Int, squares: Bool)? {
        var source = source
        // One pass over contiguous bytes; iterating the String's UTF-8 view costs more than the check.
        return source.withUTF8 { bytes in tooDeep(bytes) }
    }

    private static func tooDeep(_ bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, offset: Int, squares: Bool)? {
        var depth = 0, squares = 0, line = 0, lineStart = 0, escaped = false
        // The string literal the scan is inside, if any. The scan must end a literal where the
        // parser does: brackets it took for text the parser reads as code, it would not count.
        var literal: StringLiteralShape?
        // The depth of each `\(` that left a string for code; its `)` goes back into that string.
        var interpolations: [(depth: Int, literal: StringLiteralShape)] = []
        var offset = 0
        func follows(_ text: StaticString, hashes: Int, at start: Int) -> Bool {
            let length = text.utf8CodeUnitCount
            guard start + length + hashes <= bytes.count else { return false }
            for index in 0..<length where bytes[start + index] != text.utf8Start[index] { return false }
            return (0..<hashes).allSatisfy { bytes[start + length + $0] == UInt8(ascii: "#") }
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            defer { offset += 1 }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = offset + 1 }
            if let shape = literal {
                if escaped {
                    escaped = false
                    if byte == UInt8(ascii: "(") {
                        literal = nil
                        depth += 1
                        interpolations.append((depth, shape))
                        if depth > nestingLimit { return (line, offset - lineStart, false) }
                    } else if byte == UInt8(ascii: "\n") && !shape.multiLine {
                        literal = nil
                    }
                } else if byte == UInt8(ascii: "\\"), follows("", hashes: shape.hashes, at: offset + 1) {
                    escaped = true
                    offset += shape.hashes
                } else if byte == UInt8(ascii: "\n") && !shape.multiLine {
                    // A single-line string ends with its line, closed or not, as the parser ends it.
                    literal = nil
                } else if byte == UInt8(ascii: "\""), follows(shape.multiLine ? "\"\"" : "", hashes: shape.hashes, at: offset + 1) {
                    literal = nil
                    offset += (shape.multiLine ? 2 : 0) + shape.hashes
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                var hashes = 0
                while offset - hashes > 0 && bytes[offset - hashes - 1] == UInt8(ascii: "#") { hashes += 1 }
                let multiLine = follows("\"\"", hashes: 0, at: offset + 1)
                literal = StringLiteralShape(multiLine: multiLine, hashes: hashes)
                if multiLine { offset += 2 }
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > nestingLimit { return (line, offset - lineStart, false) }
                if byte == UInt8(ascii: "[") {
                    squares += 1
                    if squares > squareBracketLimit { return (line, offset - lineStart, true) }
                }
            case UInt8(ascii: ")") where interpolations.last?.depth == depth:
                literal = interpolations.removeLast().literal
                depth -= 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                if byte == UInt8(ascii: "]") { squares = max(0, squares - 1) }
            default: break
            }
        }
        return nil
    }

    /// An `=` on which swift-syntax's diagnostics would trap, if `tree` has one.
    ///
    /// A character the lexer skips as invalid (a control character, a byte order mark, a
    /// U+FFFD) right before an `=` leaves spaces on both sides yet binds it on the left, and the
    /// generator's Fix-It for that has no changes, which it refuses with a trap.
    static func equalSignThatTrapsDiagnostics(in tree: SourceFileSyntax) -> TokenSyntax? {
        for token in tree.tokens(viewMode: .all) where token.tokenDiagnostic?.kind == .equalMustHaveConsistentWhitespaceOnBothSides {
            let spaceBefore = token.previousToken(viewMode: .all)?.trailingTrivia.contains { $0.isSpaceOrTab } ?? false
            if spaceBefore && token.trailingTrivia.contains(where: { $0.isSpaceOrTab }) { return token }
        }
        return nil
    }

    /// Spends one step of the budget.
    func tick(_ node: some SyntaxProtocol) throws(Interrupt) {
        stepsLeft -= 1
        if stopRequest.isRequested {
            throw .failure(StepError("interrupted", hint: "the block stopped here; names it bound before this point keep their values", at: node))
        }
        if stepsLeft < 0 {
            throw .failure(StepError("this block ran more than \(stepBudget) loop iterations and calls, so it was stopped",
                                     hint: "a loop that never ends? bound it, or split the work", at: node))
        }
    }
}

/// The problems of an expression that failed.
public struct StepFailureList: Error, Sendable, Hashable {
    /// Each problem, placed in the notebook.
    public var diagnostics: [StepDiagnostic]
}

/// How a string literal ends: `"` or `"""`, followed by as many `#` as opened it.
private struct StringLiteralShape {
    var multiLine: Bool
    var hashes: Int
}
