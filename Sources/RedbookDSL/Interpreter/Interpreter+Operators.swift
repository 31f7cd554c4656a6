import SwiftSyntax

extension Interpreter {
    func visit(_ node: SequenceExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        let sequence: OperatorSequence
        do throws(StepError) {
            sequence = try OperatorSequence(node)
        } catch {
            throw .failure(error)
        }
        return try evaluate(sequence.root, of: sequence, in: scope)
    }

    /// Evaluates one node of an operator tree; `&&`, `||`, `??` and `?:` evaluate their right
    /// side only when Swift would.
    private func evaluate(_ index: Int, of sequence: OperatorSequence, in scope: Scope) throws(Interrupt) -> Value {
        let node = sequence.nodes[index]
        guard let element = node.element else {
            return try evaluate(sequence.elements[node.left], in: scope)
        }
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        let start = sequence.start(of: index)
        guard expressionDepth <= expressionDepthLimit else {
            throw .failure(StepError("this expression nests more than \(expressionDepthLimit) levels deep", hint: "split it into smaller steps", at: start))
        }
        let operation = sequence.elements[element]
        func left() throws(Interrupt) -> Value { try evaluate(node.left, of: sequence, in: scope) }
        func right() throws(Interrupt) -> Value { try evaluate(node.right, of: sequence, in: scope) }
        func target() throws(Interrupt) -> ExprSyntax {
            guard let target = sequence.operand(node.left) else {
                throw .failure(StepError("cannot assign to this expression", at: start))
            }
            return target
        }
        if let ternary = operation.as(UnresolvedTernaryExprSyntax.self) {
            return try truth(left(), at: start)
                ? evaluate(ternary.thenExpression, in: scope) : right()
        }
        if operation.is(AssignmentExprSyntax.self) {
            let value = try right()
            try assign(value, to: target(), in: scope)
            return .null
        }
        guard let symbol = operation.as(BinaryOperatorExprSyntax.self)?.operator.text else {
            throw .failure(StepError("this operator is not part of the step language", at: operation))
        }
        switch symbol {
        case "&&":
            guard try truth(left(), at: start) else { return .bool(false) }
            return .bool(try truth(right(), at: sequence.start(of: node.right)))
        case "||":
            if try truth(left(), at: start) { return .bool(true) }
            return .bool(try truth(right(), at: sequence.start(of: node.right)))
        case "??":
            let value = try left()
            return value == .null ? try right() : value
        case "+=", "-=", "*=", "/=", "%=":
            let destination = try target()
            let current = try left()
            let result = try apply(String(symbol.dropLast()), current, right(), at: start)
            try assign(result, to: destination, in: scope)
            return .null
        default:
            let a = try left()
            return try apply(symbol, a, right(), at: start)
        }
    }

    func visit(_ node: PrefixOperatorExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        let value = try evaluate(node.expression, in: scope)
        switch (node.operator.text, value) {
        case ("-", .int(let number)):
            guard number != .min else { throw .failure(StepError("arithmetic overflow", at: node)) }
            return .int(-number)
        case ("-", .double(let number)): return .double(-number)
        case ("+", .int), ("+", .double): return value
        case ("!", .bool(let flag)): return .bool(!flag)
        default:
            throw .failure(StepError("operator \(node.operator.text) does not apply to \(value.withArticle)", at: node))
        }
    }

