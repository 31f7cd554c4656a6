import RedbookRedis
@testable import RedbookSession
import Testing

/// redis-cli's terminal format, checked against text written out by hand from its rules.
@Suite struct CLIFormatterTests {
    @Test func scalarReplies() {
        #expect(CLIFormatter.text(.status("OK")) == "OK")
        #expect(CLIFormatter.text(.integer(11)) == "(integer) 11")
        #expect(CLIFormatter.text(.integer(-3)) == "(integer) -3")
        #expect(CLIFormatter.text(.null) == "(nil)")
        #expect(CLIFormatter.text(.array([])) == "(empty array)")
        #expect(CLIFormatter.text(.error("ERR unknown command 'X'")) == "(error) ERR unknown command 'X'")
    }

    @Test func bulkStringsAreQuotedWithEscapes() {
        #expect(CLIFormatter.text(.bulk(Array("hello".utf8))) == #""hello""#)
        #expect(CLIFormatter.text(.bulk([])) == #""""#)
        #expect(CLIFormatter.text(.bulk([0x61, 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x07, 0x08])) == #""a\"\\\n\r\t\a\b""#)
        #expect(CLIFormatter.text(.bulk([0x00, 0x1F, 0x7F, 0x80, 0xFF, 0x20, 0x7E])) == #""\x00\x1f\x7f\x80\xff ~""#)
        // Bytes outside printable ASCII are written as \x escapes, UTF-8 included, as redis-cli does.
        #expect(CLIFormatter.text(.bulk(Array("café ’ 東京".utf8))) == #""café ’ 東京""#)
        // Broken UTF-8, C1 controls and format characters still show their bytes.
        #expect(CLIFormatter.text(.bulk([0x63, 0xC3, 0x28, 0xE2, 0x82])) == #""c\xc3(\xe2\x82""#)
        #expect(CLIFormatter.text(.bulk([0xC2, 0x85, 0xE2, 0x80, 0x8B])) == #""\xc2\x85\xe2\x80\x8b""#)
        #expect(CLIFormatter.text(.bulk([0xC0, 0xAF, 0xED, 0xA0, 0x80])) == #""\xc0\xaf\xed\xa0\x80""#)
    }

    @Test func flatArrayIsNumbered() {
        let reply = Reply.array([.bulk(Array("f1".utf8)), .integer(2), .null, .status("QUEUED")])
        #expect(CLIFormatter.text(reply) == """
            1) "f1"
            2) (integer) 2
            3) (nil)
            4) QUEUED
            """)
    }

    @Test func indexesAreRightAlignedToTheWidestNumber() {
        let reply = Reply.array((1...10).map { .integer(Int64($0)) })
        #expect(CLIFormatter.text(reply) == """
             1) (integer) 1
             2) (integer) 2
             3) (integer) 3
             4) (integer) 4
             5) (integer) 5
             6) (integer) 6
             7) (integer) 7
             8) (integer) 8
             9) (integer) 9
            10) (integer) 10
            """)
    }

    @Test func nestedArraysStartOnTheParentLineAndIndentUnderIt() {
        let inner = Reply.array([.bulk(Array("a".utf8)), .array([.integer(1), .array([])])])
        let reply = Reply.array([inner, .bulk(Array("b".utf8))])
        #expect(CLIFormatter.text(reply) == """
            1) 1) "a"
               2) 1) (integer) 1
                  2) (empty array)
            2) "b"
            """)
    }

    @Test func wideNestedIndexesWidenTheIndentOfTheirLevelOnly() {
        // Ten inner elements: the inner numbers take two columns, so the outer prefix is
        // `1) ` followed by the padded ` 1) `, and later inner lines are indented by 3 + 0.
        let inner = Reply.array((1...10).map { Reply.bulk(Array("v\($0)".utf8)) } )
        let reply = Reply.array([inner, .array([.array([.integer(7)])])])
        #expect(CLIFormatter.text(reply) == """
            1)  1) "v1"
                2) "v2"
                3) "v3"
                4) "v4"
                5) "v5"
                6) "v6"
                7) "v7"
                8) "v8"
                9) "v9"
               10) "v10"
            2) 1) 1) (integer) 7
            """)
    }

    @Test func emptyStatusKeepsItsLine() {
        #expect(CLIFormatter.text(.array([.status("SEPARATOR"), .status("")])) == "1) SEPARATOR\n2) ")
    }

    /// A lone CR in an error reply broke the recorded output's lines; found by scripts/fuzz reply.
    @Test func carriageReturnsInStatusAndErrorTextAreEscaped() {
        #expect(CLIFormatter.text(.error("ERR Syntax err\rdoc:1")) == #"(error) ERR Syntax err\rdoc:1"#)
        #expect(CLIFormatter.text(.array([.status("a\r\nb")])) == "1) a\\r\nb")
        #expect(CLIFormatter.text(.status("line\nbreak")) == "line\nbreak")
    }
}
