import Foundation
import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// `swift` blocks run through a real session: names live on from block to block, values and
/// printed lines are recorded, failures point at their notebook line and column, `fetch` reads
/// beside the notebook, and `\(expression)` in `redis` blocks sends step values.
@Suite struct StepTests {
    @Test func namesPersistFromBlockToBlockAndIntoRedisBlocks() throws {
        let steps = try StepSession()
        let key = TestRedis.uniqueName("total")
        #expect(steps.output("""
            let bikes = [["model": "Jigger", "price": 270], ["model": "Hillcraft", "price": 1200]]
            var total = 0
            """) == "")
        #expect(steps.output("for bike in bikes { total += bike.price }\ntotal") == StepSession.text("1470"))
        #expect(steps.redisOutput("SET \(key) \\(total)") == StepSession.text("OK"))
        #expect(try steps.connection.call("GET", key) == .bulk(Array("1470".utf8)))
        #expect(steps.output("total += 1\ntotal") == StepSession.text("1471"))
        // Running a block again redeclares its names, as re-running a notebook must.
        #expect(steps.output("let bikes = [[\"model\": \"Sprout\", \"price\": 320]]\nbikes.count") == StepSession.text("1"))
    }

    @Test func aRuntimeErrorIsRecordedWithTheCaretExcerpt() throws {
        let steps = try StepSession()
        let outcome = steps.swift("let prices = [270, 1200]\nprices[2]", line: 10)
        let failure = try #require(outcome.failure)
        #expect(failure.line == 11)
        #expect(failure.column == 8)
        let excerpt = """
            11 | prices[2]
               |        `- error: index 2 is out of range
            """
        #expect(failure.explanation == "index 2 is out of range\nhint: valid indexes are 0 to 1\n" + excerpt)
        #expect(outcome.output == StepSession.text("error: index 2 is out of range", "hint: valid indexes are 0 to 1", excerpt))

        // Inside a list item the code starts further right; the column follows it.
        let indented = try steps.failure("[1][3]", line: 40, column: 4)
        #expect(indented.line == 40)
        #expect(indented.column == 8)
    }

    /// An array that holds another many times over is shown by its size: its JSON would be
    /// 2^40 numbers long. The variable listing says the same in its preview.
    @Test func aValueTooLargeToWriteIsShownByItsSize() throws {
        let steps = try StepSession()
        #expect(steps.output("var nest = [1]\nfor _ in 0..<40 { nest = [nest, nest] }\nnest")
                == StepSession.text("(an Array of 2 elements, too large to show)"))
        let preview = try #require(steps.session.variables.first { $0.name == "nest" }?.preview)
        #expect(preview == "(an Array of 2 elements, too large to show)")
    }

    @Test func everySyntaxErrorOfABlockIsKeptInOrderWithItsOwnHint() throws {
        let steps = try StepSession()
        let outcome = steps.swift("let a = [1, 2\nlet b = 3 +\nlet c = 4", line: 4)
        let failure = try #require(outcome.failure)
        #expect(failure.line == 4)
        #expect(failure.message == "expected ']' to end array")
        #expect(failure.hint == "to match this opening '['")
        #expect(failure.others.map(\.line) == [5])
        #expect(failure.others.first?.message == "expected expression after operator")
        #expect(failure.all.count == 2)
        #expect(!failure.message.contains("\n"), "the hint and the excerpt are fields of their own")
        // Both are recorded, each with its own excerpt.
        #expect(outcome.output.components(separatedBy: "error: ").count - 1 == 4)
        #expect(outcome.output.contains("5 | let b = 3 +"))
    }

    @Test func linesPrintedBeforeAFailureAreKept() throws {
        let outcome = try StepSession().swift("print(\"before\")\n[1][3]")
        #expect(outcome.failure?.line == 11)
        #expect(outcome.output.hasPrefix("```text\nbefore\nerror: index 3 is out of range\n"))
    }

