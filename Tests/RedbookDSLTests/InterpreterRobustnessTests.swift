import RedbookTestSupport
import Testing
@testable import RedbookDSL

/// Whatever a block holds, the interpreter answers with a value or a positioned error: it never
/// traps, overflows its stack or runs forever.
@Suite struct InterpreterRobustnessTests {
    static let seeds = [
        "let bikes = [[\"price\": 300, \"model\": \"A\"], [\"price\": 900, \"model\": \"B\"]]\nbikes.filter { $0.price > 500 }.map { $0.model }",
        "var total = 0\nfor (i, n) in [1, 2, 3].enumerated() where i > 0 { total += n * i }\ntotal",
        "func f(_ n: Int) -> Int { guard n > 0 else { return 0 }\n return n + f(n - 1) }\nf(10)",
        "let s = \"\"\"\n  a \\(1 + 2)\n  \"\"\"\ns.uppercased()",
        "let d = [\"a\": [1, 2.5, nil], \"b\": true]\nd[\"a\"]![1] ?? 0",
        "var x = [3, 1, 2]\nx.append(4)\nx.sorted(by: >).prefix(2)",
    ]

    @Test func mutatedBlocksNeverTrap() {
        var random = SeededRandom(seed: 0xF022)
        let alphabet = Array("(){}[]\"\\$.,:;=+-*/%!?<>&|_ \n0123456789abcxyzletvarforinifelseguardreturnfunc")
        var failures = 0
        for round in 0..<1_000 {
            var text = Array(Self.seeds[round % Self.seeds.count])
            for _ in 0..<(1 + random.next(below: 4)) {
                let position = random.next(below: text.count + 1)
                switch random.next(below: 3) {
                case 0 where position < text.count: text.remove(at: position)
                case 1: text.insert(alphabet[random.next(below: alphabet.count)], at: position)
                default:
                    if position < text.count { text[position] = alphabet[random.next(below: alphabet.count)] }
                }
            }
            let interpreter = Interpreter()
            interpreter.stepBudget = 5_000
            let outcome = interpreter.run(String(text), firstLine: 7, column: 3)
            if let problem = outcome.diagnostics.first {
                failures += 1
                #expect(problem.line >= 7, "\(String(text))")
                #expect(!problem.message.isEmpty)
            }
        }
        // Most mutations break the code; some still run. Both kinds must occur.
        #expect(failures > 200 && failures < 1_000)
    }

    @Test(arguments: ["(", "[", "{ "])
    func deepNestingIsAnErrorNotACrash(opening: String) {
        let closing = opening == "(" ? ")" : (opening == "[" ? "]" : " }")
        let text = "let x = " + String(repeating: opening, count: 10_000) + "1" + String(repeating: closing, count: 10_000)
        let outcome = Interpreter().run(text)
        #expect(outcome.failed)
    }

    @Test func tenThousandNestedParenthesesAreRefusedWhereTheLimitIsPassed() throws {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let problem = try #require(Interpreter().run(text, firstLine: 4, column: 3).diagnostics.first)
        #expect(problem.message == "brackets nest more than 200 levels deep here")
        #expect((problem.line, problem.column) == (4, 203))
    }

    /// The parser's time doubles with each `[` nested in another (a fuzzed 19-deep type took 20 s
    /// to parse in the debug build), so the ninth level is refused before parsing, also inside
    /// an interpolation; brackets inside string text do not count.
    @Test func squareBracketsNestEightDeepAtMost() throws {
        let eight = "[[[[[[[[1]]]]]]]]"
        #expect(Interpreter().run("let x = \(eight)\nx[0][0][0][0][0][0][0][0]").value == .int(1))

        let nine = try #require(Interpreter().run("let x = [\(eight)]", firstLine: 7, column: 3).diagnostics.first)
        #expect(nine.message == "'[' nests more than 8 levels deep here")
        #expect((nine.line, nine.column) == (7, 3 + 16))

        let typed = "func f(_ n: " + String(repeating: "[", count: 19) + "Int]) -> Int {\n}"
        #expect(Interpreter().run(typed).diagnostics.first?.message == "'[' nests more than 8 levels deep here")
        let interpolated = #""sum \([\#(eight)])""#
        #expect(Interpreter().run(interpolated).diagnostics.first?.message == "'[' nests more than 8 levels deep here")
        #expect(Interpreter().run(#""[[[[[[[[[[[[ \("x") ]]]]""#).value == .string("[[[[[[[[[[[[ x ]]]]"))
    }

