import SwiftSyntax

/// The code of a closure or `func`: statements, or the single expression a closure's body is.
enum Code {
    case statements(CodeBlockItemListSyntax)
}
