import SwiftSyntax

/// Equality and order of step values, with a bound on the elements visited.
///
/// An array can hold another many times over without copying it (`a = [a, a]` in a loop), so
/// comparing two such values element by element could visit 2^60 pairs. Each pair visited spends
/// one unit, and past the bound the comparison fails instead of running for years.
struct ValueComparison {
    private var visitsLeft: Int

    /// A comparison that may visit `limit` pairs of elements.
    init(limit: Int) {
        visitsLeft = limit
    }

    /// The bound was passed.
    struct TooLong: Error {}

    /// Equality as a reader expects it: `1 == 1.0`; inside arrays and documents, each element
    /// equal in kind and value, as Swift's `==` on them is.
    mutating func equal(_ left: Value, _ right: Value) throws(TooLong) -> Bool {
        if let a = Interpreter.number(left), let b = Interpreter.number(right) { return a == b }
        return try same(left, right)
    }

    private mutating func same(_ left: Value, _ right: Value) throws(TooLong) -> Bool {
        try visit()
        switch (left, right) {
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where try !same(x, y) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.keys == b.keys else { return false }
            for (x, y) in zip(a.members, b.members) where try !same(x.value, y.value) { return false }
            return true
        default:
            return left == right
        }
    }

    /// -1, 0 or 1 for numbers, strings (by Unicode scalars, as Swift compares), Booleans and
    /// arrays (element by element); `nil` for values that have no order.
    mutating func order(_ left: Value, _ right: Value) throws(TooLong) -> Int? {
        try visit()
        if let a = Interpreter.number(left), let b = Interpreter.number(right) { return a < b ? -1 : (a > b ? 1 : 0) }
        switch (left, right) {
        case (.string(let a), .string(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (!a ? -1 : 1)
        case (.array(let a), .array(let b)):
            for (x, y) in zip(a, b) {
                guard let order = try order(x, y) else { return nil }
                if order != 0 { return order }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        case (.null, .null): return 0
        default: return nil
        }
    }

    private mutating func visit() throws(TooLong) {
        visitsLeft -= 1
        if visitsLeft < 0 { throw TooLong() }
    }
}

extension Interpreter {
    /// Whether two values are equal (see ``ValueComparison/equal(_:_:)``), failing at `node` when
    /// finding out would visit more than ``elementLimit`` pairs of elements.
    func equal(_ left: Value, _ right: Value, at node: some SyntaxProtocol) throws(Interrupt) -> Bool {
        var comparison = ValueComparison(limit: elementLimit)
        do throws(ValueComparison.TooLong) {
            return try comparison.equal(left, right)
        } catch {
            throw tooLongToCompare(at: node)
        }
    }

    /// The order of two values (see ``ValueComparison/order(_:_:)``), failing at `node` when
    /// finding it would visit more than ``elementLimit`` pairs of elements.
    func compare(_ left: Value, _ right: Value, at node: some SyntaxProtocol) throws(Interrupt) -> Int? {
        var comparison = ValueComparison(limit: elementLimit)
        do throws(ValueComparison.TooLong) {
            return try comparison.order(left, right)
        } catch {
            throw tooLongToCompare(at: node)
        }
    }

    private func tooLongToCompare(at node: some SyntaxProtocol) -> Interrupt {
        .failure(StepError("comparing these values would visit more than \(elementLimit) pairs of elements",
                           hint: "a value that holds itself many times over (a = [a, a] in a loop) is far larger than it looks", at: node))
    }
}
