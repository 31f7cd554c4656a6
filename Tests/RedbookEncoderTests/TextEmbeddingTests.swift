import Foundation
import RedbookEncoder
import RedbookTestSupport
import Testing

/// Text in, embeddings out, through the public API, against sentence-transformers' output.
@Suite struct TextEmbeddingTests {
    @Test(.enabled(if: SharedFixtures.isAvailable && MiniLM.isAvailable), arguments: MatrixPath.float32Paths)
    func miniLMBikesFromText(path: MatrixPath) throws {
        let encoder = try SentenceEncoder(directory: MiniLM.folder, matrixPath: path)
        #expect(encoder.matrixPath == path)
        #expect(encoder.dimension == 384)
        #expect(encoder.maxSequenceLength == 256)
        #expect(encoder.modelName == "all-MiniLM-L6-v2")
        let golden = try GoldenFile.load(SharedFixtures.url("golden/minilm-bikes.json")).all
        for sentence in golden {
            #expect(encoder.tokenIDs(sentence.text) == sentence.input_ids, "\(sentence.text.prefix(40))")
        }
        expectExact(encoder.embed(golden.map(\.text)), golden)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable && MiniLM.isAvailable), arguments: MatrixPath.float32Paths)
    func miniLMQueriesOneAtATime(path: MatrixPath) throws {
        // A lone short query takes the matrix-vector path and splits its products over the cores.
        let encoder = try SentenceEncoder(directory: MiniLM.folder, matrixPath: path)
        let queries = try #require(GoldenFile.load(SharedFixtures.url("golden/minilm-bikes.json")).queries)
        #expect(queries.contains { $0.input_ids.count <= 8 })
        for query in queries {
            expectExact(encoder.embed([query.text]), [query])
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["tiny-bert", "tiny-distilbert"], MatrixPath.float32Paths)
    func tinyModelsFromText(name: String, path: MatrixPath) throws {
        let encoder = try SentenceEncoder(directory: SharedFixtures.url("golden/\(name)"), matrixPath: path)
        #expect(encoder.dimension == 32)
        #expect(encoder.maxSequenceLength == 64)
        #expect(encoder.normalizes == (name == "tiny-bert"))
        let golden = try GoldenFile.load(SharedFixtures.url("golden/\(name)/golden.json")).all
        expectExact(encoder.embed(golden.map(\.text)), golden)
    }

    @Test(.enabled(if: MiniLM.isAvailable), arguments: MatrixPath.float32Paths)
    func ownFixturesFromTextAndIDs(path: MatrixPath) throws {
        let encoder = try SentenceEncoder(directory: MiniLM.folder, matrixPath: path)
        let golden = try GoldenFile.load(PackageRoot.url("Tests/RedbookEncoderTests/Fixtures/minilm-own.json")).all
        #expect(golden.count >= 15)
        #expect(golden.contains { $0.input_ids.count == 256 }, "one sentence must be truncated")
        expectExact(try encoder.embed(tokenIDs: golden.map(\.input_ids)), golden)
        expectExact(encoder.embed(golden.map(\.text)), golden)
    }

    @Test(.enabled(if: MiniLM.isAvailable))
    func ownFixturesOneAtATime() throws {
        // Up to 32 tokens a lone text takes the short-query kernel, split over the worker pool.
        let encoder = try SentenceEncoder(directory: MiniLM.folder)
        let golden = try GoldenFile.load(PackageRoot.url("Tests/RedbookEncoderTests/Fixtures/minilm-own.json")).all
        let short = golden.filter { $0.input_ids.count <= 32 }
        #expect(short.count >= 5)
        #expect(short.contains { $0.input_ids.count % 4 != 0 && $0.input_ids.count > 8 })
        for sentence in short {
            expectExact(encoder.embed([sentence.text]), [sentence])
        }
    }

    @Test(.enabled(if: MiniLM.isAvailable))
    func concurrentCallersGetTheSameVectorsAsOneCaller() throws {
        let encoder = try SentenceEncoder(directory: MiniLM.folder, batchSize: 4)
        let texts = (0..<24).map { "Bike number \($0) has \(String(repeating: "very ", count: $0 % 7))wide tyres" }
        let expected = encoder.embed(texts)
        let results = ResultBox(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { caller in
            results.set(caller, encoder.embed(texts))
        }
        for caller in 0..<4 { #expect(results.get(caller) == expected) }
        // One text alone takes the single-query path; it must agree with the batched result.
        let single = encoder.embed([texts[5]])[0]
        #expect(Closeness(single, expected[5].map(Double.init)).maxDifference < 1e-6)
        #expect(encoder.embed([]).isEmpty)
    }

    /// Few batches are re-cut by token count (9 texts in batches of 4 make 3 batches, re-cut into
    /// 4 or more parts); every text must still come back once, in its place, as if encoded alone.
    @Test(.enabled(if: MiniLM.isAvailable), arguments: [9, 5, 2])
    func fewBatchesAreRecutWithoutLosingOrMovingAText(count: Int) throws {
        let encoder = try SentenceEncoder(directory: MiniLM.folder, batchSize: 4)
        let texts = (0..<count).map { index in
            "Text \(index): " + String(repeating: "a long and winding road ", count: index % 3 == 0 ? 12 : 1)
        }
        let together = encoder.embed(texts)
        #expect(together.count == count)
        for (index, text) in texts.enumerated() {
            let alone = encoder.embed([text])[0]
            #expect(together[index].count == alone.count)
            #expect(Closeness(alone, together[index].map(Double.init)).maxDifference < 1e-5, "text \(index)")
        }
    }
}

/// Results written by concurrent callers, each into its own slot.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[[Float]]]

    init(count: Int) {
        values = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ value: [[Float]]) {
        lock.withLock { values[index] = value }
    }

    func get(_ index: Int) -> [[Float]] {
        lock.withLock { values[index] }
    }
}