    /// swift-syntax's diagnostics generator takes time that grows with the square of the errors
    /// (a fuzzed block of 3,000 stray `\` took 10 s in the debug build, over 30 s with
    /// AddressSanitizer), so past 100 a block gets one diagnostic at the first.
    @Test func thousandsOfSyntaxErrorsAreOneDiagnosticAtTheFirst() throws {
        let text = "let a = 1\n  " + String(repeating: "\\", count: 3_000)
        let outcome = Interpreter().run(text, firstLine: 5, column: 3)
        let problem = try #require(outcome.diagnostics.first)
        #expect(outcome.diagnostics.count == 1)
        #expect(problem.message == "more than 100 syntax errors; the first is here")
        #expect(problem.line == 6)
        #expect(problem.excerpt.contains("6 |"))
    }

    @Test func aFewSyntaxErrorsAreEachReportedAndTheRestCounted() throws {
        let lines = (1...15).map { "let v\($0) =" }
        let outcome = Interpreter().run(lines.joined(separator: "\n"), firstLine: 20, column: 1)
        let problems = outcome.diagnostics
        #expect(problems.count == 11)
        #expect(problems.prefix(10).map(\.line) == Array(20..<30))
        #expect(problems.first?.message.contains("more syntax error") == false)
        #expect(problems.last?.message == "5 more syntax errors from here on")
        #expect(problems.last?.line == 30)
    }

    /// A loop that doubles a value reached 8 GB of memory and a crash within seconds; each
    /// kind of growth now stops at the limit with an error at the step that passed it.
    @Test(arguments: [
        ("var s = \"ab\"\nfor _ in 0..<40 { s = s + s }", "a string of 2048 bytes is larger than the 1024 bytes a step may build", 2),
        ("var s = \"ab\"\nfor _ in 0..<40 { s += s }", "a string of 2048 bytes is larger than the 1024 bytes a step may build", 2),
        ("var s = \"ab\"\nfor _ in 0..<40 { s = \"\\(s)\\(s)\" }", "a string of 2048 bytes is larger than the 1024 bytes a step may build", 2),
        ("var a = [1]\nfor _ in 0..<40 { a = a + a }", "an array of 1024 elements is larger than the 1000 a step may build", 2),
        ("var a = [1]\nfor _ in 0..<40 { a.append(contentsOf: a) }", "an array of 1024 elements is larger than the 1000 a step may build", 2),
        ("var a = [0]\nfor i in 0..<1000 { a.append(i) }", "an array of 1001 elements is larger than the 1000 a step may build", 2),
        ("let r = 0..<1001", "a range of more than 1000 numbers is too long for a step", 1),
        ("let words = [\"abcdefgh\", \"abcdefgh\"]\nvar w = words\nfor _ in 0..<6 { w = w + w }\nw.joined(separator: \" \")",
         "a string of 1025 bytes is larger than the 1024 bytes a step may build", 4),
    ])
    func growthStopsAtTheLimit(source: String, message: String, line: Int) throws {
        let interpreter = Interpreter()
        interpreter.elementLimit = 1_000
        interpreter.textLimit = 1_024
        let problem = try #require(interpreter.run(source, firstLine: 1, column: 1).diagnostics.first)
        #expect(problem.message == message)
        #expect(problem.line == line)
    }

    /// `a = [a, a]` sixty times is small in memory (each level shares the one below) but 2^60
    /// elements written out; writing it stops at the text limit.
    @Test func aValueThatHoldsItselfManyTimesOverIsTooLargeToWrite() throws {
        let doubling = "var a = [1]\nfor _ in 0..<60 { a = [a, a] }\n"
        let interpreter = Interpreter()
        interpreter.textLimit = 1 << 20
        let interpolated = try #require(interpreter.run(doubling + "\"\\(a)\"").diagnostics.first)
        #expect(interpolated.message == "the text of this value is larger than 1 MB")
        #expect(interpolated.line == 3)
        let printed = try #require(interpreter.run(doubling + "print(a)").diagnostics.first)
        #expect(printed.message == "the text of this value is larger than 1 MB")
        let value = try #require(interpreter.run(doubling + "a").value)
        #expect(throws: StepError.self) { try value.jsonText(limit: 1 << 20) }
        #expect(try Value.array([.int(1), .string("x")]).jsonText(limit: 9) == #"[1,"x"]"#)
        #expect(throws: StepError.self) { try Value.array([.int(1), .string("x")]).jsonText(limit: 6) }
    }

