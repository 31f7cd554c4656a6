import SwiftSyntax

extension Interpreter {
    func visit(_ node: FunctionCallExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        try tick(node)
        var arguments = [Argument]()
        for argument in node.arguments {
            arguments.append(Argument(label: argument.label?.text, value: try evaluate(argument.expression, in: scope),
                                      node: Syntax(argument.expression)))
        }
        if let closure = node.trailingClosure {
            arguments.append(Argument(label: nil, value: visit(closure, in: scope), node: Syntax(closure), isTrailingClosure: true))
        }
        for extra in node.additionalTrailingClosures {
            arguments.append(Argument(label: extra.label.text, value: visit(extra.closure, in: scope), node: Syntax(extra.closure)))
        }
        let callee = node.calledExpression
        if let reference = callee.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            if let binding = scope.lookup(name), binding.value.isFunction || Builtins.table[name] == nil {
                guard case .function(let function) = binding.value else {
                    throw .failure(StepError("'\(name)' is \(binding.value.withArticle), not a function", at: reference))
                }
                return try call(function, arguments, at: node)
            }
            guard let step = Builtins.table[name] else {
                _ = try lookup(name, at: reference, in: scope)  // throws with a "did you mean"
                return .null
            }
            var call = StepCall(interpreter: self, node: Syntax(node), arguments: arguments)
            return try step(&call)
        }
        if let member = callee.as(MemberAccessExprSyntax.self), let baseExpression = member.base {
            var base = try evaluate(baseExpression, in: scope)
            if base == .null, Self.isOptionalChain(baseExpression) { return .null }
            let name = member.declName.baseName.text
            var call = StepCall(interpreter: self, node: Syntax(node), arguments: arguments)
            let before = base
            let result = try Members.call(name, on: &base, call: &call, at: member.declName)
            if base != before {
                // A mutating method (`append`) writes its receiver back to the variable it came from.
                try assign(base, to: baseExpression, in: scope)
            }
            return result
        }
        let value = try evaluate(callee, in: scope)
        guard case .function(let function) = value else {
            throw .failure(StepError("\(value.withArticle) cannot be called", at: callee))
        }
        return try call(function, arguments, at: node)
    }

    /// Calls a closure or `func` written in a block.
    func call(_ function: Function, _ arguments: [Argument], at node: some SyntaxProtocol) throws(Interrupt) -> Value {
        let body = function.body
        callDepth += 1
        defer { callDepth -= 1 }
        guard callDepth <= callDepthLimit else {
            throw .failure(StepError("calls nest more than \(callDepthLimit) deep", hint: "a func that calls itself without end?", at: node))
        }
        try tick(node)
        let scope = Scope(parent: body.captured)
        if body.parameters.isEmpty {
            // `{ $0.price > 500 }`: shorthand names for each argument.
            for (index, argument) in arguments.enumerated() {
                scope.declare(index < Self.shorthandNames.count ? Self.shorthandNames[index] : "$\(index)", argument.value, mutable: false)
            }
        } else {
            guard arguments.count == body.parameters.count else {
                throw .failure(StepError("\(body.name) takes \(body.parameters.count) argument\(body.parameters.count == 1 ? "" : "s"), got \(arguments.count)", at: node))
            }
            for (parameter, argument) in zip(body.parameters, arguments) {
                if body.name != "closure", !argument.isTrailingClosure, parameter.label != argument.label {
                    let expected = parameter.label.map { "'\($0):'" } ?? "no label"
                    throw .failure(StepError("wrong argument label in call to \(body.name): expected \(expected)", at: argument.node))
                }
                scope.declare(parameter.name, argument.value, mutable: false)
            }
        }
        do throws(Interrupt) {
            return try runBody(body.statements, in: scope)
        } catch {
            if case .returned(let value) = error { return value }
            throw error
        }
    }

    /// `$0` to `$7`, made once rather than formatted on every call.
    static let shorthandNames = (0..<8).map { "$\($0)" }

    /// Calls a closure with plain values, for steps and methods such as `map` and `filter`.
    func call(_ function: Function, _ values: Value..., at node: Syntax) throws(Interrupt) -> Value {
        try call(function, values.map { Argument(label: nil, value: $0, node: node) }, at: node)
    }
}

/// What a built-in step or method receives: its arguments, the interpreter (to call closures
/// and reach the host) and the call's syntax, for messages.
struct StepCall {
    let interpreter: Interpreter
    let node: Syntax
    var arguments: [Argument]

    /// The call's arguments, to be taken by label.
    func arguments(callee: String, signature: String) -> Arguments {
        Arguments(callee: callee, node: node, arguments: arguments, signature: signature)
    }

    /// A failure at the call.
    func failure(_ message: String, hint: String? = nil) -> Interrupt {
        .failure(StepError(message, hint: hint, at: node))
    }

    /// The host, or a failure saying steps that need Redis or the encoder cannot run here.
    func host() throws(Interrupt) -> any StepHost {
        guard let host = interpreter.host else { throw failure("this step needs a Redis session, and none is open") }
        return host
    }

    /// Turns a host's error into a failure at the call.
    func lift<T>(_ body: () throws(StepError) -> T) throws(Interrupt) -> T {
        do throws(StepError) {
            return try body()
        } catch {
            throw .failure(error.located(at: node))
        }
    }
}
