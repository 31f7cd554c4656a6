import RedbookREPL
import Testing

@Suite struct LineEditorInfoTests {
    @Test func theVersionIsMajorDotMinor() {
        let parts = LineEditorInfo.version.split(separator: ".")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { Int($0) != nil })
    }
}