    @Test func expectFailsWithItsMessageAtTheCondition() throws {
        let steps = try StepSession()
        let failure = try steps.failure("let n = 2\nexpect(n == 3, \"n is three\")", line: 20, column: 3)
        #expect(failure.line == 21)
        #expect(failure.column == 10)
        #expect(failure.explanation == """
            expectation failed: n is three
            21 | expect(n == 3, "n is three")
               |        `- error: expectation failed: n is three
            """)

        // Without a message, the condition's own text says what failed.
        let plain = try steps.failure("assert(n > 5)")
        #expect(plain.explanation.hasPrefix("expectation failed: n > 5\n"))
        #expect(plain.column == 8)

        // A check that holds records nothing.
        #expect(steps.output("expect(n == 2, \"n is two\")\nassert(n < 3)") == "")
        #expect(try steps.failure("expect(n)").explanation.hasPrefix("expected true or false, got an Int"))
    }

    @Test func printedLinesComeFirstThenTheValue() throws {
        let steps = try StepSession()
        #expect(steps.output(#"""
            print("a", 1, [2, 3])
            print("b\nc", separator: "-")
            "done"
            """#) == StepSession.text("a 1 [2, 3]", "b", "c", "done"))
        #expect(steps.output("print(\"x\")\n[\"k\": 1]") == StepSession.text("x") + "\n\n" + StepSession.json("{\n  \"k\": 1\n}"))
        #expect(steps.output("nil") == StepSession.text("nil"))
        // Assignments and calls of print, expect and append show nothing.
        #expect(steps.output("var list = [1]\nlist.append(2)") == "")
        #expect(steps.output("list") == StepSession.json("[\n  1,\n  2\n]"))
    }

    @Test func fetchReadsAFileBesideTheNotebook() throws {
        let folder = try StepFolder()
        try folder.write(#"[{"model": "Jigger", "price": 270}, {"model": "Hillcraft", "price": 1200}]"#, to: "data/bikes.json")
        let steps = try StepSession(folder: folder.url)
        #expect(steps.output("let bikes = fetch(\"data/bikes.json\")\nbikes.map { $0.model }")
            == StepSession.json("[\n  \"Jigger\",\n  \"Hillcraft\"\n]"))
        #expect(steps.output("bikes[1].price + 1") == StepSession.text("1201"))
        #expect(steps.output("fetch(\"data/bikes.json\", as: .text).count") == StepSession.text("74"))
        let absolute = folder.url.appendingPathComponent("data/bikes.json").path
        #expect(steps.output("fetch(\"\(absolute)\").count") == StepSession.text("2"))
    }

    @Test func fetchOfAMissingFileFailsAtTheCall() throws {
        let folder = try StepFolder()
        try folder.write("[]", to: "data/other.json")
        let steps = try StepSession(folder: folder.url)
        let failure = try steps.failure("let bikes = fetch(\"data/nosuch.json\")", line: 7)
        #expect(failure.line == 7)
        #expect(failure.column == 13)
        #expect(failure.explanation.hasPrefix("no such file: data/nosuch.json (resolved to "))
        #expect(failure.explanation.contains("/data/nosuch.json)\nhint: relative paths start at the notebook's folder, "))
        #expect(try steps.failure("fetch(\"data\")").explanation.contains("/data) is a folder, not a file\nhint: name a file inside it"))
        #expect(try steps.failure("fetch(\"ftp://example.com/a.json\")").explanation.contains("the ftp: scheme is not supported"))
    }

    @Test func aBadJSONFileFailsWithItsLineAndColumn() throws {
        let folder = try StepFolder()
        try folder.write("[\n  {\"model\": \"A\",\n   \"price\": 12,,\n  }\n]\n", to: "data/bad.json")
        let steps = try StepSession(folder: folder.url)
        let failure = try steps.failure("let bikes = fetch(\"data/bad.json\")", line: 3)
        #expect(failure.line == 3)
        #expect(failure.explanation.hasPrefix("data/bad.json:3:16: expected a key in double quotes, found ','\nhint: "))
        #expect(try steps.failure("fetch(\"data/bad.json\", as: .csv)").explanation.hasPrefix("fetch reads .json or .text, not .csv"))
        // As text, the same file reads fine.
        #expect(steps.output("fetch(\"data/bad.json\", as: .text).hasPrefix(\"[\")") == StepSession.text("true"))
    }

    @Test func jsonReadsTextAndPointsAtItsMistakes() throws {
        let steps = try StepSession()
        #expect(steps.output(#"json("{\"a\": [1, 2.5, \"x\"]}").a[1]"#) == StepSession.text("2.5"))
        let failure = try steps.failure(#"json("{\"a\": }")"#)
        #expect(failure.explanation.hasPrefix("json(…):1:7: expected a value, found '}'"))
        #expect(try steps.failure("json(3)").explanation.hasPrefix("expected a String, got an Int"))
    }

    @Test func redisBlocksInterpolateTextNumbersAndDocuments() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("interp")
        #expect(steps.output(#"""
            let name = "Jigger"
            let price = 270
            let doc = ["model": name, "price": price]
            """#) == "")
        let outcome = steps.redis(#"""
            SET \#(p):name \(name)
            SET \#(p):label "model \(name), \(price) dollars"
            SET \#(p):literal '\(name)'
            SET \#(p):glued id-\(price * 2)
            JSON.SET \#(p):doc $ \(doc)
            """#)
        #expect(outcome.failure == nil)
        #expect(outcome.output == StepSession.text("OK", "OK", "OK", "OK", "OK"))
        #expect(try steps.connection.call("GET", "\(p):name") == .bulk(Array("Jigger".utf8)))
        #expect(try steps.connection.call("GET", "\(p):label") == .bulk(Array("model Jigger, 270 dollars".utf8)))
        #expect(try steps.connection.call("GET", "\(p):literal") == .bulk(Array(#"\(name)"#.utf8)))
        #expect(try steps.connection.call("GET", "\(p):glued") == .bulk(Array("id-540".utf8)))
        #expect(try steps.connection.call("JSON.GET", "\(p):doc") == .bulk(Array(#"{"model":"Jigger","price":270}"#.utf8)))
    }

    @Test func aVectorInterpolatedAloneIsSentAsFloat32Bytes() throws {
        let steps = try StepSession()
        let key = TestRedis.uniqueName("vec")
        #expect(steps.output("let v = encode(\"a bike for a small child\")") == "")
        #expect(steps.redisOutput("SET \(key) \\(v)\nSTRLEN \(key)") == StepSession.text("OK", "(integer) 1536"))
        // Read back, the bytes are the same vector.
        #expect(steps.output("get(\"\(key)\") == v") == StepSession.text("true"))

        let line = "SET \(key) \"a \\(v)\""
        let outcome = steps.redis(line, line: 50)
        let failure = try #require(outcome.failure)
        #expect(failure.line == 50)
        #expect(failure.column == Self.column(of: "v)", in: line))
        #expect(failure.explanation.hasPrefix("a Vector cannot go inside a longer argument"))
    }

    @Test func anUnknownNameInAnInterpolationFailsAtItsColumnAndNothingRuns() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("unknown")
        let second = "SET \(p):second \\(nosuch)"
        let outcome = steps.redis("SET \(p):first 1\n\(second)", line: 30)
        let failure = try #require(outcome.failure)
        #expect(failure.line == 31)
        #expect(failure.column == Self.column(of: "nosuch", in: second))
        #expect(failure.explanation.hasPrefix("cannot find 'nosuch' in scope\n"))
        #expect(failure.explanation.hasSuffix("`- error: cannot find 'nosuch' in scope"))
        #expect(outcome.output.hasPrefix("```text\nerror: cannot find 'nosuch' in scope\n"))
        // The block is read whole before any command is sent.
        #expect(try steps.connection.call("EXISTS", "\(p):first") == .integer(0))
    }

