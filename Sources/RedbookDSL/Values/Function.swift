import SwiftSyntax

/// Something a step can call: a closure or `func` written in the notebook, or a built-in.
///
/// Two functions are equal only when they are the same one, as closures are in Swift.
public struct Function: Hashable {
    /// Closures and `func`s written in a block, with the scope they capture.
    final class Body {
        let name: String
        let parameters: [Parameter]
        let statements: CodeBlockItemListSyntax
        let captured: Scope

        init(name: String, parameters: [Parameter], statements: CodeBlockItemListSyntax, captured: Scope) {
            self.name = name
            self.parameters = parameters
            self.statements = statements
            self.captured = captured
        }
    }

    /// A parameter: the label callers write (`nil` for `_`), and the name inside the body.
    struct Parameter: Hashable {
        var label: String?
        var name: String
    }

    let body: Body

    /// The name shown in messages: the `func`'s name, or `closure`.
    public var name: String { body.name }

    public static func == (a: Function, b: Function) -> Bool { a.body === b.body }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(body)) }
}
