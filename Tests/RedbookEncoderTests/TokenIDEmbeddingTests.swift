import Foundation
import RedbookTestSupport
import Testing
@testable import RedbookEncoder

/// The forward pass alone, fed the reference token ids, against the reference embeddings, through
/// both matrix paths (so a machine without AVX-512 is covered by the AVX2 one).
@Suite struct TokenIDEmbeddingTests {
    static let modelFolder = SharedFixtures.isAvailable ? MiniLM.folder : nil

    @Test(.enabled(if: SharedFixtures.isAvailable && MiniLM.isAvailable), arguments: MatrixPath.float32Paths)
    func miniLMBikesFromGoldenIDs(path: MatrixPath) throws {
        let model = try EmbeddingModel(directory: MiniLM.folder, matrixPath: path)
        let golden = try GoldenFile.load(SharedFixtures.url("golden/minilm-bikes.json")).all
        #expect(golden.count == 22)
        let flat = model.embed(golden.map(\.input_ids), batchSize: 32)
        let rows = stride(from: 0, to: flat.count, by: model.dimension).map { Array(flat[$0..<$0 + model.dimension]) }
        expectExact(rows, golden)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["tiny-bert", "tiny-distilbert"], MatrixPath.float32Paths)
    func tinyModelFromGoldenIDs(name: String, path: MatrixPath) throws {
        let model = try EmbeddingModel(directory: SharedFixtures.url("golden/\(name)"), matrixPath: path)
        let golden = try GoldenFile.load(SharedFixtures.url("golden/\(name)/golden.json")).all
        #expect(golden.count == 20)
        let flat = model.embed(golden.map(\.input_ids), batchSize: 32)
        let rows = stride(from: 0, to: flat.count, by: model.dimension).map { Array(flat[$0..<$0 + model.dimension]) }
        expectExact(rows, golden)
    }
}
