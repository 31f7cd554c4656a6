import Foundation

/// The transformer's shape, read from config.json.
struct ModelConfiguration: Sendable, Equatable {
    enum Architecture: String, Sendable {
        case bert, distilbert
    }

    var architecture: Architecture
    var vocabularySize: Int
    var hiddenSize: Int
    var layerCount: Int
    var headCount: Int
    var intermediateSize: Int
    var maxPositions: Int
    var typeVocabularySize: Int
    var layerNormEpsilon: Float
    /// DistilBERT only: positions are the fixed sinusoids (still stored in the checkpoint when saved).
    var sinusoidalPositions: Bool

    var headSize: Int { hiddenSize / headCount }

    /// Reads and checks config.json.
    ///
    /// - Throws: ``EncoderError/unsupported(path:reason:)`` for other architectures, activations or
    ///   position embeddings; ``EncoderError/invalidFile(path:reason:)`` for missing or inconsistent sizes.
    init(url: URL) throws(EncoderError) {
        let raw = try JSONDiagnostics.load(RawConfig.self, from: url)
        let path = url.path
        guard let modelType = raw.model_type else {
            throw .invalidFile(path: path, reason: "no model_type; expected \"bert\" or \"distilbert\"")
        }
        guard let architecture = Architecture(rawValue: modelType) else {
            throw .unsupported(path: path, reason: "model_type '\(modelType)'; this encoder runs \"bert\" and \"distilbert\" models")
        }
        func require(_ value: Int?, _ key: String) throws(EncoderError) -> Int {
            guard let value, value > 0 else { throw .invalidFile(path: path, reason: "\(key) is missing or not positive") }
            return value
        }
        self.architecture = architecture
        switch architecture {
        case .bert:
            hiddenSize = try require(raw.hidden_size, "hidden_size")
            layerCount = try require(raw.num_hidden_layers, "num_hidden_layers")
            headCount = try require(raw.num_attention_heads, "num_attention_heads")
            intermediateSize = try require(raw.intermediate_size, "intermediate_size")
            typeVocabularySize = raw.type_vocab_size ?? 2
            layerNormEpsilon = Float(raw.layer_norm_eps ?? 1e-12)
            sinusoidalPositions = false
            let activation = raw.hidden_act ?? "gelu"
            guard activation == "gelu" else {
                throw .unsupported(path: path, reason: "hidden_act '\(activation)'; only the exact \"gelu\" is implemented")
            }
            let positions = raw.position_embedding_type ?? "absolute"
            guard positions == "absolute" else {
                throw .unsupported(path: path, reason: "position_embedding_type '\(positions)'; only \"absolute\" is implemented")
            }
        case .distilbert:
            hiddenSize = try require(raw.dim, "dim")
            layerCount = try require(raw.n_layers, "n_layers")
            headCount = try require(raw.n_heads, "n_heads")
            intermediateSize = try require(raw.hidden_dim, "hidden_dim")
            typeVocabularySize = 0
            // DistilBERT's LayerNorms are built with a fixed eps of 1e-12.
            layerNormEpsilon = 1e-12
            sinusoidalPositions = raw.sinusoidal_pos_embds ?? false
            let activation = raw.activation ?? "gelu"
            guard activation == "gelu" else {
                throw .unsupported(path: path, reason: "activation '\(activation)'; only the exact \"gelu\" is implemented")
            }
        }
        vocabularySize = try require(raw.vocab_size, "vocab_size")
        maxPositions = try require(raw.max_position_embeddings, "max_position_embeddings")
        guard hiddenSize % headCount == 0 else {
            throw .invalidFile(path: path, reason: "hidden size \(hiddenSize) is not a multiple of the \(headCount) attention heads")
        }
    }
}

// Field names follow config.json exactly.
private struct RawConfig: Decodable {
    var model_type: String?
    var vocab_size: Int?
    var max_position_embeddings: Int?
    // BERT
    var hidden_size: Int?
    var num_hidden_layers: Int?
    var num_attention_heads: Int?
    var intermediate_size: Int?
    var type_vocab_size: Int?
    var layer_norm_eps: Double?
    var hidden_act: String?
    var position_embedding_type: String?
    // DistilBERT
    var dim: Int?
    var n_layers: Int?
    var n_heads: Int?
    var hidden_dim: Int?
    var activation: String?
    var sinusoidal_pos_embds: Bool?
}
