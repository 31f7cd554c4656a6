import Foundation
import RedbookEncoder
import RedbookTestSupport
import Testing

/// The opt-in bfloat16 path against sentence-transformers' float32 output: what the rounding costs.
///
/// Measured on 2026-12-04: all-MiniLM-L6-v2's cosine to the reference at least 0.99997 and its
/// largest difference 1.1e-3 (unit vectors); the tiny test models at least 0.99998 and 8.5e-3 (one
/// of them not normalized). The bars leave three times that room in 1 − cosine, far looser than the
/// float32 paths' 0.99999, and still fail a product that is wrong rather than rounded.
@Suite(.enabled(if: MatrixPath.bfloat16.runnable == .bfloat16))
struct BFloat16EmbeddingTests {
    static let minimumCosine = 0.9999

    private func expectClose(
        _ embeddings: [[Float]], _ golden: [GoldenSentence], maximumDifference: Double = 0.005,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(embeddings.count == golden.count, sourceLocation: sourceLocation)
        for (embedding, sentence) in zip(embeddings, golden) {
            let closeness = Closeness(embedding, sentence.embedding)
            #expect(closeness.cosine >= Self.minimumCosine && closeness.maxDifference <= maximumDifference,
                    "\(sentence.text.prefix(40)): \(closeness)", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable && MiniLM.isAvailable))
    func miniLMBikesAndQueries() throws {
        let encoder = try SentenceEncoder(directory: MiniLM.folder, matrixPath: .bfloat16)
        #expect(encoder.matrixPath == .bfloat16)
        #expect(encoder.matrixDescription.hasPrefix("bfloat16"))
        let file = try GoldenFile.load(SharedFixtures.url("golden/minilm-bikes.json"))
        let golden = file.all
        let together = encoder.embed(golden.map(\.text))
        expectClose(together, golden)
        // A query alone takes the same kernel as in a batch; only attention's float32 library differs,
        // and a value that lands on the other side of a rounding step moves the rest by a bfloat16 step.
        for (index, sentence) in golden.enumerated() where sentence.input_ids.count <= 32 {
            let alone = encoder.embed([sentence.text])[0]
            #expect(Closeness(alone, together[index].map(Double.init)).cosine >= Self.minimumCosine, "\(sentence.text.prefix(40))")
        }
    }

    @Test(.enabled(if: MiniLM.isAvailable))
    func ownFixtures() throws {
        let encoder = try SentenceEncoder(directory: MiniLM.folder, matrixPath: .bfloat16)
        let golden = try GoldenFile.load(PackageRoot.url("Tests/RedbookEncoderTests/Fixtures/minilm-own.json")).all
        expectClose(encoder.embed(golden.map(\.text)), golden)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["tiny-bert", "tiny-distilbert"])
    func tinyModels(name: String) throws {
        let encoder = try SentenceEncoder(directory: SharedFixtures.url("golden/\(name)"), matrixPath: .bfloat16)
        let golden = try GoldenFile.load(SharedFixtures.url("golden/\(name)/golden.json")).all
        expectClose(encoder.embed(golden.map(\.text)), golden, maximumDifference: 0.02)
    }
}
