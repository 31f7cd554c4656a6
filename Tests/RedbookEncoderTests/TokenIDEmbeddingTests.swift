import Foundation
import RedbookTestSupport
import Testing
@testable import RedbookEncoder

/// The forward pass alone, fed the reference token ids, against the reference embeddings.
@Suite struct TokenIDEmbeddingTests {
    static let modelFolder = SharedFixtures.isAvailable ? MiniLM.folder : nil

    @Test(.enabled(if: SharedFixtures.isAvailable && MiniLM.isAvailable))
    func miniLMBikesFromGoldenIDs() throws {
        let model = try EmbeddingModel(directory: MiniLM.folder)
        let golden = try GoldenFile.load(SharedFixtures.url("golden/minilm-bikes.json")).all
        #expect(golden.count == 22)
        let flat = model.embed(golden.map(\.input_ids), batchSize: 32)
        let rows = stride(from: 0, to: flat.count, by: model.dimension).map { Array(flat[$0..<$0 + model.dimension]) }
        expectExact(rows, golden)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["tiny-bert", "tiny-distilbert"])
    func tinyModelFromGoldenIDs(name: String) throws {
        let model = try EmbeddingModel(directory: SharedFixtures.url("golden/\(name)"))
        let golden = try GoldenFile.load(SharedFixtures.url("golden/\(name)/golden.json")).all
        #expect(golden.count == 20)
        let flat = model.embed(golden.map(\.input_ids), batchSize: 32)
        let rows = stride(from: 0, to: flat.count, by: model.dimension).map { Array(flat[$0..<$0 + model.dimension]) }
        expectExact(rows, golden)
    }
}
