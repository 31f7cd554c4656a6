import SwiftSyntax

extension Interpreter {
    /// Fails at `node` when an array of `count` elements would pass ``elementLimit``.
    func checkCount(_ count: Int, at node: some SyntaxProtocol) throws(Interrupt) {
        guard count > elementLimit else { return }
        throw .failure(StepError("an array of \(count) elements is larger than the \(elementLimit) a step may build",
                                 hint: "a loop that doubles an array? build it in smaller pieces", at: node))
    }

    /// Fails at `node` when `text` passes ``textLimit``.
    func checkText(_ text: String, at node: some SyntaxProtocol) throws(Interrupt) {
        try checkText(bytes: text.utf8.count, at: node)
    }

    /// Fails at `node` when a string of `bytes` UTF-8 bytes would pass ``textLimit``.
    func checkText(bytes: Int, at node: some SyntaxProtocol) throws(Interrupt) {
        guard bytes > textLimit else { return }
        throw .failure(StepError("a string of \(bytes) bytes is larger than the \(ByteSize.text(textLimit)) a step may build",
                                 hint: "a loop that doubles a string? build it in smaller pieces", at: node))
    }
}
