import Foundation
import RedbookEncoder
import RedbookTestSupport
import Testing

/// Model folders assembled in a temporary directory: the tiny reference models' weights and
/// vocabularies linked in from ../shared (never copied), with module configs written by each test.
@Suite struct ModelFolderTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Links the tiny model's weight, vocabulary and tokenizer files, and writes the given configs.
    private func assemble(_ model: String, files: [String: String], link: [String] = ["config.json"]) throws -> URL {
        let source = SharedFixtures.url("golden/\(model)")
        for name in ["model.safetensors", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"] + link {
            try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent(name),
                                                       withDestinationURL: source.appendingPathComponent(name))
        }
        for (name, contents) in files { _ = try folder.write(contents, to: name) }
        return folder.url
    }

    private static let classicModules = """
        [{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},
         {"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"}]
        """

    private static func classicPooling(_ mode: String) -> String {
        let modes = ["cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens"]
            .map { #""pooling_mode_\#($0)": \#($0 == mode)"# }.joined(separator: ", ")
        return #"{"word_embedding_dimension": 32, \#(modes)}"#
    }

    private static func sentences(_ model: String) throws -> [GoldenSentence] {
        try GoldenFile.load(SharedFixtures.url("golden/\(model)/golden.json")).all
    }

    @Test(.enabled(if: SharedFixtures.isAvailable))
    func newerModuleLayoutGivesTheSameEmbeddings() throws {
        // The layout sentence-transformers 6 writes: class paths under base/, pooling_mode by name,
        // no max_seq_length (so the tokenizer's model_max_length of 128 applies).
        let directory = try assemble("tiny-bert", files: [
            "modules.json": """
                [{"idx":0,"name":"0","path":"","type":"sentence_transformers.base.modules.transformer.Transformer"},
                 {"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.sentence_transformer.modules.pooling.Pooling"},
                 {"idx":2,"name":"2","path":"2_Normalize","type":"sentence_transformers.base.modules.normalize.Normalize"}]
                """,
            "sentence_bert_config.json": #"{"transformer_task":"feature-extraction","module_output_name":"token_embeddings"}"#,
            "1_Pooling/config.json": #"{"embedding_dimension": 32, "pooling_mode": "mean", "include_prompt": true}"#,
            "2_Normalize/config.json": #"{"module_input_name":"sentence_embedding","module_output_name":"sentence_embedding"}"#,
        ])
        let encoder = try SentenceEncoder(directory: directory)
        #expect(encoder.maxSequenceLength == 128)
        #expect(encoder.normalizes)
        // Sentences within 64 tokens are unaffected by the longer limit.
        let golden = try Self.sentences("tiny-bert").filter { $0.input_ids.count < 64 }
        #expect(golden.count > 10)
        expectExact(encoder.embed(golden.map(\.text)), golden)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["cls_token", "max_tokens", "mean_sqrt_len_tokens"])
    func poolingModesMatchTheReferenceTokenVectors(mode: String) throws {
        let directory = try assemble("tiny-distilbert", files: [
            "modules.json": Self.classicModules,
            "sentence_bert_config.json": #"{"max_seq_length": 64, "do_lower_case": false}"#,
            "1_Pooling/config.json": Self.classicPooling(mode),
        ])
        let encoder = try SentenceEncoder(directory: directory)
        let golden = try Self.sentences("tiny-distilbert").filter { $0.token_embeddings != nil }
        #expect(golden.count == 3)
        for sentence in golden {
            let tokens = try #require(sentence.token_embeddings)
            // Pool the reference token vectors here, independently of the encoder.
            let expected: [Double] = (0..<32).map { column in
                let values = tokens.map { $0[column] }
                switch mode {
                case "cls_token": return values[0]
                case "max_tokens": return values.max() ?? 0
                default: return values.reduce(0, +) / Double(values.count).squareRoot()
                }
            }
            let actual = try encoder.embed(tokenIDs: [sentence.input_ids])[0]
            let closeness = Closeness(actual, expected)
            #expect(closeness.isExact, "\(mode) \(sentence.text): \(closeness)")
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable))
    func unsupportedModelTypeIsAClearError() throws {
        let directory = try assemble("tiny-bert", files: [
            "config.json": #"{"model_type": "gpt2", "vocab_size": 730}"#,
            "modules.json": Self.classicModules,
            "1_Pooling/config.json": Self.classicPooling("mean_tokens"),
        ], link: [])
        #expect {
            try SentenceEncoder(directory: directory)
        } throws: { error in
            guard case .unsupported(let path, let reason)? = error as? EncoderError else { return false }
            return path.hasSuffix("config.json") && reason.contains("'gpt2'")
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable))
    func unsupportedPoolingAndModulesAreClearErrors() throws {
        let directory = try assemble("tiny-bert", files: [
            "modules.json": Self.classicModules,
            "1_Pooling/config.json": #"{"word_embedding_dimension": 32, "pooling_mode_weightedmean_tokens": true}"#,
        ])
        #expect {
            try SentenceEncoder(directory: directory)
        } throws: { error in
            guard case .unsupported(let path, let reason)? = error as? EncoderError else { return false }
            return path.hasSuffix("1_Pooling/config.json") && reason.contains("weighted-mean")
        }
        _ = try folder.write(#"[{"idx":0,"path":"","type":"sentence_transformers.models.Transformer"},{"idx":1,"path":"2_Dense","type":"sentence_transformers.models.Dense"}]"#, to: "modules.json")
        #expect {
            try SentenceEncoder(directory: directory)
        } throws: { error in
            guard case .unsupported(let path, let reason)? = error as? EncoderError else { return false }
            return path.hasSuffix("modules.json") && reason.contains("Dense")
        }
    }

    @Test func missingFolderAndFilesNameThePath() throws {
        let nowhere = folder.url.appendingPathComponent("absent")
        #expect(throws: EncoderError.missingFile(path: nowhere.path)) { try SentenceEncoder(directory: nowhere) }
        #expect(throws: EncoderError.missingFile(path: folder.url.appendingPathComponent("config.json").path)) {
            try SentenceEncoder(directory: folder.url)
        }
        _ = try folder.write("{ not json", to: "config.json")
        #expect {
            try SentenceEncoder(directory: folder.url)
        } throws: { error in
            guard case .invalidFile(let path, _)? = error as? EncoderError else { return false }
            return path.hasSuffix("config.json")
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable))
    func weightsThatDoNotMatchTheConfigNameTheTensor() throws {
        let config = try String(contentsOf: SharedFixtures.url("golden/tiny-bert/config.json"), encoding: .utf8)
            .replacingOccurrences(of: #""intermediate_size": 64"#, with: #""intermediate_size": 48"#)
        let directory = try assemble("tiny-bert", files: [
            "config.json": config, "modules.json": Self.classicModules,
            "1_Pooling/config.json": Self.classicPooling("mean_tokens"),
        ], link: [])
        #expect {
            try SentenceEncoder(directory: directory)
        } throws: { error in
            guard case .invalidFile(let path, let reason)? = error as? EncoderError else { return false }
            return path.hasSuffix("model.safetensors") && reason.contains("intermediate.dense.weight")
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable))
    func badTokenIDsAreInvalidInput() throws {
        let encoder = try SentenceEncoder(directory: SharedFixtures.url("golden/tiny-bert"))
        #expect(throws: EncoderError.self) { try encoder.embed(tokenIDs: [[]]) }
        #expect(throws: EncoderError.self) { try encoder.embed(tokenIDs: [[2, 730, 3]]) }
        #expect(throws: EncoderError.self) { try encoder.embed(tokenIDs: [[2, -1, 3]]) }
        #expect(throws: EncoderError.self) { try encoder.embed(tokenIDs: [[Int32](repeating: 5, count: 129)]) }
    }
}
