@_spi(Compiler) import SwiftParser
import SwiftSyntax

extension Interpreter {
    /// A string literal: escapes resolved by the Swift parser's own rules (multi-line indentation
    /// and raw `#"…"#` delimiters included), `\(…)` segments evaluated and described.
    func visit(_ node: StringLiteralExprSyntax, in scope: Scope) throws(Interrupt) -> Value {
        guard let kind = node.stringLiteralKind else {
            throw .failure(StepError("this string literal cannot be read", at: node))
        }
        var text = ""
        for segment in node.segments {
            switch segment {
            case .stringSegment(let piece):
                let raw = piece.content.text
                if kind == .singleLine, node.delimiterLength == 0, !raw.utf8.contains(UInt8(ascii: "\\")) {
                    // Nothing to unescape: most text in steps.
                    text += raw
                } else {
                    piece.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: node.delimiterLength, to: &text)
                }
            case .expressionSegment(let interpolation):
                guard interpolation.expressions.count == 1, let only = interpolation.expressions.first, only.label == nil else {
                    throw .failure(StepError("an interpolation holds one expression", at: interpolation))
                }
                text += Self.describe(try evaluate(only.expression, in: scope))
            }
        }
        return .string(text)
    }

    /// How a value reads inside text, as Swift's `"\(value)"` would show it.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return "\(number)"
        case .string(let text): return text
        case .array(let items): return "[" + items.map(quotedDescription).joined(separator: ", ") + "]"
        case .object(let object):
            if object.count == 0 { return "[:]" }
            return "[" + object.members.map { "\"\($0.key)\": " + quotedDescription($0.value) }.joined(separator: ", ") + "]"
        case .vector(let components):
            return "Vector(\(components.count) dims)"
        case .rows(let table):
            return "Rows(\(table.rows.count) rows: \(table.columns.joined(separator: ", ")))"
        case .function(let function):
            return "(function \(function.name))"
        }
    }

    private static func quotedDescription(_ value: Value) -> String {
        if case .string(let text) = value { return "\"" + text + "\"" }
        return describe(value)
    }
}
