import RedbookRedis
@testable import RedbookSession
import Testing

/// How parts are grouped, fenced and cut.
@Suite struct BlockOutputTests {
    @Test func consecutiveTextSharesOneBlock() {
        var output = BlockOutput()
        output.appendText("OK")
        output.appendText("(integer) 1")
        output.appendJSON("[]")
        output.appendText("(nil)")
        output.appendMarkdown("Matched: 0")
        #expect(output.render() == """
            ```text
            OK
            (integer) 1
            ```

            ```json
            []
            ```

            ```text
            (nil)
            ```

            Matched: 0
            """)
    }

    @Test func fencesOutgrowBackticksInside() {
        #expect(BlockOutput.fenced(["a ```` b"], language: "text") == "`````text\na ```` b\n`````")
        #expect(BlockOutput.fenced(["``"], language: "json") == "```json\n``\n```")
    }

    @Test func emptyOutputIsEmpty() {
        #expect(BlockOutput().render() == "")
    }

    @Test func longTextIsCutWithANote() {
        var output = BlockOutput()
        output.limit = OutputLimit(maxLines: 3, maxCharacters: 1_000)
        output.appendText((1...10).map { "line \($0)" }.joined(separator: "\n"))
        #expect(output.render() == "```text\nline 1\nline 2\nline 3\n… (output cut: 7 more lines)\n```")
    }

    @Test func characterLimitCutsWholeLines() {
        let limit = OutputLimit(maxLines: 100, maxCharacters: 10)
        #expect(limit.cut(["aaaa", "bbbb", "cccc"]) == ["aaaa", "bbbb", "… (output cut: 1 more line)"])
        #expect(limit.cut(["aaaa", "bbbbbb"]) == ["aaaa", "bbbbbb"])
        #expect(limit.cut([String(repeating: "x", count: 25), "y"]) == [String(repeating: "x", count: 10), "… (output cut: 15 more characters and 1 more line)"])
    }

    @Test func aSingleLongLineSaysHowManyCharactersWereCut() {
        let line = String(repeating: "é", count: 81_234)
        #expect(OutputLimit.standard.cut([line]) == [String(line.prefix(50_000)), "… (output cut: 31234 more characters)"])
        let limit = OutputLimit(maxLines: 100, maxCharacters: 10)
        #expect(limit.cut(["x" + String(repeating: "y", count: 10)]) == ["x" + String(repeating: "y", count: 9), "… (output cut: 1 more character)"])
        #expect(limit.cut([String(repeating: "z", count: 12), "a", "b"]) == [String(repeating: "z", count: 10), "… (output cut: 2 more characters and 2 more lines)"])
        // A line of exactly the limit is kept whole.
        #expect(limit.cut([String(repeating: "w", count: 10)]) == [String(repeating: "w", count: 10)])
    }

    @Test func aCutLongLineInAJSONBlockKeepsTheNoteInsideTheFence() {
        var output = BlockOutput()
        output.limit = OutputLimit(maxLines: 100, maxCharacters: 8)
        output.appendJSON("\"abcdefghijkl\"")
        #expect(output.render() == "```json\n\"abcdefg\n… (output cut: 6 more characters)\n```")
    }

    @Test func standardLimits() {
        let lines = (1...250).map { "\($0)" }
        let cut = OutputLimit.standard.cut(lines)
        #expect(cut.count == 201)
        #expect(cut.last == "… (output cut: 50 more lines)")
        let wide = Array(repeating: String(repeating: "w", count: 1_000), count: 60)
        #expect(OutputLimit.standard.cut(wide).last == "… (output cut: 10 more lines)")
    }

    @Test func cutTableNoteIsItsOwnParagraph() {
        var output = BlockOutput()
        output.limit = OutputLimit(maxLines: 3, maxCharacters: 1_000)
        output.appendMarkdown("| a |\n|:--|\n| 1 |\n| 2 |")
        #expect(output.render() == "| a |\n|:--|\n| 1 |\n\n… (output cut: 1 more line)")
    }

    @Test func repliesRenderAsARunRecordsThemWithoutAServer() {
        func words(_ line: String) -> [[UInt8]] { line.split(separator: " ").map { Array($0.utf8) } }
        let output = Session.recordedOutput(of: [
            (command: words("GET k"), reply: .bulk(Array("v".utf8))),
            (command: words("JSON.GET k"), reply: .bulk(Array(#"{"a":1}"#.utf8))),
        ])
        #expect(output == "```text\n\"v\"\n```\n\n```json\n{\n  \"a\": 1\n}\n```")

        // As sent, the search asked for scores only to order its rows, so none are shown.
        let search = Reply.array([.integer(1), .bulk(Array("doc:1".utf8)), .bulk(Array("0.5".utf8)), .array([.bulk(Array("name".utf8)), .bulk(Array("x".utf8))])])
        let planned = Session.recordedOutput(of: [(command: words("FT.SEARCH idx *"), reply: search)], planned: true)
        #expect(planned.hasPrefix("Matched: 1\n\n") && planned.contains("doc:1") && !planned.contains("score"))
        #expect(Session.recordedOutput(of: [(command: words("FT.SEARCH idx *"), reply: search)]).hasPrefix("```text"))
    }
}
