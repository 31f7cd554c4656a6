import RedbookNotebook
import Testing

/// Mutated notebooks never crash the parser, and whatever parses records and cleans consistently.
@Suite struct NotebookPropertyTests {
    /// A small deterministic generator (xorshift), so every run tries the same notebooks.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    static let seed = """
        # Title\r
        
        - item
        
          ```redis {name=a}
          SET a 1
          ```
          <!-- redbook:output -->
        
          OK
        
          <!-- /redbook:output -->
        
        > ~~~~ swift
        > let x = 1
        > ~~~~
        
        ```redis {skip}
        GET a
        ```
        
            indented
        
        ```json
        {}
        ```
        end
        """

    static let pieces = ["`", "```", "~~~", ">", " ", "   ", "\n", "\r\n", "-", "1. ", "{", "}", "redis", "swift ",
                         "<!-- redbook:output -->\n", "<!-- /redbook:output -->\n", "é", "\t", "{skip}", "\n\n"]

    @Test func mutationsParseOrFailCleanlyAndRecordingIsStable() throws {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        var parsed = 0
        for _ in 0..<2000 {
            var bytes = Array(Self.seed.utf8)
            for _ in 0..<(1 + generator.next(4)) {
                let position = generator.next(bytes.count + 1)
                if generator.next(3) == 0, position < bytes.count {
                    bytes.removeSubrange(position..<min(bytes.count, position + 1 + generator.next(6)))
                } else {
                    bytes.insert(contentsOf: Array(Self.pieces[generator.next(Self.pieces.count)].utf8), at: position)
                }
            }
            let notebook: Notebook
            do {
                notebook = try Notebook(bytes: bytes, name: "m.md")
            } catch {
                #expect(error.line == nil || error.line! >= 1)
                continue
            }
            parsed += 1
            let outputs = Dictionary(uniqueKeysWithValues: notebook.blocks.indices.map { ($0, "out \($0)\n\n| a |\n| - |") })
            let recorded = notebook.recording(outputs)
            let input = String(decoding: bytes, as: UTF8.self).debugDescription
            let reparsed = try #require(try? Notebook(bytes: recorded, name: "m.md"), "recording broke \(input)")
            let stable = reparsed.blocks.count == notebook.blocks.count
                && reparsed.recording(outputs) == recorded
                && reparsed.cleaned() == notebook.cleaned()
            #expect(stable, "recording is not stable for \(input)")
            if !stable { break }
        }
        // The mutations must leave enough valid notebooks for the property to mean something.
        #expect(parsed > 500)
    }
}
