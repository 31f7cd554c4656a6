import SwiftSyntax

/// One argument of a call, as written: its label, its value and where it is.
struct Argument {
    var label: String?
    var value: Value
    var node: Syntax
    /// A trailing closure may stand for a labeled closure parameter (`sorted { … }` for `sorted(by:)`).
    var isTrailingClosure = false
}

/// A call's arguments, taken one by one by label, so a wrong or missing label is reported with
/// the labels the step accepts.
struct Arguments {
    let callee: String
    let node: Syntax
    private(set) var remaining: [Argument]
    /// The labels the step accepts, for messages: `fetch(_:)`, `store(_:prefix:as:)`.
    var signature: String

    init(callee: String, node: some SyntaxProtocol, arguments: [Argument], signature: String) {
        self.callee = callee
        self.node = Syntax(node)
        self.remaining = arguments
        self.signature = signature
    }

    func failure(_ message: String, hint: String? = nil, at place: Syntax? = nil) -> Interrupt {
        .failure(StepError(message, hint: hint ?? "\(callee) is called as \(signature)", at: place ?? node))
    }

    /// Takes the first argument with `label` (`nil`: the first unlabeled one, in order).
    mutating func take(_ label: String?) -> Argument? {
        let index = remaining.firstIndex { $0.label == label || (label != nil && $0.label == nil && $0.isTrailingClosure) }
        guard let index else { return nil }
        return remaining.remove(at: index)
    }

    mutating func required(_ label: String?) throws(Interrupt) -> Argument {
        if let argument = take(label) { return argument }
        throw failure("missing argument \(label.map { "'\($0):' " } ?? "")in call to \(callee)")
    }

    /// Fails for arguments no step parameter took.
    func finish() throws(Interrupt) {
        guard let extra = remaining.first else { return }
        let what = extra.label.map { "unexpected argument label '\($0):'" } ?? "unexpected extra argument"
        throw failure("\(what) in call to \(callee)", at: extra.node)
    }
}

extension Argument {
    func fail(_ expected: String) -> Interrupt {
        .failure(StepError("expected \(expected)\(label.map { " for '\($0):'" } ?? ""), got \(value.withArticle)", at: node))
    }

    func string() throws(Interrupt) -> String {
        guard case .string(let text) = value else { throw fail("a String") }
        return text
    }

    func int() throws(Interrupt) -> Int {
        guard case .int(let number) = value else { throw fail("an Int") }
        return number
    }

    func double() throws(Interrupt) -> Double {
        guard let number = Interpreter.number(value) else { throw fail("a number") }
        return number
    }

    func bool() throws(Interrupt) -> Bool {
        guard case .bool(let flag) = value else { throw fail("true or false") }
        return flag
    }

    func array() throws(Interrupt) -> [Value] {
        switch value {
        case .array(let items): return items
        case .rows(let table): return table.rows.indices.map { .object(table.object(at: $0)) }
        default: throw fail("an array")
        }
    }

    func strings() throws(Interrupt) -> [String] {
        if case .string(let text) = value { return [text] }
        var result = [String]()
        for item in try array() {
            guard case .string(let text) = item else { throw fail("an array of Strings") }
            result.append(text)
        }
        return result
    }

    func function() throws(Interrupt) -> Function {
        guard case .function(let function) = value else { throw fail("a closure") }
        return function
    }
}
