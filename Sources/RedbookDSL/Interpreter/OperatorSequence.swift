import SwiftSyntax

/// An operator expression as the parser leaves it (`a + b * c`: operands and operators in one
/// flat row), arranged into a tree by Swift's standard precedence.
///
/// The tree is a small array of indices into the row, so the syntax tree itself is never
/// rebuilt: folding every statement into new syntax nodes took more time than interpreting them.
struct OperatorSequence {
    /// How operators of one precedence group chain.
    enum Associativity {
        case left, right, none
    }

    /// An operand (`element` is nil and `left` is its index in ``elements``), or an operator
    /// applied to two nodes (`element` is the operator's index, `left` and `right` are nodes).
    struct Node {
        var element: Int?
        var left: Int
        var right: Int
        /// The index in ``elements`` of the leftmost operand below this node.
        var first: Int
    }

    /// The row: operands at even positions, operators at odd ones.
    let elements: [ExprSyntax]
    /// The tree's nodes; children come before their parents.
    private(set) var nodes: [Node] = []
    /// The node the whole expression evaluates from.
    private(set) var root = 0

    /// Arranges a sequence, or names the operator the step language lacks or cannot chain.
    init(_ sequence: SequenceExprSyntax) throws(StepError) {
        elements = Array(sequence.elements)
        guard elements.count % 2 == 1 else {
            throw StepError("this expression is not part of the step language", at: sequence)
        }
        var operands: [Int] = []
        var operators: [(element: Int, level: Int)] = []
        nodes.reserveCapacity(elements.count)
        func reduce() {
            let top = operators.removeLast()
            let right = operands.removeLast(), left = operands.removeLast()
            nodes.append(Node(element: top.element, left: left, right: right, first: nodes[left].first))
            operands.append(nodes.count - 1)
        }
        for (position, element) in elements.enumerated() {
            if position % 2 == 0 {
                nodes.append(Node(element: nil, left: position, right: -1, first: position))
                operands.append(nodes.count - 1)
                continue
            }
            guard let (level, associativity) = Self.precedence(of: element) else {
                throw StepError("this operator is not part of the step language", hint: "see docs/dsl.md for the operators steps support", at: element)
            }
            while let top = operators.last, top.level >= level {
                if top.level == level {
                    if associativity == .right { break }
                    if associativity == .none {
                        throw StepError("adjacent operators are in a non-associative precedence group", hint: "add parentheses", at: element)
                    }
                }
                reduce()
            }
            operators.append((position, level))
        }
        while !operators.isEmpty { reduce() }
        root = operands[0]
    }

    /// The leftmost operand under a node: where an error in that part of the expression points.
    func start(of node: Int) -> ExprSyntax {
        elements[nodes[node].first]
    }

    /// The operand a node stands for, or nil when it is an operator's result.
    func operand(_ node: Int) -> ExprSyntax? {
        nodes[node].element == nil ? elements[nodes[node].left] : nil
    }

    /// Swift's standard precedence groups, from assignment (lowest) to bitwise shifts.
    static func precedence(of element: ExprSyntax) -> (Int, Associativity)? {
        if element.is(AssignmentExprSyntax.self) { return (1, .right) }
        if element.is(UnresolvedTernaryExprSyntax.self) { return (2, .right) }
        guard let symbol = element.as(BinaryOperatorExprSyntax.self)?.operator.text else { return nil }
        switch symbol {
        case "+=", "-=", "*=", "/=", "%=": return (1, .right)
        case "||": return (3, .left)
        case "&&": return (4, .left)
        case "==", "!=", "<", "<=", ">", ">=": return (5, .none)
        case "??": return (6, .right)
        case "..<", "...": return (8, .none)
        case "+", "-": return (9, .left)
        case "*", "/", "%": return (10, .left)
        default: return nil
        }
    }
}