    /// A binary operator on two values, with Swift's rules: Int and Double mix only in the step
    /// language's favour (an Int meets a Double as a Double), and overflow or division by zero fail.
    func apply(_ symbol: String, _ left: Value, _ right: Value, at node: some SyntaxProtocol) throws(Interrupt) -> Value {
        func fail(_ message: String, hint: String? = nil) -> Interrupt {
            .failure(StepError(message, hint: hint, at: node))
        }
        switch symbol {
        case "==": return .bool(try equal(left, right, at: node))
        case "!=": return .bool(try !equal(left, right, at: node))
        case "<", "<=", ">", ">=":
            guard let order = try compare(left, right, at: node) else {
                throw fail("cannot compare \(left.withArticle) with \(right.withArticle)")
            }
            switch symbol {
            case "<": return .bool(order < 0)
            case "<=": return .bool(order <= 0)
            case ">": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case "..<", "...":
            guard case .int(let low) = left, case .int(let high) = right else {
                throw fail("a range needs two Ints, not \(left.typeName) and \(right.typeName)")
            }
            let (upper, overflow) = symbol == "..<" ? (high, false) : high.addingReportingOverflow(1)
            guard !overflow else { throw fail("a range's upper bound \(high) is too large") }
            guard low <= upper else { throw fail("a range's lower bound \(low) is above its upper bound") }
            let (length, tooLong) = upper.subtractingReportingOverflow(low)
            guard !tooLong, length <= elementLimit else { throw fail("a range of more than \(elementLimit) numbers is too long for a step") }
            return .array((low..<upper).map(Value.int))
        default:
            break
        }
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let result: (Int, Bool)
            switch symbol {
            case "+": result = a.addingReportingOverflow(b)
            case "-": result = a.subtractingReportingOverflow(b)
            case "*": result = a.multipliedReportingOverflow(by: b)
            case "/", "%":
                guard b != 0 else { throw fail("division by zero") }
                result = symbol == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
            default: throw fail("operator \(symbol) does not apply to Ints")
            }
            guard !result.1 else { throw fail("arithmetic overflow in \(a) \(symbol) \(b)") }
            return .int(result.0)
        case (.int, .double), (.double, .int), (.double, .double):
            let a = Self.number(left)!, b = Self.number(right)!
            switch symbol {
            case "+": return .double(a + b)
            case "-": return .double(a - b)
            case "*": return .double(a * b)
            case "/":
                guard b != 0 else { throw fail("division by zero") }
                return .double(a / b)
            case "%":
                guard b != 0 else { throw fail("division by zero") }
                return .double(a.truncatingRemainder(dividingBy: b))
            default: throw fail("operator \(symbol) does not apply to numbers")
            }
        case (.string(let a), .string(let b)) where symbol == "+":
            try checkText(bytes: a.utf8.count + b.utf8.count, at: node)
            return .string(a + b)
        case (.array(let a), .array(let b)) where symbol == "+":
            try checkCount(a.count + b.count, at: node)
            return .array(a + b)
        default:
            throw fail("operator \(symbol) does not apply to \(left.withArticle) and \(right.withArticle)",
                       hint: left.typeName == "String" || right.typeName == "String" ? "write \"\\(value)\" to put a value into text" : nil)
        }
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// Stores a value through a target: a name, `array[index]`, `dictionary["key"]`, `document.field`.
    func assign(_ value: Value, to target: ExprSyntax, in scope: Scope) throws(Interrupt) {
        if let reference = target.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            guard let binding = scope.lookup(name) else {
                throw .failure(StepError("cannot find '\(name)' in scope", hint: "declare it first with var \(name) = …", at: target))
            }
            guard binding.isMutable else {
                throw .failure(StepError("cannot assign to '\(name)': it is a 'let' constant", hint: "declare it with var to change it", at: target))
            }
            _ = scope.assign(name, value)
        } else if let subscriptCall = target.as(SubscriptCallExprSyntax.self), let argument = subscriptCall.arguments.first {
            var container = try evaluate(subscriptCall.calledExpression, in: scope)
            let index = try evaluate(argument.expression, in: scope)
            do throws(StepError) {
                try Members.setSubscript(&container, index, to: value)
            } catch {
                throw .failure(error.located(at: argument.expression))
            }
            try assign(container, to: subscriptCall.calledExpression, in: scope)
        } else if let member = target.as(MemberAccessExprSyntax.self), let base = member.base {
            var container = try evaluate(base, in: scope)
            guard case .object(var object) = container else {
                throw .failure(StepError("cannot set '\(member.declName.baseName.text)' on \(container.withArticle)", at: target))
            }
            // As with `doc["key"] = nil`, setting a field to nil removes it.
            object[member.declName.baseName.text] = value == .null ? nil : value
            container = .object(object)
            try assign(container, to: base, in: scope)
        } else {
            throw .failure(StepError("cannot assign to this expression", at: target))
        }
    }
}
