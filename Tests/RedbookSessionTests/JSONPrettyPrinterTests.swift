@testable import RedbookSession
import Testing

/// Re-indenting keeps keys in order and copies strings and numbers exactly.
@Suite struct JSONPrettyPrinterTests {
    private func format(_ text: String) -> String? {
        JSONPrettyPrinter.format(Array(text.utf8))
    }

    @Test func objectsAndArraysIndentByTwo() {
        #expect(format(#"{"z":1,"a":[true,false,null],"m":{"k":"v"}}"#) == """
            {
              "z": 1,
              "a": [
                true,
                false,
                null
              ],
              "m": {
                "k": "v"
              }
            }
            """)
    }

    @Test func emptyContainersStayOnOneLine() {
        #expect(format(#"{"a":[],"b":{}, "c" : [ ] }"#) == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": []\n}")
        #expect(format("[]") == "[]")
    }

    @Test func numbersAndStringsAreCopiedVerbatim() {
        #expect(format(#"[100000.0,1.50,-0,1E+5,"caf\u00e9 ’ \"q\""]"#) == """
            [
              100000.0,
              1.50,
              -0,
              1E+5,
              "caf\\u00e9 ’ \\"q\\""
            ]
            """)
    }

    @Test func scalarsAtTheTop() {
        #expect(format(" \"x\" ") == "\"x\"")
        #expect(format("42") == "42")
    }

    @Test func invalidJSONIsRefused() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\u{01}\"", "[1] x", "nul", "\"\\q\"", "{1:2}", "-"] {
            #expect(format(text) == nil, "\(text)")
        }
        #expect(JSONPrettyPrinter.format([0x22, 0xFF, 0x22]) == nil)
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(format(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(format(fine) != nil)
    }

    @Test func arraysOfDocuments() {
        let text = JSONPrettyPrinter.formatArray([Array(#"[{"a":1}]"#.utf8), nil])
        #expect(text == """
            [
              [
                {
                  "a": 1
                }
              ],
              null
            ]
            """)
        #expect(JSONPrettyPrinter.formatArray([]) == "[]")
        #expect(JSONPrettyPrinter.formatArray([Array("{".utf8)]) == nil)
    }

    @Test func membersFollowTheRequestedOrder() {
        let text = JSONPrettyPrinter.format(Array(#"{"$.zz":[3],"$.a\"b":[1],"other":0,"$.model":["x"]}"#.utf8),
                                            memberOrder: [Array("$.model".utf8), Array(#"$.a"b"#.utf8), Array("$.zz".utf8)])
        #expect(text == """
            {
              "$.model": [
                "x"
              ],
              "$.a\\"b": [
                1
              ],
              "$.zz": [
                3
              ],
              "other": 0
            }
            """)
        // Not an object: formatted as it is.
        #expect(JSONPrettyPrinter.format(Array("[2,1]".utf8), memberOrder: []) == "[\n  2,\n  1\n]")
    }

    @Test func decodingStringTokens() {
        #expect(JSONPrettyPrinter.decodedString(ArraySlice(#""a\n\u00e9\ud83d\udeb2\/""#.utf8)) == Array("a\né🚲/".utf8))
        #expect(JSONPrettyPrinter.decodedString(ArraySlice(#""\q""#.utf8)) == nil)
    }

    @Test func aHundredThousandNestedArraysAreRefused() {
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(JSONPrettyPrinter.format(deep) == nil)
        #expect(JSONPrettyPrinter.compact(deep) == nil)
        #expect(JSONPrettyPrinter.format(Array(#"{"a":"#.utf8) + deep + [UInt8(ascii: "}")], memberOrder: [Array("a".utf8)]) == nil)
        #expect(JSONPrettyPrinter.formatArray([deep]) == nil)
    }

    @Test func nulBytesAreNotJSONButTheirEscapeIs() {
        #expect(format("[\u{0}]") == nil)
        #expect(format("\"a\u{0}b\"") == nil)
        #expect(format("1\u{0}") == nil)
        #expect(format(#"["a\u0000b"]"#) == "[\n  \"a\\u0000b\"\n]")
    }
}
