public import Foundation

/// Turns text into sentence embeddings, exactly as sentence-transformers does, for BERT and DistilBERT models.
///
/// Load a model folder once (config.json, vocab.txt, model.safetensors, modules.json,
/// sentence_bert_config.json, 1_Pooling/config.json), then call ``embed(_:)`` from any number of
/// threads. Each call sorts its texts by length into batches and keeps every core busy.
///
/// ```swift
/// let encoder = try SentenceEncoder(directory: modelFolder)
/// let vectors = encoder.embed(["Bike for small kids"])   // [[Float]], 384 wide for all-MiniLM-L6-v2
/// ```
public final class SentenceEncoder: Sendable {
    /// The model's WordPiece tokenizer, for callers that want the token ids themselves.
    public let tokenizer: BertTokenizer
    /// The model folder's name, such as `all-MiniLM-L6-v2`.
    public let modelName: String
    /// The model folder.
    public let directory: URL
    /// Sentences run through the transformer together; 32 as in sentence-transformers.
    public let batchSize: Int
    private let model: EmbeddingModel

    /// Loads a sentence-transformers model folder.
    ///
    /// Weights are memory-mapped, so loading takes milliseconds and pages the model does not read
    /// stay on disk.
    ///
    /// - Parameters:
    ///   - directory: The model folder.
    ///   - batchSize: How many sentences one forward pass takes (at least 1).
    ///   - matrixPath: Which code multiplies the matrices; the CPU's best float32 path unless told
    ///     (`REDBOOK_MATMUL`, or this argument). ``MatrixPath/bfloat16`` on a CPU without AVX512_BF16
    ///     runs as ``MatrixPath/oneDNN``.
    /// - Throws: ``EncoderError`` naming the file that is missing, malformed or unsupported.
    public init(directory: URL, batchSize: Int = 32, matrixPath: MatrixPath = .standard) throws(EncoderError) {
        let model = try EmbeddingModel(directory: directory, matrixPath: matrixPath)
        let tokenizer = try BertTokenizer(directory: directory)
        guard tokenizer.vocabularySize <= model.configuration.vocabularySize else {
            throw .invalidFile(
                path: directory.appendingPathComponent("vocab.txt").path,
                reason: "\(tokenizer.vocabularySize) wordpieces but config.json's vocab_size is \(model.configuration.vocabularySize)"
            )
        }
        self.model = model
        self.tokenizer = tokenizer
        self.directory = directory
        self.modelName = directory.standardizedFileURL.lastPathComponent
        self.batchSize = max(1, batchSize)
    }

    /// The length of each embedding (384 for all-MiniLM-L6-v2).
    public var dimension: Int { model.dimension }

    /// Tokens per text, [CLS] and [SEP] included; longer texts are truncated, as sentence-transformers does.
    public var maxSequenceLength: Int { model.maxSequenceLength }

    /// Whether embeddings come out with unit length (the model lists a Normalize module).
    public var normalizes: Bool { model.pooling.normalize }

    /// Wakes the encoder's helper threads ahead of an encode that may follow: one that comes
    /// within about a millisecond then starts without waiting for them to be scheduled. Costs
    /// nothing but that millisecond of a helper spinning when none comes.
    public func prepare() {
        WorkerPool.shared.wakeHelpers()
    }

    /// The token ids the model sees for `text`: [CLS], wordpieces, [SEP], truncated to ``maxSequenceLength``.
    ///
    /// - Parameter text: Any text; it may be empty.
    public func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.encode(text, maxLength: maxSequenceLength)
    }

    /// The embedding of each text, in order.
    ///
    /// - Parameter texts: Texts of any length; each is truncated to ``maxSequenceLength`` tokens.
    /// - Returns: One ``dimension``-long vector per text.
    public func embed(_ texts: [String]) -> [[Float]] {
        rows(of: embedMatrix(texts))
    }

    /// The embeddings of `texts` as one row-major [texts × ``dimension``] matrix, without per-row arrays.
    ///
    /// - Parameter texts: Texts of any length; each is truncated to ``maxSequenceLength`` tokens.
    public func embedMatrix(_ texts: [String]) -> [Float] {
        model.embed(tokenize(texts), batchSize: batchSize)
    }

    /// The embeddings of sentences given as token ids (each normally [CLS] … [SEP]).
    ///
    /// - Parameter tokenIDs: One id list per sentence.
    /// - Throws: ``EncoderError/invalidInput(reason:)`` for an empty list, an id outside the vocabulary or more
    ///   tokens than the model has positions.
    public func embed(tokenIDs: [[Int32]]) throws(EncoderError) -> [[Float]] {
        try model.validate(tokenIDs)
        return rows(of: model.embed(tokenIDs, batchSize: batchSize))
    }

    /// The matrix library and the kernels it picked for this CPU, for benchmark reports.
    ///
    /// OpenBLAS picks its kernels when the process loads it; the `OPENBLAS_CORETYPE` environment variable
    /// (such as `Haswell` or `SkylakeX`) overrides the choice.
    public static var matrixLibrary: String { BLAS.configuration }

    /// Which library multiplies this encoder's matrices.
    public var matrixPath: MatrixPath { model.transformer.matrixPath }

    /// What multiplies this encoder's matrices, for reports: oneDNN with the instructions it uses,
    /// OpenBLAS with its kernels, or the bfloat16 kernels with the library beside them.
    public var matrixDescription: String { matrixPath.summary }

    /// Multiply-adds ×2 the transformer performs for sentences of these lengths, for GFLOPS figures.
    ///
    /// - Parameter lengths: Token counts, [CLS] and [SEP] included.
    public func floatingPointOperations(lengths: [Int]) -> Double {
        let configuration = model.configuration
        let hidden = Double(configuration.hiddenSize)
        let perTokenPerLayer = 2 * (4 * hidden * hidden + 2 * hidden * Double(configuration.intermediateSize))
        var total = 0.0
        for length in lengths {
            let tokens = Double(length)
            // Dense layers, then scores and weighted values for every head.
            total += tokens * perTokenPerLayer + 4 * tokens * tokens * hidden
        }
        return total * Double(configuration.layerCount)
    }

    private func tokenize(_ texts: [String]) -> [[Int32]] {
        let length = maxSequenceLength
        let tokenizer = self.tokenizer
        guard texts.count >= 64 else { return texts.map { tokenizer.encode($0, maxLength: length) } }
        let workers = EmbeddingModel.workerCount
        let chunk = (texts.count + workers - 1) / workers
        let results = TokenizedChunks(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = min(texts.count, worker * chunk)..<min(texts.count, (worker + 1) * chunk)
            results.store(texts[range].map { tokenizer.encode($0, maxLength: length) }, at: worker)
        }
        return results.joined()
    }

    private func rows(of matrix: [Float]) -> [[Float]] {
        let width = dimension
        return stride(from: 0, to: matrix.count, by: width).map { Array(matrix[$0..<$0 + width]) }
    }
}

/// Per-worker tokenizer output, joined in order afterwards.
private final class TokenizedChunks: @unchecked Sendable {
    // Each worker writes only its own slot through the raw buffer (no shared Swift array is
    // mutated), and reading waits until all have finished.
    private let slots: UnsafeMutableBufferPointer<[[Int32]]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ chunk: [[Int32]], at index: Int) {
        slots[index] = chunk
    }

    func joined() -> [[Int32]] { slots.flatMap { $0 } }
}
