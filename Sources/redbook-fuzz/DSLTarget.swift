import RedbookDSL

extension FuzzTarget {
    /// The step language: any source parses and runs to a value or to diagnostics placed at or
    /// after the block's first line, within a small step budget and small size limits, with no
    /// host, so no step reaches Redis, a model or a file.
    static let dsl = FuzzTarget(name: "dsl", summary: "Interpreter.run and Interpreter.isComplete on step source") { bytes in
        let source = String(decoding: bytes, as: UTF8.self)
        _ = Interpreter.isComplete(source)
        let interpreter = Interpreter()
        interpreter.stepBudget = 2_000
        // Writing out a value that holds itself many times over stops at the text limit, which
        // at its standard 256 MB would take the debug build longer than a fuzz run's timeout.
        interpreter.elementLimit = 100_000
        interpreter.textLimit = 1 << 20
        let outcome = interpreter.run(source, firstLine: 3, column: 5)
        for diagnostic in outcome.diagnostics {
            invariant(diagnostic.line >= 3, "a diagnostic at line \(diagnostic.line), before the block")
            invariant(!diagnostic.message.isEmpty, "a diagnostic without a message")
        }
        if !outcome.failed, let text = try? outcome.value?.jsonText(limit: 1 << 20) {
            invariant((try? Value.fromJSON(Array(text.utf8), source: "jsonText")) != nil, "a step's value writes JSON that does not read: \(text)")
        }
    }
}
