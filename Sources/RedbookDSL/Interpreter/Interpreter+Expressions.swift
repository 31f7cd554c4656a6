import SwiftSyntax

extension Interpreter {
    /// Evaluates an expression: one method per kind of syntax the language supports.
    func evaluate(_ expression: ExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        guard expressionDepth <= expressionDepthLimit else {
            throw .failure(StepError("this expression nests more than \(expressionDepthLimit) levels deep", hint: "split it into smaller steps", at: expression))
        }
        switch expression.as(ExprSyntaxEnum.self) {
        case .integerLiteralExpr(let node): return try visit(node)
        case .floatLiteralExpr(let node): return try visit(node)
        case .booleanLiteralExpr(let node): return .bool(node.literal.tokenKind == .keyword(.true))
        case .nilLiteralExpr: return .null
        case .stringLiteralExpr(let node): return try visit(node, in: scope)
        case .arrayExpr(let node): return try visit(node, in: scope)
        case .dictionaryExpr(let node): return try visit(node, in: scope)
        case .declReferenceExpr(let node): return try lookup(node.baseName.text, at: node, in: scope)
        case .memberAccessExpr(let node): return try visit(node, in: scope)
        case .functionCallExpr(let node): return try visit(node, in: scope)
        case .subscriptCallExpr(let node): return try visit(node, in: scope)
        case .closureExpr(let node): return visit(node, in: scope)
        case .sequenceExpr(let node): return try visit(node, in: scope)
        case .prefixOperatorExpr(let node): return try visit(node, in: scope)
        case .tupleExpr(let node): return try visit(node, in: scope)
        case .ifExpr(let node): return try visit(node, in: scope)
        case .forceUnwrapExpr(let node):
            let value = try evaluate(node.expression, in: scope)
            if value == .null { throw .failure(StepError("found nil while unwrapping with !", hint: "check for nil with if let or ??", at: node)) }
            return value
        case .optionalChainingExpr(let node): return try evaluate(node.expression, in: scope)
        case .superExpr, .typeExpr:
            throw .failure(StepError("types are not values in the step language", at: expression))
        default:
            throw .failure(StepError("this expression is not part of the step language", hint: "see docs/dsl.md for what steps support", at: expression))
        }
    }

    func lookup(_ name: String, at node: some SyntaxProtocol, in scope: Scope) throws(Interrupt) -> Value {
        if let binding = scope.lookup(name) { return binding.value }
        if Builtins.readableWithoutCall.contains(name), let step = Builtins.table[name] {
            // `model.dimension` reads like a property of the session's model.
            var call = StepCall(interpreter: self, node: Syntax(node), arguments: [])
            return try step(&call)
        }
        if Builtins.table[name] != nil {
            throw .failure(StepError("'\(name)' is a step; call it as \(name)(…)", at: node))
        }
        let known = (globals.names + Builtins.table.keys.sorted()).filter { Self.isNear($0, name) }
        throw .failure(StepError("cannot find '\(name)' in scope", hint: known.first.map { "did you mean '\($0)'?" }, at: node))
    }

