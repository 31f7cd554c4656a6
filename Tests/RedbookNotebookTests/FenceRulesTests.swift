@testable import RedbookNotebook
import Testing

/// The CommonMark rules for fenced code blocks, as cmark-gfm (and so GitHub) applies them.
@Suite struct FenceRulesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var markdown: String
        /// Expected fences: (source, closed).
        var fences: [(String, Bool)]
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "three backticks open and close", markdown: "```\n<\n >\n```\n", fences: [("<\n >", true)]),
        Case(rule: "three tildes open and close", markdown: "~~~\nx\n~~~\n", fences: [("x", true)]),
        Case(rule: "two backticks are inline code, not a fence", markdown: "``\nfoo\n``\n", fences: []),
        Case(rule: "a tilde line does not close a backtick fence", markdown: "```\naaa\n~~~\n```\n", fences: [("aaa\n~~~", true)]),
        Case(rule: "a backtick line does not close a tilde fence", markdown: "~~~\naaa\n```\n~~~\n", fences: [("aaa\n```", true)]),
        Case(rule: "a shorter closing fence is content", markdown: "````\naaa\n```\n``````\n", fences: [("aaa\n```", true)]),
        Case(rule: "a shorter tilde run is content", markdown: "~~~~\naaa\n~~~\n~~~~\n", fences: [("aaa\n~~~", true)]),
        Case(rule: "unclosed at the end of the document", markdown: "`````\n\n```\naaa\n", fences: [("\n```\naaa", false)]),
        Case(rule: "unclosed inside a block quote ends with the quote", markdown: "> ```\n> aaa\n\nbbb\n", fences: [("aaa", false)]),
        Case(rule: "blank and space-only content lines are kept", markdown: "```\n\n  \n```\n", fences: [("\n  ", true)]),
        Case(rule: "an empty block", markdown: "```\n```\n", fences: [("", true)]),
        Case(rule: "one space of fence indentation is removed from content", markdown: " ```\n aaa\naaa\n```\n", fences: [("aaa\naaa", true)]),
        Case(rule: "two spaces of fence indentation are removed", markdown: "  ```\naaa\n  aaa\naaa\n  ```\n", fences: [("aaa\naaa\naaa", true)]),
        Case(rule: "only as much indentation as the fence has is removed", markdown: "   ```\n   aaa\n    aaa\n  aaa\n   ```\n", fences: [("aaa\n aaa\naaa", true)]),
        Case(rule: "four spaces make an indented code block, never a fence", markdown: "    ```\n    aaa\n    ```\n", fences: []),
        Case(rule: "a closing fence may be indented up to three spaces", markdown: "```\naaa\n  ```\n", fences: [("aaa", true)]),
        Case(rule: "the closing fence's indentation need not match the opening's", markdown: "   ```\naaa\n  ```\n", fences: [("aaa", true)]),
        Case(rule: "a closing fence indented four spaces is content", markdown: "```\naaa\n    ```\n", fences: [("aaa\n    ```", false)]),
        Case(rule: "a closing fence cannot carry an info string", markdown: "```\naaa\n``` aaa\n", fences: [("aaa\n``` aaa", false)]),
        Case(rule: "a fence cannot contain inner spaces", markdown: "``` ```\naaa\n", fences: []),
        Case(rule: "a tilde run with a space inside does not close", markdown: "~~~~~~\naaa\n~~~ ~~\n", fences: [("aaa\n~~~ ~~", false)]),
        Case(rule: "a fence interrupts a paragraph and needs no blank lines", markdown: "foo\n```\nbar\n```\nbaz\n", fences: [("bar", true)]),
        Case(rule: "a backtick fence's info string may not contain backticks", markdown: "``` aa ```\nfoo\n", fences: []),
        Case(rule: "a tilde fence's info string may contain backticks", markdown: "~~~ aa ``` ~~~\nfoo\n~~~\n", fences: [("foo", true)]),
        Case(rule: "a fence in a list item; content loses the item's indentation", markdown: "- ```redis\n  PING\n  ```\n", fences: [("PING", true)]),
        Case(rule: "a fence in an ordered list item's continuation", markdown: "1. step\n\n   ```redis\n   SET a 1\n   ```\n", fences: [("SET a 1", true)]),
        Case(rule: "a fence in a list inside a block quote", markdown: "> - ```redis\n>   X\n>   ```\n", fences: [("X", true)]),
        Case(rule: "an unclosed fence in a list item ends with the item", markdown: "- ```\n  a\nb\n", fences: [("a", false)]),
        Case(rule: "a fence in a block quote", markdown: "> ~~~~ swift\n> let x\n> ~~~~\n", fences: [("let x", true)]),
        Case(rule: "CRLF line endings are not part of the code", markdown: "```redis\r\nGET a\r\nGET b\r\n```\r\n", fences: [("GET a\nGET b", true)]),
    ]

    @Test(arguments: cases) func fenceRule(_ example: Case) {
        let outline = MarkdownParser.outline(of: SourceText(Array(example.markdown.utf8)))
        #expect(outline.fences.map(\.source) == example.fences.map(\.0))
        #expect(outline.fences.map(\.isClosed) == example.fences.map(\.1))
    }

    @Test func infoStringsAreReadWholeAndTrimmed() {
        let markdown = "```ruby\ndef foo(x)\n```\n\n~~~~    ruby startline=3 $%@#$\nx\n~~~~~~~\n"
        let outline = MarkdownParser.outline(of: SourceText(Array(markdown.utf8)))
        #expect(outline.fences.map(\.info) == ["ruby", "ruby startline=3 $%@#$"])
    }

    @Test func positionsPointAtTheFenceInsideContainers() {
        let markdown = "# t\n\n1. x\n\n   ```redis\n   A\n   ```\n\n> ```redis\n> B\n> ```\n"
        let outline = MarkdownParser.outline(of: SourceText(Array(markdown.utf8)))
        #expect(outline.fences.map(\.line) == [5, 9])
        #expect(outline.fences.map(\.column) == [4, 3])
        #expect(outline.fences.map(\.lastLine) == [7, 11])
    }

    @Test func blockIDsCountBlocksOnlyNotTheInlineNodesOfProse() {
        // Document 0, heading 1, paragraph 2 (its text, emphasis and link are inline), fence 3,
        // marker 4: an inline node that took an id would push both along.
        let markdown = "# A *title*\n\nSome *stressed* and [linked](https://example.com) `code` words.\n\n```redis\nPING\n```\n<!-- redbook:output -->\n"
        let outline = MarkdownParser.outline(of: SourceText(Array(markdown.utf8)))
        #expect(outline.fences.map(\.nodeID) == [3])
        #expect(outline.markers.map(\.nodeID) == [4])
        #expect(outline.markers.map(\.previousSiblingID) == [3])
    }
}
