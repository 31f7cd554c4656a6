import Glibc

/// The functions and steps every block can call, by name.
///
/// Each step lives in a file of its own (`Builtins+Fetch.swift`, `Builtins+Search.swift`, …);
/// this table is the one place that lists them.
enum Builtins {
    typealias Step = @Sendable (inout StepCall) throws(Interrupt) -> Value

    static let table: [String: Step] = [
        "print": print, "zip": zip, "min": extreme(min: true), "max": extreme(min: false),
        "abs": abs, "round": round, "String": string, "Int": int, "Double": double,
        "expect": expect(named: "expect"), "assert": expect(named: "assert"),
        "fetch": fetch, "json": json, "store": store, "keys": keys, "get": get, "mget": mget, "redis": redis,
        "model": model, "encode": encode, "embed": embed, "search": search, "table": table,
    ]

    /// Steps that a bare name calls with no arguments, so `model.dimension` works like a property.
    static let readableWithoutCall: Set<String> = ["model"]

    static func print(_ call: inout StepCall) throws(Interrupt) -> Value {
        var parts = [String]()
        var separator = " "
        var arguments = call.arguments(callee: "print", signature: "print(_:…, separator:)")
        if let given = arguments.take("separator") { separator = try given.string() }
        while let argument = arguments.take(nil) { parts.append(try call.interpreter.describe(argument.value, at: call.node)) }
        try arguments.finish()
        call.interpreter.printed.append(contentsOf: parts.joined(separator: separator).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return .null
    }

    static func zip(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "zip", signature: "zip(_:_:)")
        let first = try arguments.required(nil).array()
        let second = try arguments.required(nil).array()
        try arguments.finish()
        return .array(Swift.zip(first, second).map { .array([$0, $1]) })
    }

    static func extreme(min: Bool) -> Step {
        { @Sendable (call: inout StepCall) throws(Interrupt) -> Value in
            let name = min ? "min" : "max"
            var values = call.arguments.map(\.value)
            if values.count == 1, case .array(let items) = values[0] { values = items }
            guard var best = values.first else { throw call.failure("\(name) needs at least one value") }
            for value in values.dropFirst() {
                guard let order = try call.interpreter.compare(value, best, at: call.node) else {
                    throw call.failure("cannot compare \(value.withArticle) and \(best.withArticle)")
                }
                if min ? order < 0 : order > 0 { best = value }
            }
            return best
        }
    }

    static func abs(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "abs", signature: "abs(_:)")
        let value = try arguments.required(nil)
        try arguments.finish()
        switch value.value {
        case .int(let number) where number != .min: return .int(Swift.abs(number))
        case .double(let number): return .double(Swift.abs(number))
        default: throw value.fail("a number")
        }
    }

    /// `round(x)` and `round(x, places)`: Python's rounding of the exact binary value, half to
    /// even, so scores match the reference tables digit for digit.
    static func round(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "round", signature: "round(_:_:)")
        let number = try arguments.required(nil).double()
        let places = try arguments.take(nil)?.int() ?? 0
        try arguments.finish()
        guard number.isFinite, (0...15).contains(places) else { return .double(number) }
        return .double(roundedLikePython(number, places: places))
    }

    static func roundedLikePython(_ number: Double, places: Int) -> Double {
        // glibc's printf rounds the exact binary value correctly, ties to even, as Python does.
        var buffer = [CChar](repeating: 0, count: 400)
        _ = withVaList([Int32(places), number]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Double(text) ?? number
    }

    static func string(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "String", signature: "String(_:)")
        let value = try arguments.required(nil).value
        try arguments.finish()
        return .string(try call.interpreter.describe(value, at: call.node))
    }

    static func int(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "Int", signature: "Int(_:)")
        let argument = try arguments.required(nil)
        try arguments.finish()
        switch argument.value {
        case .int: return argument.value
        case .double(let number):
            guard number.isFinite, Swift.abs(number) < 9.2e18 else { throw call.failure("\(number) does not fit in an Int") }
            return .int(Int(number))
        case .string(let text): return Int(text).map(Value.int) ?? .null
        case .bool(let flag): return .int(flag ? 1 : 0)
        default: throw argument.fail("a number or a String")
        }
    }

    static func double(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "Double", signature: "Double(_:)")
        let argument = try arguments.required(nil)
        try arguments.finish()
        switch argument.value {
        case .int(let number): return .double(Double(number))
        case .double: return argument.value
        case .string(let text): return Double(text).map(Value.double) ?? .null
        default: throw argument.fail("a number or a String")
        }
    }

    /// `expect(condition, "message")`: fails the block with the message when the condition is false.
    static func expect(named name: String) -> Step {
        { @Sendable (call: inout StepCall) throws(Interrupt) -> Value in try expect(&call, name: name) }
    }

    static func expect(_ call: inout StepCall, name: String) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: name, signature: "\(name)(_:_:)")
        let condition = try arguments.required(nil)
        let message = try arguments.take(nil)?.string()
        try arguments.finish()
        guard try condition.bool() else {
            throw .failure(StepError("expectation failed: " + (message ?? condition.node.trimmedDescription), at: condition.node))
        }
        return .null
    }
}
