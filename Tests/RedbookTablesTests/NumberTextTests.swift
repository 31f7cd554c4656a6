@testable import RedbookTables
import Testing

/// tabulate's typing of text cells and Python's `strip()`, recorded from tabulate itself.
@Suite struct NumberTextTests {
    @Test func matchesTabulateTyping() throws {
        let samples = try TableFixtures.jsonArray("strings.json")
        #expect(samples.count > 50)
        for sample in samples {
            let text = try #require(sample["text"] as? String)
            let expectedKind: TabulateColumn.Kind? = switch sample["type"] as? String {
            case "NoneType": TabulateColumn.Kind.none
            case "bool": .bool
            case "int": .int
            case "float": .float
            case "str": .text
            default: nil
            }
            #expect(TabulateColumn.kind(of: .text(text)) == expectedKind, "\(text.debugDescription)")
            #expect(PythonNumberText.afterPoint(text) == sample["afterpoint"] as? Int, "\(text.debugDescription)")
            #expect(PythonText.strip(text) == sample["strip"] as? String, "\(text.debugDescription)")
        }
    }
}
