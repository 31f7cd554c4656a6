import RedbookDSL
import Testing

/// The REPL keeps reading a Swift entry while a bracket, a multi-line string or a comment is open.
@Suite struct EntryCompletenessTests {
    @Test(arguments: [
        "let a = 1", "[1, 2].map { $0 * 2 }", "let s = \"(\"", "// {", "/* { */ 1", "let t = \"\"\"\n{\n\"\"\"",
        "print(\"a\\\")\")", "let e = \"\"", "}",
    ])
    func complete(source: String) {
        #expect(Interpreter.isComplete(source), "\(source)")
    }

    @Test(arguments: [
        "let a = [1,", "for x in [1] {", "search(idx,\n  knn: 3", "let t = \"\"\"\nopen", "/* open", "/* /* */",
        "f(\"a)\"", "let e = \"\" + (",
    ])
    func waitsForMore(source: String) {
        #expect(!Interpreter.isComplete(source), "\(source)")
    }
}
