import Testing
@testable import RedbookDSL

/// The language without Redis: values, control flow, closures, methods and every kind of error.
@Suite struct InterpreterTests {
    static func value(_ source: String, _ interpreter: Interpreter = Interpreter()) throws -> Value? {
        let outcome = interpreter.run(source)
        if let problem = outcome.diagnostics.first { Issue.record("\(problem.message)\n\(problem.excerpt)") }
        return outcome.value
    }

    static func failure(_ source: String, firstLine: Int = 1, column: Int = 1) -> StepDiagnostic? {
        Interpreter().run(source, firstLine: firstLine, column: column).diagnostics.first
    }

    @Test func literalsAndArithmetic() throws {
        #expect(try Self.value("1 + 2 * 3") == .int(7))
        #expect(try Self.value("(1 + 2) * 3") == .int(9))
        #expect(try Self.value("7 / 2") == .int(3))
        #expect(try Self.value("7.0 / 2") == .double(3.5))
        #expect(try Self.value("-3 % 2") == .int(-1))
        #expect(try Self.value("\"a\" + \"b\"") == .string("ab"))
        #expect(try Self.value("1 < 2 && 2 <= 2 || false") == .bool(true))
        #expect(try Self.value("nil ?? 4") == .int(4))
        #expect(try Self.value("true ? 1 : 2") == .int(1))
        #expect(try Self.value("0x1F + 0b10 + 1_000") == .int(1033))
    }

    @Test func operatorsFollowSwiftsPrecedenceAndAssociativity() throws {
        #expect(try Self.value("2 * 3 + 4 * 5") == .int(26))
        #expect(try Self.value("10 - 4 - 3") == .int(3))
        #expect(try Self.value("100 / 10 / 5") == .int(2))
        #expect(try Self.value("1 + 2 == 3 && 4 - 1 == 3") == .bool(true))
        #expect(try Self.value("true || false && false") == .bool(true))
        #expect(try Self.value("false && true || true") == .bool(true))
        #expect(try Self.value("nil ?? nil ?? 3") == .int(3))
        #expect(try Self.value("false ? 1 : true ? 2 : 3") == .int(2))
        #expect(try Self.value("1 + 1 > 1 ? \"more\" : \"less\"") == .string("more"))
        #expect(try Self.value("(1 ..< 1 + 3).count") == .int(3))
        #expect(try Self.value("var x = 1\nx += 2 * 3\nx") == .int(7))
        #expect(try Self.value("var y = 0\ny = 1 + 2 * 3\ny") == .int(7))
        // The right side of && and || runs only when Swift would run it.
        #expect(try Self.value("false && 1 / 0 == 1") == .bool(false))
        #expect(try Self.value("true || [1][5] == 1") == .bool(true))

        let chained = try #require(Self.failure("1 < 2 < 3"))
        #expect(chained.message == "adjacent operators are in a non-associative precedence group")
        #expect(chained.column == 7)
        #expect(Self.failure("var a = 1\na + 1 = 2")?.message == "cannot assign to this expression")
        #expect(Self.failure("1 << 2")?.message == "this operator is not part of the step language")
        let inner = try #require(Self.failure("let z = 1 + 10 / 0"))
        #expect((inner.message, inner.column) == ("division by zero", 13))
    }

    @Test func stringsInterpolateAndSpanLines() throws {
        #expect(try Self.value("let n = 3\n\"n is \\(n), twice \\(n * 2)\"") == .string("n is 3, twice 6"))
        let multiline = "let s = \"\"\"\n    first\n      second\n    \"\"\"\ns"
        #expect(try Self.value(multiline) == .string("first\n  second"))
        #expect(try Self.value(##"#"raw \n"#"##) == .string("raw \\n"))
        #expect(try Self.value(#""tab\tquote\"""#) == .string("tab\tquote\""))
    }

    @Test func bindingsPersistAcrossBlocks() throws {
        let interpreter = Interpreter()
        #expect(try Self.value("let bikes = [[\"price\": 300], [\"price\": 900]]", interpreter) == nil)
        #expect(try Self.value("bikes.count", interpreter) == .int(2))
        #expect(try Self.value("var total = 0\nfor bike in bikes { total += bike.price }\ntotal", interpreter) == .int(1200))
        #expect(interpreter.variables.map(\.name) == ["bikes", "total"])
    }

