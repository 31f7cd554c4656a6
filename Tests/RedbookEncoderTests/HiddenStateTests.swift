import Foundation
import RedbookTestSupport
import Testing
@testable import RedbookEncoder

/// The transformer's last hidden state, token by token, before pooling.
@Suite struct HiddenStateTests {
    private struct DebugFile: Decodable {
        struct Example: Decodable {
            var input_ids: [Int32]
            var hidden_states: [[[Double]]]
            var mean_pooled_unnormalized: [Double]
        }
        var example: Example
    }

    /// Runs the forward pass alone and returns one row per token.
    private func lastHiddenState(_ model: EmbeddingModel, _ ids: [Int32]) -> [[Float]] {
        let workspace = Workspace(configuration: model.configuration)
        model.transformer.forward([ids], workspace: workspace, parallelism: .serial)
        let width = model.configuration.hiddenSize
        return (0..<ids.count).map { row in
            Array(UnsafeBufferPointer(start: workspace.hidden.pointer + row * width, count: width))
        }
    }

    private func expectClose(_ actual: [[Float]], _ expected: [[Double]], _ label: String) {
        #expect(actual.count == expected.count, "\(label)")
        for (index, (row, reference)) in zip(actual, expected).enumerated() {
            let closeness = Closeness(row, reference)
            // Hidden values reach about ±10, so allow a little more than for unit-length embeddings.
            #expect(closeness.cosine >= 0.99999 && closeness.maxDifference <= 5e-4, "\(label) token \(index): \(closeness)")
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable && MiniLM.isAvailable), arguments: MatrixPath.float32Paths)
    func miniLMLastLayerAndMeanPool(path: MatrixPath) throws {
        let model = try EmbeddingModel(directory: MiniLM.folder, matrixPath: path)
        let debug = try JSONDecoder().decode(DebugFile.self, from: SharedFixtures.data("golden/minilm-debug-hidden-states.json")).example
        let hidden = lastHiddenState(model, debug.input_ids)
        expectClose(hidden, try #require(debug.hidden_states.last), "MiniLM layer 6")
        let mean = (0..<model.configuration.hiddenSize).map { column in
            hidden.reduce(Float(0)) { $0 + $1[column] } / Float(hidden.count)
        }
        #expect(Closeness(mean, debug.mean_pooled_unnormalized).isExact)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["tiny-bert", "tiny-distilbert"], MatrixPath.float32Paths)
    func tinyModelTokenVectors(name: String, path: MatrixPath) throws {
        let model = try EmbeddingModel(directory: SharedFixtures.url("golden/\(name)"), matrixPath: path)
        let golden = try GoldenFile.load(SharedFixtures.url("golden/\(name)/golden.json")).all
        let withTokens = golden.filter { $0.token_embeddings != nil }
        #expect(withTokens.count == 3)
        for sentence in withTokens {
            expectClose(lastHiddenState(model, sentence.input_ids), try #require(sentence.token_embeddings), "\(name) \(sentence.text)")
        }
    }
}
