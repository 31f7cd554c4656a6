import RedbookRedis
@testable import RedbookSession
import RedbookTestSupport
import Testing

/// Long arrays of numbers (embeddings stored as JSON) are summarised like vectors.
@Suite struct NumberArraySummaryTests {
    private func numbers(_ count: Int) -> [String] {
        (0..<count).map { "\(Double($0) / 1000 - 0.25)" }
    }

    /// How a summary shows a fraction: four decimals (these test numbers have no ties to round).
    private func shown(_ text: some StringProtocol) -> String {
        String(format: "%.4f", Double(String(text))!)
    }

    @Test func arraysOfMoreThanSixteenNumbersAreSummarised() {
        let long = numbers(17)
        #expect(JSONPrettyPrinter.format(Array("[\(long.joined(separator: ","))]".utf8)) == "[\(shown(long[0])), \(shown(long[1])), … ] (17 values)")
        let short = numbers(16)
        let whole = JSONPrettyPrinter.format(Array("[\(short.joined(separator: ","))]".utf8))
        #expect(whole == "[\n" + short.map { "  " + $0 }.joined(separator: ",\n") + "\n]")
    }

    @Test func numbersInTheSummaryAreCopiedAsWritten() {
        let text = "[ 1E+5 , -0.012345678901234567 ," + Array(repeating: "0", count: 20).joined(separator: ",") + "]"
        #expect(JSONPrettyPrinter.format(Array(text.utf8)) == "[100000.0000, -0.0123, … ] (22 values)")
    }

    @Test func arraysWithAnythingButNumbersPrintWhole() {
        let mixed = numbers(20) + ["\"x\""]
        let formatted = JSONPrettyPrinter.format(Array("[\(mixed.joined(separator: ","))]".utf8))
        #expect(formatted?.split(separator: "\n").count == 23)
        let nested = "[" + Array(repeating: "[1]", count: 20).joined(separator: ",") + "]"
        #expect(JSONPrettyPrinter.format(Array(nested.utf8))?.contains("values") == false)
    }

    @Test func anEmbeddingInsideADocumentIsSummarisedInPlace() {
        let embedding = numbers(384)
        let document = #"{"name":"a","embedding":[\#(embedding.joined(separator: ","))],"tags":[1,2]}"#
        #expect(JSONPrettyPrinter.format(Array(document.utf8)) == """
            {
              "name": "a",
              "embedding": [\(shown(embedding[0])), \(shown(embedding[1])), … ] (384 values),
              "tags": [
                1,
                2
              ]
            }
            """)
        // A table cell keeps the text as written, only the long array shortened (and its two numbers rounded).
        #expect(JSONPrettyPrinter.compact(Array(document.utf8)) == #"{"name":"a","embedding":[\#(shown(embedding[0])), \#(shown(embedding[1])), … ] (384 values),"tags":[1,2]}"#)
        #expect(JSONPrettyPrinter.compact(Array(#"{"a": [1, 2]}"#.utf8)) == #"{"a": [1, 2]}"#)
        #expect(JSONPrettyPrinter.compact(Array("plain text".utf8)) == nil)
        #expect(JSONPrettyPrinter.compact(Array("[1,".utf8)) == nil)
    }

    @Test func jsonGetAndMGetOfAStoredEmbedding() throws {
        let key = TestRedis.uniqueName("emb")
        let embedding = numbers(384)
        let session = Session(connection: try TestRedis.connection())
        let outcome = session.run(Block(language: .redis, source: """
            JSON.SET \(key) $ '{"name":"a","embedding":[\(embedding.joined(separator: ","))]}'
            JSON.GET \(key) $.embedding
            JSON.MGET \(key) \(key):none $.embedding
            """))
        #expect(outcome.failure == nil)
        // The server writes each number in its own shortest form; the summary rounds it to four decimals.
        let stored = try #require(try session.connection.call("JSON.GET", key, "$.embedding[0:2]").string)
        let firstTwo = stored.dropFirst().dropLast().split(separator: ",").map { shown($0) }.joined(separator: ", ")
        #expect(outcome.output == """
            ```text
            OK
            ```

            ```json
            [
              [\(firstTwo), … ] (384 values)
            ]
            ```

            ```json
            [
              [
                [\(firstTwo), … ] (384 values)
              ],
              null
            ]
            ```
            """)
    }

    @Test func searchCellsSummariseEmbeddingsAndNeverReadJSONTextAsFloat32() throws {
        let p = TestRedis.uniqueName("jvec")
        let connection = try TestRedis.connection()
        let embedding = numbers(20)
        _ = try connection.call("JSON.SET", "\(p):1", "$", #"{"embedding":[\#(embedding.joined(separator: ","))],"small":[0.5,0.15,0.25,0.35]}"#)
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON JSON PREFIX 1 \(p): SCHEMA $.embedding AS embedding VECTOR FLAT 6 TYPE FLOAT32 DIM 20 DISTANCE_METRIC L2 $.small AS small VECTOR FLAT 6 TYPE FLOAT32 DIM 4 DISTANCE_METRIC L2
            FT.SEARCH \(p):idx * RETURN 2 embedding small
            FT.SEARCH \(p):idx *
            """))
        #expect(outcome.failure == nil)
        let summary = "[\(shown(embedding[0])), \(shown(embedding[1])), … ] (20 values)"
        let rows = outcome.output.split(separator: "\n").filter { $0.hasPrefix("| \(p):1") }
        #expect(rows.count == 2)
        // `[0.5,0.15,0.25,0.35]` is 20 bytes of text in a VECTOR field: still JSON, not four floats.
        #expect(rows.first?.contains(summary) == true && rows.first?.contains("[0.5,0.15,0.25,0.35]") == true)
        #expect(rows.last?.contains(#"{"embedding":\#(summary),"small":[0.5,0.15,0.25,0.35]}"#) == true)
        #expect(!outcome.output.contains("dims"))
    }
}