    @Test func closuresAndMethods() throws {
        let source = """
            let bikes = [["model": "A", "price": 300], ["model": "B", "price": 900], ["model": "C", "price": 500]]
            let names = bikes.filter { $0.price >= 500 }.sorted { a, b in a.price < b.price }.map { $0.model }
            names.joined(separator: ", ")
            """
        #expect(try Self.value(source) == .string("C, B"))
        #expect(try Self.value("[3, 1, 2].sorted()") == .array([.int(1), .int(2), .int(3)]))
        #expect(try Self.value("[1, 2, 3].reduce(0) { $0 + $1 }") == .int(6))
        #expect(try Self.value("[\"a\", \"b\"].enumerated().map { \"\\($0[0]):\\($0[1])\" }") == .array([.string("0:a"), .string("1:b")]))
        #expect(try Self.value("zip([1, 2], [\"x\", \"y\"]).count") == .int(2))
        #expect(try Self.value("[1, 2, 3].first(where: { $0 > 1 })") == .int(2))
        #expect(try Self.value("var a = [1]\na.append(2)\na") == .array([.int(1), .int(2)]))
        #expect(try Self.value("\"Bike\".uppercased()") == .string("BIKE"))
        #expect(try Self.value("[1, 2, 3].firstIndex(of: 2)") == .int(1))
        #expect(try Self.value("var a = [1]\na.append(contentsOf: [2, 3])\na") == .array([.int(1), .int(2), .int(3)]))
        #expect(try Self.value("var d = [\"a\": 1, \"b\": 2]\nd.a = nil\nd.keys") == .array([.string("b")]))
        #expect(try Self.value("[[\"p\": 3], [\"p\": 1]].min(by: { $0.p < $1.p })!.p") == .int(1))
        #expect(try Self.value("[[\"p\": 3], [\"p\": 1]].max { a, b in a.p < b.p }!.p") == .int(3))
        #expect(try Self.value("let zip = [1]\nzip(zip, [2]).count") == .int(1))
    }

    @Test func controlFlow() throws {
        let source = """
            func grade(_ price: Int) -> String {
                guard price > 0 else { return "free" }
                if price < 500 { return "cheap" } else if price < 1000 { return "mid" }
                return "dear"
            }
            var out: [String] = []
            for (i, p) in [0, 300, 700, 2000].enumerated() where i != 1 {
                if p == 2000 { break }
                out.append(grade(p))
            }
            var n = 0
            while n < 5 { n += 1; if n == 2 { continue } }
            out + ["\\(n)"]
            """
        #expect(try Self.value(source) == .array([.string("free"), .string("mid"), .string("5")]))
        #expect(try Self.value("for i in 0..<3 { print(i) }") == nil)
        #expect(Interpreter().run("for i in 1...3 { print(\"line \\(i)\") }").printed == ["line 1", "line 2", "line 3"])
    }

    @Test func theLastBareExpressionIsTheOutput() throws {
        #expect(try Self.value("let x = 1") == nil)
        #expect(try Self.value("let x = 1\nx") == .int(1))
        #expect(try Self.value("var x = 1\nx = 2") == nil)
        #expect(try Self.value("print(1)") == nil)
    }

    @Test func errorsPointAtTheNotebookLineAndColumn() throws {
        let unknown = try #require(Self.failure("let a = 1\nlet b = c + 1", firstLine: 20, column: 3))
        #expect(unknown.line == 21)
        #expect(unknown.column == 11)
        #expect(unknown.message == "cannot find 'c' in scope")
        #expect(unknown.excerpt.hasPrefix("21 | let b = c + 1\n"))
        #expect(unknown.excerpt.hasSuffix("   |         `- error: cannot find 'c' in scope"))

        let syntax = try #require(Self.failure("let x = (1 + ", firstLine: 5))
        #expect(syntax.line == 5)
        #expect(syntax.excerpt.hasPrefix("5 | let x = (1 + "))

        #expect(Self.failure("[1, 2][5]")?.message == "index 5 is out of range")
        #expect(Self.failure("1 / 0")?.message == "division by zero")
        #expect(Self.failure("Int.max + 1")?.message != nil)
        #expect(Self.failure("let d = [\"a\": 1]\nd.b")?.message == "this document has no field 'b'")
        #expect(Self.failure("let x = 1\nx = 2")?.message == "cannot assign to 'x': it is a 'let' constant")
        #expect(Self.failure("[1].sorted(by: 3)")?.message.contains("expected a closure") == true)
        #expect(Self.failure("zip([1], [2], [3])")?.message.contains("unexpected extra argument") == true)
        #expect(Self.failure("class A {}")?.message == "this declaration is not part of the step language")
        #expect(Self.failure("let bikez = 1\nbikes")?.hint == "did you mean 'bikez'?")
        #expect(Self.failure("if 1 { }")?.message == "a condition must be true or false, not an Int")
        #expect(Self.failure("Int.min..<Int.max")?.message != nil)
        #expect(Self.failure("(-9223372036854775807 - 1)..<9223372036854775807")?.message.contains("too long") == true)
        #expect(Self.failure("0...9223372036854775807")?.message.contains("too large") == true)
    }