    @Test func whatSwiftHasAndStepsDoNotIsRefusedWhereItIsWritten() throws {
        let steps = try StepSession()
        let declaration = try steps.failure("let a = 1\nstruct Bike {}", line: 5, column: 2)
        #expect(declaration.line == 6 && declaration.column == 2)
        #expect(declaration.explanation.hasPrefix("this declaration is not part of the step language\nhint: steps support let, var and func; see docs/dsl.md"))
        #expect(try steps.failure("switch 1 { default: break }").explanation.hasPrefix("this expression is not part of the step language"))
        #expect(try steps.failure("repeat { } while false").explanation.hasPrefix("this statement is not part of the step language"))
        let syntax = try steps.failure("let x = (1 + ", line: 12)
        #expect(syntax.line == 12)
        #expect(syntax.message.hasPrefix("expected expression"))
        #expect(try steps.failure("return 1").explanation.hasPrefix("'return' belongs inside a closure or func"))
    }

    @Test func endlessRecursionStopsAtTheCallDepthLimit() throws {
        let failure = try StepSession().failure("func down(_ n: Int) -> Int { n == 0 ? 0 : down(n - 1) }\ndown(1000)")
        #expect(failure.explanation.hasPrefix("calls nest more than 200 deep\nhint: a func that calls itself without end?"))
    }

    @Test func optionalChainingStopsAtTheFirstNil() throws {
        let steps = try StepSession()
        #expect(steps.output("let doc = [\"specs\": nil]\ndoc.specs?.weight") == StepSession.text("nil"))
        #expect(steps.output("doc.specs?.weight.count") == StepSession.text("nil"))
    }

    @Test func anErrorInAFuncFromAnEarlierBlockPointsIntoThatFunc() throws {
        let steps = try StepSession()
        #expect(steps.output("func pick(_ items: [Int]) -> Int {\n    items[5]\n}") == "")
        let failure = try steps.failure("pick([1])", line: 20)
        #expect(failure.explanation.hasPrefix("index 5 is out of range"))
        #expect(failure.line == 11 && failure.column == 11)
    }

    /// The 1-based column of the first `text` in `line`.
    static func column(of text: String, in line: String) -> Int {
        let range = line.range(of: text)!
        return line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1
    }
}
