import Foundation
import RedbookEncoder

extension FuzzTarget {
    /// A model folder's files: the safetensors header and the JSON configs, read as loading a
    /// model reads them.
    ///
    /// An input without a 0x1E byte is one safetensors file, checked from memory. Otherwise its
    /// 0x1E-separated parts are written, in ``modelFiles`` order, into a model folder (files past
    /// the last part are left out), which the tokenizer and then the whole encoder load; a model
    /// that loads embeds a short text to its own width.
    static let modelConfig = FuzzTarget(name: "model-config", summary: "SafeTensorsFile header, model folder configs, SentenceEncoder(directory:)") { bytes in
        let parts = bytes.split(separator: 0x1E, maxSplits: modelFiles.count - 1, omittingEmptySubsequences: false).map(Array.init)
        guard parts.count > 1 else {
            _ = try? SafeTensorsFile.tensorNames(in: bytes, path: "model.safetensors")
            return
        }
        if parts.count == modelFiles.count {
            _ = try? SafeTensorsFile.tensorNames(in: parts[parts.count - 1], path: "model.safetensors")
        }
        let folder = ScratchFolder.folder("model", files: modelFiles.enumerated().map { index, path in
            (path, index < parts.count ? parts[index] : nil)
        })
        if let tokenizer = try? BertTokenizer(directory: folder) {
            let ids = tokenizer.encode("Bikes [SEP] for naïve riders, 中文 <s>", maxLength: 16)
            invariant(ids.allSatisfy { (0..<Int32(tokenizer.vocabularySize)).contains($0) }, "an id outside the vocabulary")
        }
        guard let encoder = try? SentenceEncoder(directory: folder, batchSize: 2) else { return }
        let vectors = encoder.embed(["a bike", ""])
        invariant(vectors.count == 2 && vectors.allSatisfy { $0.count == encoder.dimension }, "embeddings of the wrong shape")
    }

    /// The files of a model folder, in the order an input's parts fill them.
    private static let modelFiles = [
        "config.json", "modules.json", "1_Pooling/config.json", "sentence_bert_config.json",
        "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "model.safetensors",
    ]
}
