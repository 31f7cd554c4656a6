import Foundation
import RedbookTables
import Testing

/// Every case the fixture script rendered with pandas 3.1.1 and tabulate 0.10.0.
@Suite struct OwnFixtureTests {
    @Test func fixturesArePresent() {
        #expect(TableFixtures.ownCases.count >= 30)
    }

    @Test(arguments: TableFixtures.ownCases)
    func rendersLikePandas(_ fixture: TableFixtures.Case) throws {
        let table = try MarkdownTable(jsonRows: try TableFixtures.data("\(fixture.name).json"), source: fixture.name)
        #expect(table.columns == fixture.columns)
        let expected = try TableFixtures.text("\(fixture.name).md")
        let rendered = table.render()
        #expect(rendered == expected, "\(fixture.name):\n\(rendered)\n--- pandas:\n\(expected)")
    }
}
