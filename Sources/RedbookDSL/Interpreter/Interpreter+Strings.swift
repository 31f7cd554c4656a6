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
                text += try describe(evaluate(only.expression, in: scope), at: only)
                try checkText(text, at: interpolation)
            }
        }
        return .string(text)
    }

    /// How a value reads inside text, as Swift's `"\(value)"` would show it.
    ///
    /// - Throws: A failure at `node` once the text passes ``textLimit`` UTF-8 bytes: an array
    ///   that holds another many times over is small in memory but enormous written out.
    func describe(_ value: Value, at node: some SyntaxProtocol) throws(Interrupt) -> String {
        var text = ""
        do throws(StepError) {
            try Self.appendDescription(of: value, quoted: false, to: &text, limit: textLimit)
        } catch {
            throw .failure(error.located(at: node))
        }
        return text
    }

    private static func appendDescription(of value: Value, quoted: Bool, to text: inout String, limit: Int) throws(StepError) {
        switch value {
        case .null: text += "nil"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .double(let number): text += "\(number)"
        case .string(let string): text += quoted ? "\"" + string + "\"" : string
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += ", " }
                try appendDescription(of: item, quoted: true, to: &text, limit: limit)
            }
            text += "]"
        case .object(let object):
            guard object.count > 0 else { text += "[:]"; break }
            text += "["
            for (index, member) in object.members.enumerated() {
                if index > 0 { text += ", " }
                text += "\"\(member.key)\": "
                try appendDescription(of: member.value, quoted: true, to: &text, limit: limit)
            }
            text += "]"
        case .vector(let components):
            text += "Vector(\(components.count) dims)"
        case .rows(let table):
            text += "Rows(\(table.rows.count) rows: \(table.columns.joined(separator: ", ")))"
        case .function(let function):
            text += "(function \(function.name))"
        }
        if text.utf8.count > limit { throw Value.textTooLarge("the text of this value", limit: limit) }
    }
}
