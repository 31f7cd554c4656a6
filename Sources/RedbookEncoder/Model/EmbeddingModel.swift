import Foundation

/// A sentence-transformers model folder without its tokenizer: token ids in, sentence vectors out.
///
/// Immutable after loading, so any number of threads may call ``embed(_:batchSize:)`` at once;
/// each call brings its own scratch buffers.
struct EmbeddingModel: Sendable {
    let directory: URL
    let configuration: ModelConfiguration
    let pipeline: PipelineConfiguration
    let transformer: TransformerModel
    let pooling: Pooling
    /// Tokens per sentence, [CLS] and [SEP] included.
    let maxSequenceLength: Int

    /// Worker threads for a batch; the encoder splits its own work and keeps OpenBLAS single-threaded.
    static let workerCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    init(directory: URL, matrixPath: MatrixPath = .standard) throws(EncoderError) {
        let missing = ProcessorFeatures.missingHere
        guard missing.isEmpty else { throw .unsupportedProcessor(missing: missing) }
        self.directory = directory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingFile(path: directory.path)
        }
        let configuration = try ModelConfiguration(url: directory.appendingPathComponent("config.json"))
        let pipeline = try PipelineConfiguration(directory: directory)
        let file = try SafeTensorsFile(url: directory.appendingPathComponent("model.safetensors"))
        let weights = try TransformerWeights(file: file, configuration: configuration)
        let pooling = Pooling(modes: pipeline.pooling, normalize: pipeline.normalize, width: configuration.hiddenSize)
        if let declared = pipeline.declaredDimension, declared != configuration.hiddenSize {
            throw .invalidFile(
                path: directory.appendingPathComponent("1_Pooling/config.json").path,
                reason: "pooling expects \(declared)-wide token vectors but config.json says hidden size \(configuration.hiddenSize)"
            )
        }
        self.configuration = configuration
        self.pipeline = pipeline
        self.transformer = TransformerModel(configuration: configuration, weights: weights, matrixPath: matrixPath.runnable)
        self.pooling = pooling
        // At least [CLS] and [SEP], and never past the position table.
        self.maxSequenceLength = max(2, min(pipeline.maxSequenceLength ?? configuration.maxPositions, configuration.maxPositions))
        BLAS.setThreadCount(1)
    }

    var dimension: Int { pooling.dimension }

    /// Checks ids before they index the embedding tables.
    func validate(_ sentences: [[Int32]]) throws(EncoderError) {
        for (index, sentence) in sentences.enumerated() {
            guard !sentence.isEmpty else {
                throw .invalidInput(reason: "sentence \(index) has no tokens; it needs at least [CLS] and [SEP]")
            }
            guard sentence.count <= configuration.maxPositions else {
                throw .invalidInput(reason: "sentence \(index) has \(sentence.count) tokens; the model has \(configuration.maxPositions) positions")
            }
            if let bad = sentence.first(where: { $0 < 0 || Int($0) >= configuration.vocabularySize }) {
                throw .invalidInput(reason: "sentence \(index) holds token id \(bad), outside the vocabulary of \(configuration.vocabularySize)")
            }
        }
    }

    /// Embeds validated token-id sentences into a row-major [sentences × dimension] matrix.
    ///
    /// Sentences are sorted by length and cut into batches of `batchSize`, so little work is wasted
    /// and batches of similar cost go to the workers; results come back in input order.
    func embed(_ sentences: [[Int32]], batchSize: Int) -> [Float] {
        let dimension = self.dimension
        guard !sentences.isEmpty else { return [] }
        let order = sentences.indices.sorted { sentences[$0].count > sentences[$1].count }
        var cut: [ArraySlice<Int>] = stride(from: 0, to: order.count, by: max(1, batchSize)).map {
            order[$0..<min(order.count, $0 + max(1, batchSize))]
        }
        let workers = Self.workerCount
        // With few batches, whole batches would leave a core idle at the end (36 sentences are a
        // batch of 32 long ones and one of 4 short ones), so they are re-cut into a multiple of the
        // workers with about the same number of tokens each. One batch too short to share (a
        // query) stays whole and splits its products over the cores instead.
        if workers > 1, cut.count <= 4 * workers, order.count >= workers {
            let tokens = order.reduce(0) { $0 + sentences[$1].count }
            if cut.count > 1 || tokens >= 32 * workers {
                let parts = (cut.count + workers - 1) / workers * workers
                cut = Self.split(order[...], into: parts, atMost: max(1, batchSize), sentences: sentences)
            }
        }
        let batches = cut

        var output = [Float](repeating: 0, count: sentences.count * dimension)
        output.withUnsafeMutableBufferPointer { buffer in
            let target = SharedBuffer(pointer: buffer.baseAddress!)
            if batches.count == 1 || workers == 1 {
                let workspace = Workspace(configuration: configuration)
                let pool = WorkerPool.shared
                let shared = batches.count == 1 && workers > 1 && pool.acquire()
                defer { if shared { pool.release() } }
                let parallelism: TransformerModel.Parallelism = shared ? .split(pool) : .serial
                for batch in batches {
                    run(batch, sentences: sentences, workspace: workspace, parallelism: parallelism, output: target)
                }
                return
            }
            let queue = BatchQueue(count: batches.count)
            DispatchQueue.concurrentPerform(iterations: min(workers, batches.count)) { _ in
                let workspace = Workspace(configuration: configuration)
                while let next = queue.next() {
                    run(batches[next], sentences: sentences, workspace: workspace, parallelism: .serial, output: target)
                }
            }
        }
        return output
    }

    private func run(
        _ batch: ArraySlice<Int>, sentences: [[Int32]], workspace: Workspace,
        parallelism: TransformerModel.Parallelism, output: SharedBuffer
    ) {
        transformer.forward(batch.lazy.map { sentences[$0] }, workspace: workspace, parallelism: parallelism)
        let offsets = workspace.offsets
        let width = configuration.hiddenSize
        for (position, index) in batch.enumerated() {
            let start = offsets[position]
            pooling.pool(workspace.hidden.pointer + start * width, length: offsets[position + 1] - start,
                         into: output.pointer + index * dimension)
        }
    }

    /// Cuts length-sorted sentences into `parts` runs of about equal token count, starting a new run
    /// early (so making more runs) where one would pass `limit` sentences.
    private static func split(
        _ order: ArraySlice<Int>, into parts: Int, atMost limit: Int, sentences: [[Int32]]
    ) -> [ArraySlice<Int>] {
        let total = order.reduce(0) { $0 + sentences[$1].count }
        var result: [ArraySlice<Int>] = []
        var start = order.startIndex
        var seen = 0
        for index in order.indices {
            seen += sentences[order[index]].count
            let full = index - start + 1 == limit && index + 1 < order.endIndex
            let share = result.count < parts - 1 && seen * parts >= total * (result.count + 1)
            if full || share {
                result.append(order[start...index])
                start = index + 1
            }
        }
        if start < order.endIndex { result.append(order[start...]) }
        return result
    }
}

/// Hands out batch numbers to workers, each exactly once.
private final class BatchQueue: @unchecked Sendable {
    // Guarded by `lock`.
    private var nextIndex = 0
    private let count: Int
    private let lock = NSLock()

    init(count: Int) {
        self.count = count
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}
