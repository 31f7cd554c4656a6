import SwiftSyntax

extension Interpreter {
    /// Runs a block's top level; the value of a last statement that is a bare expression (not a
    /// call of `print` or an assignment) is the block's output.
    func runTopLevel(_ items: CodeBlockItemListSyntax) throws(Interrupt) -> Value? {
        var last: Value?
        for item in items {
            last = try execute(item, in: globals)
            if case .expr(let expression) = item.item, !Self.isQuiet(expression) {
                continue
            }
            last = nil
        }
        return last
    }

    /// Whether an expression statement shows nothing: assignments and calls of `print`, `expect`, `assert`.
    static func isQuiet(_ expression: ExprSyntax) -> Bool {
        if let sequence = expression.as(SequenceExprSyntax.self) {
            // Assignment binds loosest, so one at the top of the row is the whole statement's operator.
            return sequence.elements.contains { element in
                element.is(AssignmentExprSyntax.self)
                    || (element.as(BinaryOperatorExprSyntax.self).map { ["+=", "-=", "*=", "/=", "%="].contains($0.operator.text) } ?? false)
            }
        }
        if let call = expression.as(FunctionCallExprSyntax.self), let callee = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            return ["print", "expect", "assert"].contains(callee.baseName.text)
        }
        if let call = expression.as(FunctionCallExprSyntax.self), let member = call.calledExpression.as(MemberAccessExprSyntax.self) {
            return ["append", "insert", "remove", "removeAll", "sort", "forEach"].contains(member.declName.baseName.text)
        }
        if expression.is(IfExprSyntax.self) || expression.is(SwitchExprSyntax.self) { return true }
        return false
    }

    /// Runs statements in a new scope; a closure's value is its `return` or its single expression.
    func runBody(_ items: CodeBlockItemListSyntax, in scope: Scope) throws(Interrupt) -> Value {
        var last: Value = .null
        for item in items {
            last = try execute(item, in: scope) ?? .null
        }
        return items.count == 1 ? last : .null
    }

    /// Runs one statement, declaration or expression; returns an expression's value.
    @discardableResult
    func execute(_ item: CodeBlockItemSyntax, in scope: Scope) throws(Interrupt) -> Value? {
        switch item.item {
        case .expr(let expression):
            return try evaluate(expression, in: scope)
        case .decl(let declaration):
            try declare(declaration, in: scope)
            return nil
        case .stmt(let statement):
            try run(statement, in: scope)
            return nil
        }
    }

    func declare(_ declaration: DeclSyntax, in scope: Scope) throws(Interrupt) {
        if let variable = declaration.as(VariableDeclSyntax.self) {
            try visit(variable, in: scope)
        } else if let function = declaration.as(FunctionDeclSyntax.self) {
            try visit(function, in: scope)
        } else {
            throw .failure(StepError("this declaration is not part of the step language",
                                     hint: "steps support let, var and func; see docs/dsl.md", at: declaration))
        }
    }

    func visit(_ node: VariableDeclSyntax, in scope: Scope) throws(Interrupt) {
        let mutable = node.bindingSpecifier.tokenKind == .keyword(.var)
        for binding in node.bindings {
            guard let initializer = binding.initializer else {
                if mutable, let name = binding.pattern.as(IdentifierPatternSyntax.self) {
                    scope.declare(name.identifier.text, .null, mutable: true)
                    continue
                }
                throw .failure(StepError("a constant needs a value", hint: "write let name = value", at: binding))
            }
            let value = try evaluate(initializer.value, in: scope)
            try bind(binding.pattern, to: value, in: scope, mutable: mutable)
        }
    }

    /// Binds a pattern (`name`, `_`, `(a, b)`) to a value.
    func bind(_ pattern: PatternSyntax, to value: Value, in scope: Scope, mutable: Bool) throws(Interrupt) {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            scope.declare(identifier.identifier.text, value, mutable: mutable)
        } else if pattern.is(WildcardPatternSyntax.self) {
            return
        } else if let tuple = pattern.as(TuplePatternSyntax.self) {
            guard case .array(let items) = value, items.count == tuple.elements.count else {
                throw .failure(StepError("cannot split \(value.withArticle) into \(tuple.elements.count) names", at: pattern))
            }
            for (element, item) in zip(tuple.elements, items) {
                try bind(element.pattern, to: item, in: scope, mutable: mutable)
            }
        } else if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            try bind(binding.pattern, to: value, in: scope, mutable: binding.bindingSpecifier.tokenKind == .keyword(.var))
        } else {
            throw .failure(StepError("this pattern is not part of the step language", hint: "use a name, _ or (a, b)", at: pattern))
        }
    }

    func visit(_ node: FunctionDeclSyntax, in scope: Scope) throws(Interrupt) {
        guard let body = node.body else {
            throw .failure(StepError("a func needs a body", at: node))
        }
        let parameters = node.signature.parameterClause.parameters.map { parameter in
            let label = parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text
            return Function.Parameter(label: label, name: (parameter.secondName ?? parameter.firstName).text)
        }
        let function = Function(body: .init(name: node.name.text, parameters: parameters, statements: body.statements, captured: scope))
        scope.declare(node.name.text, .function(function), mutable: false)
    }

    func run(_ statement: StmtSyntax, in scope: Scope) throws(Interrupt) {
        if let expression = statement.as(ExpressionStmtSyntax.self) {
            _ = try evaluate(expression.expression, in: scope)
        } else if let loop = statement.as(ForStmtSyntax.self) {
            try visit(loop, in: scope)
        } else if let loop = statement.as(WhileStmtSyntax.self) {
            try visit(loop, in: scope)
        } else if let guardStatement = statement.as(GuardStmtSyntax.self) {
            try visit(guardStatement, in: scope)
        } else if let returnStatement = statement.as(ReturnStmtSyntax.self) {
            throw .returned(try returnStatement.expression.map { expression throws(Interrupt) in try evaluate(expression, in: scope) } ?? .null)
        } else if statement.is(BreakStmtSyntax.self) {
            throw .breakLoop
        } else if statement.is(ContinueStmtSyntax.self) {
            throw .continueLoop
        } else {
            throw .failure(StepError("this statement is not part of the step language",
                                     hint: "steps support for, while, if, guard, return, break and continue", at: statement))
        }
    }

    func visit(_ node: ForStmtSyntax, in scope: Scope) throws(Interrupt) {
        let sequence = try evaluate(node.sequence, in: scope)
        let items = try elements(of: sequence, at: node.sequence)
        loop: for item in items {
            try tick(node)
            let inner = Scope(parent: scope)
            try bind(node.pattern, to: item, in: inner, mutable: false)
            if let condition = node.whereClause?.condition, try !truth(evaluate(condition, in: inner), at: condition) {
                continue
            }
            guard try runLoopBody(node.body.statements, in: inner) else { break loop }
        }
    }

    /// Runs one pass of a loop's body; `false` when `break` ends the loop.
    private func runLoopBody(_ statements: CodeBlockItemListSyntax, in scope: Scope) throws(Interrupt) -> Bool {
        do throws(Interrupt) {
            for item in statements { try execute(item, in: scope) }
        } catch {
            switch error {
            case .breakLoop: return false
            case .continueLoop: return true
            default: throw error
            }
        }
        return true
    }

    func visit(_ node: WhileStmtSyntax, in scope: Scope) throws(Interrupt) {
        loop: while true {
            try tick(node)
            let inner = Scope(parent: scope)
            guard try conditionsHold(node.conditions, in: inner) else { break }
            guard try runLoopBody(node.body.statements, in: inner) else { break loop }
        }
    }

    func visit(_ node: GuardStmtSyntax, in scope: Scope) throws(Interrupt) {
        // Names a guard binds stay visible after it, so they go into the enclosing scope.
        if try conditionsHold(node.conditions, in: scope) { return }
        let inner = Scope(parent: scope)
        for item in node.body.statements { try execute(item, in: inner) }
        throw .failure(StepError("the else branch of a guard must leave with return, break or continue", at: node.body))
    }

    /// Evaluates `if`/`while`/`guard` conditions: Boolean expressions and `let name = optional`.
    func conditionsHold(_ conditions: ConditionElementListSyntax, in scope: Scope) throws(Interrupt) -> Bool {
        for element in conditions {
            switch element.condition {
            case .expression(let expression):
                guard try truth(evaluate(expression, in: scope), at: expression) else { return false }
            case .optionalBinding(let binding):
                let value: Value
                if let initializer = binding.initializer {
                    value = try evaluate(initializer.value, in: scope)
                } else {
                    guard let name = binding.pattern.as(IdentifierPatternSyntax.self) else { return false }
                    value = try lookup(name.identifier.text, at: name, in: scope)
                }
                if value == .null { return false }
                try bind(binding.pattern, to: value, in: scope, mutable: binding.bindingSpecifier.tokenKind == .keyword(.var))
            default:
                throw .failure(StepError("this condition is not part of the step language", at: element))
            }
        }
        return true
    }

    func truth(_ value: Value, at node: some SyntaxProtocol) throws(Interrupt) -> Bool {
        guard case .bool(let flag) = value else {
            throw .failure(StepError("a condition must be true or false, not \(value.withArticle)", at: node))
        }
        return flag
    }

    /// The items a `for` loop walks: an array's elements, a string's characters, a table's rows,
    /// a dictionary's (key, value) pairs, a vector's components.
    func elements(of value: Value, at node: some SyntaxProtocol) throws(Interrupt) -> [Value] {
        switch value {
        case .array(let items): return items
        case .string(let text): return text.map { .string(String($0)) }
        case .rows(let table): return table.rows.indices.map { .object(table.object(at: $0)) }
        case .object(let object): return object.members.map { .array([.string($0.key), $0.value]) }
        case .vector(let components): return components.map { .double(Double($0)) }
        default:
            throw .failure(StepError("cannot loop over \(value.withArticle)", at: node))
        }
    }
}