    /// Whether two names differ by at most two edits, for "did you mean" hints.
    static func isNear(_ a: String, _ b: String) -> Bool {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        guard abs(x.count - y.count) <= 2, !x.isEmpty, !y.isEmpty else { return false }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count] <= 2
    }

    func visit(_ node: IntegerLiteralExprSyntax) throws(Interrupt) -> Value {
        let text = node.literal.text.filter { $0 != "_" }
        let value: Int?
        if text.hasPrefix("0x") { value = Int(text.dropFirst(2), radix: 16) }
        else if text.hasPrefix("0b") { value = Int(text.dropFirst(2), radix: 2) }
        else if text.hasPrefix("0o") { value = Int(text.dropFirst(2), radix: 8) }
        else { value = Int(text) }
        guard let value else { throw .failure(StepError("integer literal '\(node.literal.text)' overflows Int", at: node)) }
        return .int(value)
    }

    func visit(_ node: FloatLiteralExprSyntax) throws(Interrupt) -> Value {
        guard let value = Double(node.literal.text.filter { $0 != "_" }) else {
            throw .failure(StepError("'\(node.literal.text)' is not a number", at: node))
        }
        return .double(value)
    }

    func visit(_ node: ArrayExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        var items = [Value]()
        items.reserveCapacity(node.elements.count)
        for element in node.elements { items.append(try evaluate(element.expression, in: scope)) }
        return .array(items)
    }

    func visit(_ node: DictionaryExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        var object = Object()
        guard case .elements(let elements) = node.content else { return .object(object) }
        for element in elements {
            let key = try evaluate(element.key, in: scope)
            guard case .string(let name) = key else {
                throw .failure(StepError("dictionary keys are strings, not \(key.typeName)", at: element.key))
            }
            object[name] = try evaluate(element.value, in: scope)
        }
        return .object(object)
    }

    func visit(_ node: TupleExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        if node.elements.count == 1, let only = node.elements.first, only.label == nil {
            return try evaluate(only.expression, in: scope)
        }
        var items = [Value]()
        for element in node.elements { items.append(try evaluate(element.expression, in: scope)) }
        return .array(items)
    }

    func visit(_ node: ClosureExprSyntax, in scope: Scope) -> Value {
        var parameters = [Function.Parameter]()
        switch node.signature?.parameterClause {
        case .simpleInput(let names):
            parameters = names.map { Function.Parameter(label: nil, name: $0.name.text) }
        case .parameterClause(let clause):
            parameters = clause.parameters.map { Function.Parameter(label: nil, name: ($0.secondName ?? $0.firstName).text) }
        case nil:
            break
        }
        return .function(Function(body: .init(name: "closure", parameters: parameters, statements: node.statements, captured: scope)))
    }

    func visit(_ node: IfExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        let inner = Scope(parent: scope)
        if try conditionsHold(node.conditions, in: inner) {
            return try runBlock(node.body.statements, in: inner)
        }
        switch node.elseBody {
        case .ifExpr(let next): return try visit(next, in: scope)
        case .codeBlock(let block): return try runBlock(block.statements, in: Scope(parent: scope))
        case nil: return .null
        }
    }

    /// Runs an `if` branch; a branch of one expression gives its value, so `if` works as an expression.
    private func runBlock(_ items: CodeBlockItemListSyntax, in scope: Scope) throws(Interrupt) -> Value {
        var last: Value = .null
        for item in items { last = try execute(item, in: scope) ?? .null }
        return last
    }

    func visit(_ node: MemberAccessExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        let name = node.declName.baseName.text
        guard let baseExpression = node.base else {
            // `.json`, `.hash`: an option's name, written as Swift writes enum cases.
            return .string(name)
        }
        let base = try evaluate(baseExpression, in: scope)
        if base == .null, Self.isOptionalChain(baseExpression) { return .null }
        do throws(StepError) {
            return try Members.property(name, of: base)
        } catch {
            throw .failure(error.located(at: node.declName))
        }
    }

    /// Whether an expression is, or ends a chain that starts with, `x?`: past a `nil` there,
    /// the rest of the chain is `nil` too, as in Swift.
    static func isOptionalChain(_ expression: ExprSyntax) -> Bool {
        if expression.is(OptionalChainingExprSyntax.self) { return true }
        if let member = expression.as(MemberAccessExprSyntax.self), let base = member.base { return isOptionalChain(base) }
        if let call = expression.as(FunctionCallExprSyntax.self) { return isOptionalChain(call.calledExpression) }
        if let subscriptCall = expression.as(SubscriptCallExprSyntax.self) { return isOptionalChain(subscriptCall.calledExpression) }
        return false
    }

    func visit(_ node: SubscriptCallExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        let base = try evaluate(node.calledExpression, in: scope)
        if base == .null, Self.isOptionalChain(node.calledExpression) { return .null }
        guard node.arguments.count == 1, let argument = node.arguments.first else {
            throw .failure(StepError("a subscript takes one index or key", at: node))
        }
        let index = try evaluate(argument.expression, in: scope)
        do throws(StepError) {
            return try Members.subscripted(base, by: index)
        } catch {
            throw .failure(error.located(at: argument.expression))
        }
    }
}
