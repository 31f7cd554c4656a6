import Foundation

/// The sentence-transformers modules around the transformer: pooling, normalization and the length limit.
///
/// Reads modules.json, sentence_bert_config.json and the pooling module's config.json, in both the
/// classic layout of the published models and the newer one sentence-transformers 6 writes.
struct PipelineConfiguration: Sendable, Equatable {
    /// Pooling modes in the order sentence-transformers concatenates them.
    var pooling: [PoolingMode]
    var normalize: Bool
    /// Tokens per sentence, [CLS] and [SEP] included; nil when the folder does not say.
    var maxSequenceLength: Int?
    /// The pooled width the pooling config declares, checked against the model.
    var declaredDimension: Int?

    init(directory: URL) throws(EncoderError) {
        let modulesURL = directory.appendingPathComponent("modules.json")
        var poolingFolder: String?
        var normalize = false
        if FileManager.default.fileExists(atPath: modulesURL.path) {
            let modules = try JSONDiagnostics.load([RawModule].self, from: modulesURL)
            for module in modules.sorted(by: { ($0.idx ?? 0) < ($1.idx ?? 0) }) {
                // Both "sentence_transformers.models.Pooling" and
                // "sentence_transformers.sentence_transformer.modules.pooling.Pooling" end in the class name.
                switch module.type.split(separator: ".").last.map(String.init) ?? module.type {
                case "Transformer":
                    guard module.path.isEmpty || module.path == "." || module.path == "0_Transformer" else {
                        throw .unsupported(path: modulesURL.path, reason: "a Transformer module in '\(module.path)'; only a transformer at the folder's root is supported")
                    }
                case "Pooling":
                    poolingFolder = module.path
                case "Normalize":
                    normalize = true
                default:
                    throw .unsupported(path: modulesURL.path, reason: "module type '\(module.type)'; supported: Transformer, Pooling, Normalize")
                }
            }
        } else {
            // A bare transformer folder: sentence-transformers falls back to mean pooling.
            poolingFolder = nil
        }
        self.normalize = normalize
        if let poolingFolder {
            let url = directory.appendingPathComponent(poolingFolder).appendingPathComponent("config.json")
            let raw = try JSONDiagnostics.load(RawPooling.self, from: url)
            pooling = try raw.modes(path: url.path)
            declaredDimension = raw.word_embedding_dimension ?? raw.embedding_dimension
        } else {
            pooling = [.mean]
            declaredDimension = nil
        }

        let sentenceURL = directory.appendingPathComponent("sentence_bert_config.json")
        if FileManager.default.fileExists(atPath: sentenceURL.path) {
            maxSequenceLength = try JSONDiagnostics.load(RawSentenceConfig.self, from: sentenceURL).max_seq_length
        }
        if maxSequenceLength == nil {
            let tokenizerURL = directory.appendingPathComponent("tokenizer_config.json")
            if FileManager.default.fileExists(atPath: tokenizerURL.path),
               let length = try? JSONDiagnostics.load(RawTokenizerConfig.self, from: tokenizerURL).model_max_length,
               length > 0, length < 1_000_000 {
                maxSequenceLength = Int(length)
            }
        }
        if let length = maxSequenceLength, length < 2 {
            throw .invalidFile(path: sentenceURL.path, reason: "max_seq_length \(length) leaves no room for [CLS] and [SEP]")
        }
    }
}

private struct RawModule: Decodable {
    var idx: Int?
    var path: String
    var type: String
}

private struct RawSentenceConfig: Decodable {
    var max_seq_length: Int?
}

private struct RawTokenizerConfig: Decodable {
    var model_max_length: Double?
}

// Classic layout: word_embedding_dimension + pooling_mode_*_tokens flags.
// Newer layout: embedding_dimension + pooling_mode as a name (or a list of names).
private struct RawPooling: Decodable {
    var word_embedding_dimension: Int?
    var embedding_dimension: Int?
    var pooling_mode_cls_token: Bool?
    var pooling_mode_mean_tokens: Bool?
    var pooling_mode_max_tokens: Bool?
    var pooling_mode_mean_sqrt_len_tokens: Bool?
    var pooling_mode_weightedmean_tokens: Bool?
    var pooling_mode_lasttoken: Bool?
    var pooling_mode: Names?

    enum Names: Decodable {
        case one(String), many([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                self = .one(name)
            } else {
                self = .many(try container.decode([String].self))
            }
        }

        var list: [String] {
            switch self {
            case .one(let name): [name]
            case .many(let names): names
            }
        }
    }

    func modes(path: String) throws(EncoderError) -> [PoolingMode] {
        var chosen = Set<PoolingMode>()
        if let names = pooling_mode?.list {
            for name in names {
                switch name {
                case "cls", "cls_token": chosen.insert(.cls)
                case "max", "max_tokens": chosen.insert(.max)
                case "mean", "mean_tokens": chosen.insert(.mean)
                case "mean_sqrt_len_tokens", "mean_sqrt_len": chosen.insert(.meanSqrtLength)
                default:
                    throw .unsupported(path: path, reason: "pooling_mode '\(name)'; supported: cls, max, mean, mean_sqrt_len_tokens")
                }
            }
        }
        if pooling_mode_weightedmean_tokens == true {
            throw .unsupported(path: path, reason: "weighted-mean pooling; supported: cls, max, mean, mean_sqrt_len_tokens")
        }
        if pooling_mode_lasttoken == true {
            throw .unsupported(path: path, reason: "last-token pooling; supported: cls, max, mean, mean_sqrt_len_tokens")
        }
        if pooling_mode_cls_token == true { chosen.insert(.cls) }
        if pooling_mode_max_tokens == true { chosen.insert(.max) }
        if pooling_mode_mean_tokens == true { chosen.insert(.mean) }
        if pooling_mode_mean_sqrt_len_tokens == true { chosen.insert(.meanSqrtLength) }
        guard !chosen.isEmpty else {
            throw .invalidFile(path: path, reason: "no pooling mode is enabled")
        }
        return PoolingMode.allCases.filter(chosen.contains)
    }
}
