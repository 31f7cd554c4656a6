import Foundation

/// The weights of one encoder layer, in the order the forward pass uses them.
///
/// Linear weights keep PyTorch's [out, in] layout; query, key and value are stacked into one
/// [3 × hidden, hidden] matrix so a single matrix product computes all three.
struct LayerWeights: Sendable {
    var qkvWeight: Tensor
    var qkvBias: Tensor
    var attentionOutWeight: Tensor
    var attentionOutBias: Tensor
    var attentionNormWeight: Tensor
    var attentionNormBias: Tensor
    var intermediateWeight: Tensor
    var intermediateBias: Tensor
    var outputWeight: Tensor
    var outputBias: Tensor
    var outputNormWeight: Tensor
    var outputNormBias: Tensor
}

/// Everything the forward pass reads from model.safetensors.
struct TransformerWeights: Sendable {
    var wordEmbeddings: Tensor
    var positionEmbeddings: Tensor
    /// BERT's token type 0 row, added to every token; nil for DistilBERT.
    var tokenTypeEmbedding: Tensor?
    var embeddingNormWeight: Tensor
    var embeddingNormBias: Tensor
    var layers: [LayerWeights]

    /// Loads the tensors `configuration` needs, whatever prefix the checkpoint gives them.
    init(file: SafeTensorsFile, configuration: ModelConfiguration) throws(EncoderError) {
        let names = WeightNames(architecture: configuration.architecture)
        let prefix = try Self.detectPrefix(file: file, names: names)
        let hidden = configuration.hiddenSize
        let intermediate = configuration.intermediateSize
        func load(_ name: String, _ shape: [Int]) throws(EncoderError) -> Tensor {
            try file.tensor(prefix + name, shape: shape)
        }
        wordEmbeddings = try load(names.word, [configuration.vocabularySize, hidden])
        if file.contains(prefix + names.position) {
            positionEmbeddings = try load(names.position, [configuration.maxPositions, hidden])
        } else if configuration.sinusoidalPositions {
            positionEmbeddings = Self.sinusoids(positions: configuration.maxPositions, width: hidden)
        } else {
            throw .invalidFile(path: file.path, reason: "tensor '\(prefix + names.position)' is missing")
        }
        if let tokenType = names.tokenType {
            let table = try load(tokenType, [configuration.typeVocabularySize, hidden])
            tokenTypeEmbedding = Tensor(name: table.name, shape: [hidden], values: table.values(prefix: hidden))
        }
        embeddingNormWeight = try load(names.embeddingNorm + ".weight", [hidden])
        embeddingNormBias = try load(names.embeddingNorm + ".bias", [hidden])

        var layers: [LayerWeights] = []
        for index in 0..<configuration.layerCount {
            let layer = prefix + names.layer + "\(index)."
            func part(_ name: String, _ shape: [Int]) throws(EncoderError) -> Tensor {
                try file.tensor(layer + name, shape: shape)
            }
            let query = try part(names.query + ".weight", [hidden, hidden])
            let key = try part(names.key + ".weight", [hidden, hidden])
            let value = try part(names.value + ".weight", [hidden, hidden])
            let queryBias = try part(names.query + ".bias", [hidden])
            let keyBias = try part(names.key + ".bias", [hidden])
            let valueBias = try part(names.value + ".bias", [hidden])
            layers.append(LayerWeights(
                qkvWeight: Self.stack([query, key, value], name: layer + "qkv.weight", shape: [3 * hidden, hidden]),
                qkvBias: Self.stack([queryBias, keyBias, valueBias], name: layer + "qkv.bias", shape: [3 * hidden]),
                attentionOutWeight: try part(names.attentionOut + ".weight", [hidden, hidden]),
                attentionOutBias: try part(names.attentionOut + ".bias", [hidden]),
                attentionNormWeight: try part(names.attentionNorm + ".weight", [hidden]),
                attentionNormBias: try part(names.attentionNorm + ".bias", [hidden]),
                intermediateWeight: try part(names.intermediate + ".weight", [intermediate, hidden]),
                intermediateBias: try part(names.intermediate + ".bias", [intermediate]),
                outputWeight: try part(names.output + ".weight", [hidden, intermediate]),
                outputBias: try part(names.output + ".bias", [hidden]),
                outputNormWeight: try part(names.outputNorm + ".weight", [hidden]),
                outputNormBias: try part(names.outputNorm + ".bias", [hidden])
            ))
        }
        self.layers = layers
    }

    /// Checkpoints name tensors with or without the architecture's prefix ("bert.", "distilbert.").
    private static func detectPrefix(file: SafeTensorsFile, names: WeightNames) throws(EncoderError) -> String {
        let candidates = file.entries.keys.filter { $0.hasSuffix(names.word) }
            .map { String($0.dropLast(names.word.count)) }
            .filter { $0.isEmpty || $0.hasSuffix(".") }
            .sorted { $0.count < $1.count }
        guard let prefix = candidates.first else {
            throw .invalidFile(path: file.path, reason: "no tensor named '\(names.word)' (with or without a prefix such as '\(names.architecturePrefix)'); is this a \(names.architecturePrefix.dropLast()) checkpoint?")
        }
        return prefix
    }

    private static func stack(_ parts: [Tensor], name: String, shape: [Int]) -> Tensor {
        let total = parts.reduce(0) { $0 + $1.count }
        let buffer = FloatBuffer(count: total)
        var offset = 0
        for part in parts {
            (buffer.pointer + offset).update(from: part.pointer, count: part.count)
            offset += part.count
        }
        return Tensor(name: name, shape: shape, pointer: UnsafePointer(buffer.pointer), owner: buffer)
    }

    /// DistilBERT's fixed position table: sin on even columns, cos on odd ones.
    private static func sinusoids(positions: Int, width: Int) -> Tensor {
        var values = [Float](repeating: 0, count: positions * width)
        for position in 0..<positions {
            for column in 0..<width {
                let angle = Double(position) / pow(10_000, Double(2 * (column / 2)) / Double(width))
                values[position * width + column] = Float(column % 2 == 0 ? sin(angle) : cos(angle))
            }
        }
        return Tensor(name: "sinusoidal positions", shape: [positions, width], values: values)
    }
}

/// Tensor names, without prefix, for each architecture.
private struct WeightNames {
    var architecturePrefix: String
    var word = "embeddings.word_embeddings.weight"
    var position = "embeddings.position_embeddings.weight"
    var tokenType: String?
    var embeddingNorm = "embeddings.LayerNorm"
    var layer: String
    var query: String, key: String, value: String
    var attentionOut: String, attentionNorm: String
    var intermediate: String, output: String, outputNorm: String

    init(architecture: ModelConfiguration.Architecture) {
        switch architecture {
        case .bert:
            architecturePrefix = "bert."
            tokenType = "embeddings.token_type_embeddings.weight"
            layer = "encoder.layer."
            query = "attention.self.query"; key = "attention.self.key"; value = "attention.self.value"
            attentionOut = "attention.output.dense"; attentionNorm = "attention.output.LayerNorm"
            intermediate = "intermediate.dense"; output = "output.dense"; outputNorm = "output.LayerNorm"
        case .distilbert:
            architecturePrefix = "distilbert."
            tokenType = nil
            layer = "transformer.layer."
            query = "attention.q_lin"; key = "attention.k_lin"; value = "attention.v_lin"
            attentionOut = "attention.out_lin"; attentionNorm = "sa_layer_norm"
            intermediate = "ffn.lin1"; output = "ffn.lin2"; outputNorm = "output_layer_norm"
        }
    }
}