    @Test func aFuncFromAnEarlierBlockFailsInThatBlocksLines() throws {
        let interpreter = Interpreter()
        #expect(!interpreter.run("func half(_ n: Int) -> Int {\n    n / 0\n}", firstLine: 8, column: 3).failed)
        let failure = try #require(interpreter.run("let x = 1\nhalf(x)", firstLine: 1_204).diagnostics.first)
        #expect((failure.line, failure.column) == (9, 7))
        #expect(failure.message == "division by zero")
        #expect(failure.excerpt.hasPrefix("9 |     n / 0\n"), "\(failure.excerpt)")
    }

    @Test func excerptGuttersWidenToTheNotebooksLineNumbers() {
        // Line 9 of the block is line 1,000 of the notebook: the gutter grows from one digit to four.
        let source = (1...8).map { "let v\($0) = \($0)" }.joined(separator: "\n") + "\n[1, 2][v8]"
        let failure = Interpreter().run(source, firstLine: 992).diagnostics.first
        #expect(failure?.line == 1_000)
        let lines = failure?.excerpt.split(separator: "\n").map(String.init) ?? []
        #expect(lines.first == "1000 | [1, 2][v8]", "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     |") }, "\(lines)")
        #expect(Interpreter.renumbered(["9 | a", "  | `- b"], by: 1) == ["10 | a", "   | `- b"])
    }

    @Test func optionalChainsStopAtTheFirstNil() throws {
        #expect(try Self.value("let none = [[\"name\": \"a\"]].filter { $0.name == \"b\" }\nnone.first?.name.uppercased()") == .null)
        #expect(try Self.value("let docs = [[\"tags\": [\"x\"]]]\ndocs.first?.tags[0]") == .string("x"))
        #expect(try Self.value("let empty = [[\"tags\": [\"x\"]]].prefix(0)\nempty.first?.tags[0]") == .null)
    }

    @Test func anErrorInAFuncFromAnEarlierBlockPointsIntoThatBlock() throws {
        let interpreter = Interpreter()
        #expect(interpreter.run("func half(_ x: Int) -> Int {\n    x / 0\n}", firstLine: 10).diagnostics.isEmpty)
        let problem = try #require(interpreter.run("let y = half(4)", firstLine: 40).diagnostics.first)
        #expect(problem.message == "division by zero")
        #expect(problem.line == 11)
        #expect(problem.excerpt.hasPrefix("11 |     x / 0"))
    }

    @Test func endlessLoopsAndRecursionStop() throws {
        let interpreter = Interpreter()
        interpreter.stepBudget = 10_000
        let loop = interpreter.run("var i = 0\nwhile true { i += 1 }").diagnostics.first
        #expect(loop?.message.contains("more than 10000 loop iterations") == true)
        let recursion = Interpreter().run("func f(_ n: Int) -> Int { f(n + 1) }\nf(0)").diagnostics.first
        #expect(recursion?.message.contains("calls nest more than") == true)
    }

    @Test func pythonRounding() throws {
        #expect(try Self.value("round(0.125, 2)") == .double(0.12))
        #expect(try Self.value("round(0.375, 2)") == .double(0.38))
        #expect(try Self.value("round(2.675, 2)") == .double(2.67))
        #expect(try Self.value("round(1 - 0.41234, 2)") == .double(0.59))
    }
}
