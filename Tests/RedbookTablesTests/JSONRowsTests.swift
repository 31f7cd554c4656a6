import Foundation
import RedbookTables
import Testing

/// `MarkdownTable(jsonRows:)`: what the JSON becomes, and how bad JSON is reported.
@Suite struct JSONRowsTests {
    private func table(_ json: String) throws -> MarkdownTable {
        try MarkdownTable(jsonRows: Data(json.utf8), source: "rows.json")
    }

    private func failure(_ json: String) -> TableError? {
        do {
            _ = try MarkdownTable(jsonRows: Data(json.utf8), source: "rows.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func cellsFollowPythonJSON() throws {
        let parsed = try table(#"[{"i": 1, "f": 1.0, "e": 1e2, "s": "x", "b": true, "n": null, "neg": -0}, {"i": 2}]"#)
        #expect(parsed.columns == ["i", "f", "e", "s", "b", "n", "neg"])
        #expect(parsed.rows[0] == [.integer(1), .double(1), .double(100), .text("x"), .boolean(true), .missing, .integer(0)])
        // An absent key is pandas' NaN, not None.
        let absent = parsed.rows[1].dropFirst()
        #expect(absent.allSatisfy { if case .double(let value) = $0 { value.isNaN } else { false } })
    }

    @Test func columnsInFirstSeenOrder() throws {
        let parsed = try table(#"[{"b": 1}, {"a": 2, "b": 3}, {"c": 4, "a": 5}]"#)
        #expect(parsed.columns == ["b", "a", "c"])
        #expect(parsed.rows[2][1] == .integer(5))
    }

    @Test func repeatedKeyKeepsFirstPlaceAndLastValue() throws {
        let parsed = try table(#"[{"a": 1, "b": 2, "a": 3}]"#)
        #expect(parsed.columns == ["a", "b"])
        #expect(parsed.rows == [[.integer(3), .integer(2)]])
    }

    @Test func pythonLiteralsAndEscapes() throws {
        let parsed = try table(#"[{"x": NaN, "y": Infinity, "z": -Infinity, "s": "\ud83d\udeb2 \u00e9\n\/", "lone": "\ud800"}]"#)
        guard case .double(let nan) = parsed.rows[0][0] else { Issue.record("NaN is not a double"); return }
        #expect(nan.isNaN)
        #expect(parsed.rows[0][1] == .double(.infinity))
        #expect(parsed.rows[0][2] == .double(-.infinity))
        #expect(parsed.rows[0][3] == .text("🚲 é\n/"))
        #expect(parsed.rows[0][4] == .text("\u{FFFD}"))
    }

    @Test func bigIntegersBecomeFloats() throws {
        let parsed = try table(#"[{"a": 9223372036854775807, "b": 9223372036854775808}]"#)
        #expect(parsed.rows[0] == [.integer(.max), .double(9223372036854775808)])
    }

    @Test func nestedValuesPrintAsPython() throws {
        let parsed = try table(#"[{"o": {"k": [1, 2.0, null, false, "it's"], "k": {}}, "a": ["\t", 1e20]}]"#)
        #expect(parsed.rows[0] == [.text("{'k': {}}"), .text("['\\t', 1e+20]")])
        let other = try table(#"[{"o": {"a": [1, 2.0, null, false, "it's"]}}]"#)
        #expect(other.rows[0] == [.text(#"{'a': [1, 2.0, None, False, "it's"]}"#)])
    }

    @Test func emptyArrayRendersNothing() throws {
        #expect(try table(" [ ] \n").render() == "")
        #expect(try table("[{}, {}]").render() == "")
    }

    @Test func errorsNameLineColumnAndCause() throws {
        let missingComma = try #require(failure("[\n  {\"a\": 1}\n  {\"a\": 2}\n]"))
        #expect((missingComma.line, missingComma.column) == (3, 3))
        #expect(missingComma.description.hasPrefix("rows.json:3:3: error: expected ',' or ']' in the array, found '{'"))
        #expect(missingComma.description.contains("\nhint: "))

        let trailingComma = try #require(failure(#"[{"a": 1,}]"#))
        #expect((trailingComma.line, trailingComma.column) == (1, 10))
        #expect(trailingComma.message.contains("expected a key"))

        let notRow = try #require(failure("[{\"a\": 1},\n 42]"))
        #expect((notRow.line, notRow.column) == (2, 2))
        #expect(notRow.message == "row 2 is a number, not an object")
    }

    @Test(arguments: [
        ("", 1, 1, "the input is empty"),
        ("{\"a\": 1}", 1, 1, "expected '['"),
        ("[{\"a\": \"open", 1, 8, "the string is not closed"),
        ("[{\"a\": \"x\\q\"}]", 1, 10, "invalid escape"),
        ("[{\"a\": \"x\ty\"}]", 1, 10, "control character"),
        ("[{\"a\": 07}]", 1, 8, "cannot start with 0"),
        ("[{\"a\": 1.}]", 1, 10, "expected a digit after '.'"),
        ("[{\"a\": tru}]", 1, 8, "expected a value"),
        ("[{\"a\": 1}] x", 1, 12, "unexpected text after the array"),
        ("[{\"a\": 1}", 1, 10, "the array is not closed"),
        ("[{\"a\" 1}]", 1, 7, "expected ':'"),
        ("[{\"a\": \"\u{e9}\"}]", 1, 1, ""),
    ])
    func reportsBadJSON(_ json: String, _ line: Int, _ column: Int, _ cause: String) throws {
        if cause.isEmpty {
            // Valid UTF-8 text is accepted.
            #expect(failure(json) == nil)
            return
        }
        let error = try #require(failure(json))
        #expect((error.line, error.column) == (line, column), "\(error)")
        #expect(error.message.contains(cause), "\(error)")
    }

    @Test func invalidUTF8IsReported() throws {
        var bytes = Array("[{\"a\": \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}]".utf8)
        do {
            _ = try MarkdownTable(jsonRows: Data(bytes), source: "rows.json")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.column == 9)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        let deep = "[{\"a\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}]"
        let error = try #require(failure(deep))
        #expect(error.message.contains("nesting"))
    }

    @Test func aHundredThousandNestedArraysStopAtTheDepthLimit() throws {
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        do throws(TableError) {
            _ = try JSONReader.document(deep, source: "deep.json")
            Issue.record("100,000 nested arrays were accepted")
        } catch {
            #expect(error.message == "nesting deeper than 512 levels")
            #expect((error.line, error.column) == (1, 513))
        }
    }

    @Test func nulBytesAreRefusedWhereTheyStand() throws {
        for (text, column, message) in [
            ("[\u{0}]", 2, "expected a value, found byte 0x0"),
            ("[\"a\u{0}b\"]", 4, "control character 0x0 inside a string"),
            ("[1]\u{0}", 4, "unexpected text after the JSON value"),
        ] {
            do throws(TableError) {
                _ = try JSONReader.document(Array(text.utf8), source: "nul.json")
                Issue.record("accepted \(text.debugDescription)")
            } catch {
                #expect(error.message == message && error.column == column, "\(error)")
            }
        }
        let escaped = try JSONReader.document(Array(#"["a\u0000b"]"#.utf8), source: "nul.json")
        guard case .array(let items) = escaped, case .string(let text)? = items.first else {
            Issue.record("expected an array holding a string")
            return
        }
        #expect(text == "a\u{0}b")
    }
}
