import RedbookNotebook
import Testing

@Suite struct LineDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldLabel: "x", newLabel: "y").isEmpty)
    }

    @Test func oneChangedLineWithContext() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
        #expect(LineDiff.unified(old: old, new: new, oldLabel: "a.md", newLabel: "b.md") == """
            --- a.md
            +++ b.md
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8

            """)
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingFirst("2\n", with: "two\n").replacingFirst("\n19\n", with: "\n19\nextra\n")
        let diff = LineDiff.unified(old: old, new: new, oldLabel: "a", newLabel: "b")
        #expect(diff == """
            --- a
            +++ b
            @@ -1,5 +1,5 @@
             1
            -2
            +two
             3
             4
             5
            @@ -17,4 +17,5 @@
             17
             18
             19
            +extra
             20

            """)
    }

    @Test func insertionIntoAnEmptyText() {
        #expect(LineDiff.unified(old: "", new: "x\n", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n")
    }
}
