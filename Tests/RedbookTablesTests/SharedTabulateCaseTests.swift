import Foundation
import RedbookTables
import RedbookTestSupport
import Testing

/// The reference cases in ../shared/golden/tabulate-cases.
@Suite struct SharedTabulateCaseTests {
    static var cases: [TableFixtures.Case] {
        guard SharedFixtures.isAvailable else { return [] }
        return TableFixtures.cases(inIndex: SharedFixtures.url("golden/tabulate-cases/index.json"))
    }

    private func rows(_ name: String) throws -> Data {
        try SharedFixtures.data("golden/tabulate-cases/\(name).json")
    }

    private func expected(_ name: String) throws -> String {
        String(decoding: try SharedFixtures.data("golden/tabulate-cases/\(name).md"), as: UTF8.self)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable))
    func allCasesListed() {
        #expect(Self.cases.count == 17)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: cases)
    func rendersLikePandas(_ fixture: TableFixtures.Case) throws {
        let table = try MarkdownTable(jsonRows: try rows(fixture.name), source: fixture.name)
        #expect(table.columns == fixture.columns)
        let golden = try expected(fixture.name)
        let rendered = table.render()
        let texts = table.rows.flatMap { $0 }.compactMap { cell -> String? in
            if case .text(let text) = cell { return text }
            return nil
        }
        for line in rendered.split(separator: "\n") {
            // Every line keeps the table's shape: one unescaped `|` per column edge.
            let bars = line.filter { $0 == "|" }.count - line.components(separatedBy: "\\|").count + 1
            #expect(bars == table.columns.count + 1, "\(line)")
        }
        if texts.contains(where: { $0.contains("\n") || $0.contains("\r") }) {
            // A line break in a cell: pandas starts a new table line, Redbook writes <br>. The
            // alignment row's first column and the row count stay pandas'.
            let goldenLines = golden.split(separator: "\n").map(String.init)
            let renderedLines = rendered.split(separator: "\n").map(String.init)
            #expect(renderedLines.count == table.rows.count + 2)
            #expect(renderedLines[1].split(separator: "|").first == goldenLines[1].split(separator: "|").first)
            #expect(rendered.contains("<br>"))
        } else if texts.contains(where: { $0.contains("|") }) {
            // A `|` in a cell: pandas leaves it bare. With a same-width stand-in the layout must
            // match pandas exactly; the real rendering differs only by the escape.
            let swapped = MarkdownTable(columns: table.columns, rows: table.rows.map { row in
                row.map { cell in
                    if case .text(let text) = cell { return .text(text.replacingOccurrences(of: "|", with: "¦")) }
                    return cell
                }
            })
            #expect(swapped.render().replacingOccurrences(of: "¦", with: "|") == golden)
            #expect(rendered.contains("\\|"))
        } else {
            #expect(rendered == golden, "\(fixture.name):\n\(rendered)\n--- pandas:\n\(golden)")
        }
    }
}
