import RedbookTables
import Testing

/// The Swift API: rows built in code, as the notebook runner builds FT.SEARCH tables.
@Suite struct MarkdownTableTests {
    @Test func searchReplyCellsAsText() {
        // Every cell arrives from Redis as text; numeric text is right-aligned and re-formatted.
        let table = MarkdownTable(columns: ["id", "vector_score", "brand"], rows: [
            [.text("bikes:003"), .text("0.463398098946"), .text("Nord")],
            [.text("bikes:010"), .text("0.54"), .text("nHill")],
        ])
        #expect(table.render() == """
            | id        |   vector_score | brand   |
            |:----------|---------------:|:--------|
            | bikes:003 |       0.463398 | Nord    |
            | bikes:010 |       0.54     | nHill   |
            """)
    }

    @Test func shortRowsArePaddedLongRowsCut() {
        let table = MarkdownTable(columns: ["a", "b"], rows: [[.text("x")], [.text("y"), .text("z"), .integer(1)]])
        #expect(table.rows.map(\.count) == [2, 2])
        #expect(table.render().hasSuffix("| y   | z   |"))
        #expect(table.render().contains("| x   | nan |"))
    }

    @Test func columnsWithoutRows() {
        #expect(MarkdownTable(columns: ["a", "bb"], rows: []).render() == "| a   | bb   |\n|-----|------|")
        #expect(MarkdownTable(columns: [], rows: [[.integer(1)]]).render() == "")
    }

    @Test func pipesAndLineBreaksAreEscaped() {
        let table = MarkdownTable(columns: ["a|b"], rows: [[.text(" x|y\r\nz ")]])
        // Stripped first, then escaped; the escaped text sets the width (9 scalars here).
        #expect(table.render() == "| a\\|b      |\n|:----------|\n| x\\|y<br>z |")
    }

    @Test func outputGrowsLinearly() {
        // A large table renders whole, with every row present and the same width.
        let rows = (0..<20_000).map { [Cell.text("bikes:\($0)"), .double(Double($0) / 7)] }
        let lines = MarkdownTable(columns: ["id", "score"], rows: rows).render().split(separator: "\n")
        #expect(lines.count == 20_002)
        #expect(Set(lines.map { $0.unicodeScalars.count }).count == 1)
    }
}