    /// Two values that each hold an array 2^60 times over compare element by element; past the
    /// element limit the comparison fails instead of running for years.
    @Test(arguments: ["a == b", "a != b", "[a, b].sorted()", "max(a, b)", "[a].contains(b)", "[a, b].max()!"])
    func comparingValuesThatHoldThemselvesManyTimesOverStops(expression: String) throws {
        let doubling = "var a = [1]\nvar b = [1]\nfor _ in 0..<60 { a = [a, a]; b = [b, b] }\n"
        let interpreter = Interpreter()
        interpreter.elementLimit = 10_000
        let problem = try #require(interpreter.run(doubling + expression, firstLine: 1).diagnostics.first)
        #expect(problem.message == "comparing these values would visit more than 10000 pairs of elements")
        #expect(problem.line == 4)
        // Values of ordinary size still compare, nested ones by kind and value as Swift does.
        #expect(interpreter.run("[[1, 2], [\"x\": 3]] == [[1, 2], [\"x\": 3]]").value == .bool(true))
        #expect(interpreter.run("1 == 1.0 && [1] != [1.0]").value == .bool(true))
        #expect(interpreter.run("[[2, 1], [1, 5], [1, 2]].sorted()").value == .array([
            .array([.int(1), .int(2)]), .array([.int(1), .int(5)]), .array([.int(2), .int(1)]),
        ]))
    }

    /// The bracket count must leave a string literal where the parser does: a single-line one at
    /// its line's end, closed or not, a raw one only at `"#`. A fuzzed step whose unclosed `"`
    /// hid 40 nested `[` on the next line from the count took the parser over a minute.
    @Test(arguments: [
        "let x = \"[\n" + String(repeating: "[", count: 40) + "\"\")\n",
        "let x = \"a\\\n" + String(repeating: "[", count: 12) + "1",
        "let x = #\"\\\"#\n" + String(repeating: "[", count: 12) + "1",
        "let x = \"\"\"\n\"\n\"\"\"\n" + String(repeating: "[", count: 12) + "1",
    ])
    func bracketsAfterAStringLiteralEndsAreCounted(source: String) throws {
        let problem = try #require(Interpreter().run(source, firstLine: 1).diagnostics.first)
        #expect(problem.message == "'[' nests more than 8 levels deep here")
    }

    @Test func bracketsInsideStringLiteralsOfEveryKindAreText() {
        let deep = String(repeating: "[", count: 12)
        #expect(Interpreter().run("#\"\(deep) \\(1)\"#").value == .string("\(deep) \\(1)"))
        #expect(Interpreter().run("#\"\(deep) \\#(1)\"#").value == .string("\(deep) 1"))
        #expect(Interpreter().run("\"\"\"\n  \(deep) \"quoted\"\n  \"\"\"").value == .string("\(deep) \"quoted\""))
        #expect(Interpreter().run("\"\\\"\(deep)\"").value == .string("\"\(deep)"))
    }

    @Test func tenThousandTermsAddUp() {
        let text = Array(repeating: "1", count: 10_000).joined(separator: "+")
        let outcome = Interpreter().run(text)
        #expect(outcome.diagnostics == [])
        #expect(outcome.value == .int(10_000))
    }

    /// The parser skips a NUL between tokens with a warning, as the compiler does; in a string
    /// literal it stays part of the string.
    @Test func nulBytesInTheSourceAreSkippedOrKept() throws {
        let outcome = Interpreter().run("let x = 1\u{0}\nx", firstLine: 10, column: 1)
        #expect(outcome.diagnostics == [])
        #expect(outcome.value == .int(1))
        let inString = Interpreter().run("\"a\u{0}b\"")
        #expect(inString.diagnostics == [])
        #expect(inString.value == .string("a\u{0}b"))
    }

    /// swift-syntax trapped describing an invalid character just before an `=` with spaces
    /// around both (a Fix-It without changes); found by scripts/fuzz dsl.
    @Test(arguments: ["\u{1}", "\u{0B}", "\u{0C}", "\u{7F}", "\u{FEFF}", "\u{FFFD}"])
    func anInvalidCharacterBeforeAnEqualsSignIsAnErrorNotATrap(character: String) throws {
        let outcome = Interpreter().run("var x = 0\nx \(character)= 1", firstLine: 2, column: 3)
        let problem = try #require(outcome.diagnostics.first)
        #expect((problem.line, problem.column) == (3, 3 + 2 + character.utf8.count))
        #expect(problem.message == "a character Swift code cannot hold stands just before this '='")
        #expect(Interpreter().run("let x\t=\t1\r\nx").value == .int(1))
    }
}
