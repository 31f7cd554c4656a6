import Foundation

/// The BERT / DistilBERT encoder stack: embeddings, then self-attention and feed-forward layers.
///
/// Sentences are packed one after another into [tokens × hidden] matrices, so the dense layers
/// never see padding; only attention works sentence by sentence, which is exactly what a padding
/// mask achieves.
struct TransformerModel: Sendable {
    /// How one forward pass uses the cores.
    enum Parallelism: Sendable {
        /// Everything on the calling thread (other sentences keep the other core busy).
        case serial
        /// Matrix products split by output columns and attention split by heads over the pool's
        /// threads: for a batch too small to share out. The caller holds the pool.
        case split(WorkerPool)
    }

    let configuration: ModelConfiguration
    let weights: TransformerWeights
    /// Which library the linear layers' matrix products go through.
    var matrixPath: MatrixPath = .standard
    /// The weights re-laid for the short-query kernel that reads them so, packed at its first use.
    let panels = PanelStore()

    /// Runs the encoder over `sentences`; the last hidden state lands in `workspace.hidden`, sentence
    /// `i` at rows `workspace.offsets[i] ..< workspace.offsets[i + 1]`.
    ///
    /// Every id must be below the vocabulary size and every sentence non-empty and no longer than the
    /// position table; ``EmbeddingModel`` checks this before calling.
    func forward(_ sentences: some Collection<[Int32]>, workspace: Workspace, parallelism: Parallelism) {
        var offsets = [0]
        offsets.reserveCapacity(sentences.count + 1)
        var maxLength = 0
        for sentence in sentences {
            offsets.append(offsets[offsets.count - 1] + sentence.count)
            maxLength = max(maxLength, sentence.count)
        }
        let tokens = offsets[offsets.count - 1]
        let pool: WorkerPool?
        switch parallelism {
        case .serial: pool = nil
        case .split(let shared): pool = shared
        }
        let bfloat16 = matrixPath == .bfloat16
        let kernel = !bfloat16 && tokens <= FewTokenProduct.maximumTokens ? FewTokenProduct.kernel(for: matrixPath) : nil
        let readsPanels = kernel.map(FewTokenProduct.readsPanels) == true
        workspace.reserve(tokens: tokens, maxLength: maxLength, scoreBuffers: pool?.parts ?? 1,
                          pairs: bfloat16, grouped: readsPanels)
        workspace.offsets = offsets

        embed(sentences, into: workspace.hidden.pointer)
        let format: WeightPanels.Format? = bfloat16 ? .bfloat16Pairs : readsPanels ? .float32 : nil
        let layerPanels = format.map { panels.layers(of: weights, format: $0) }
        let pairs = bfloat16 ? SharedBuffer(pointer: workspace.pairs.pointer) : nil
        let grouped = readsPanels ? SharedBuffer(pointer: workspace.grouped.pointer) : nil
        for (index, layer) in weights.layers.enumerated() {
            let products = Products(kernel: kernel, panels: layerPanels?[index], pool: pool, pairs: pairs, grouped: grouped)
            run(layer, tokens: tokens, workspace: workspace, products: products)
        }
    }

    private func embed(_ sentences: some Collection<[Int32]>, into hidden: UnsafeMutablePointer<Float>) {
        let width = configuration.hiddenSize
        let words = weights.wordEmbeddings.pointer
        let positions = weights.positionEmbeddings.pointer
        var row = 0
        for sentence in sentences {
            for (position, id) in sentence.enumerated() {
                let target = hidden + row * width
                let word = words + Int(id) * width
                let place = positions + position * width
                if let tokenType = weights.tokenTypeEmbedding?.pointer {
                    for column in 0..<width { target[column] = word[column] + tokenType[column] + place[column] }
                } else {
                    for column in 0..<width { target[column] = word[column] + place[column] }
                }
                row += 1
            }
        }
        Kernels.biasLayerNorm(hidden, rows: row, width: width, bias: nil,
                              weight: weights.embeddingNormWeight.pointer, shift: weights.embeddingNormBias.pointer,
                              epsilon: configuration.layerNormEpsilon)
    }

    /// How one layer's matrix products run: the short-query kernel if any, the panels, the pool,
    /// and the buffer for each layer input rounded to pairs (bfloat16) or grouped (panel kernels).
    private struct Products: Sendable {
        var kernel: FewTokenProduct.Kernel?
        var panels: LayerPanels?
        var pool: WorkerPool?
        var pairs: SharedBuffer?
        var grouped: SharedBuffer?
    }

    private func run(_ layer: LayerWeights, tokens: Int, workspace: Workspace, products: Products) {
        let pool = products.pool
        let hiddenSize = configuration.hiddenSize
        let intermediateSize = configuration.intermediateSize
        let epsilon = configuration.layerNormEpsilon
        let hidden = workspace.hidden.pointer
        let qkv = workspace.qkv.pointer
        let context = workspace.context.pointer
        let intermediate = workspace.intermediate.pointer

        linear(tokens: tokens, input: hidden, inputWidth: hiddenSize, weight: layer.qkvWeight.pointer,
               panels: products.panels?.qkv, outputWidth: 3 * hiddenSize, output: qkv, accumulate: false, products: products)
        Kernels.addBias(qkv, rows: tokens, width: 3 * hiddenSize, bias: layer.qkvBias.pointer)
        attention(workspace: workspace, pool: pool)

        // The residual already sits in `hidden`, so the projection accumulates onto it.
        linear(tokens: tokens, input: context, inputWidth: hiddenSize, weight: layer.attentionOutWeight.pointer,
               panels: products.panels?.attentionOut, outputWidth: hiddenSize, output: hidden, accumulate: true, products: products)
        Kernels.biasLayerNorm(hidden, rows: tokens, width: hiddenSize, bias: layer.attentionOutBias.pointer,
                              weight: layer.attentionNormWeight.pointer, shift: layer.attentionNormBias.pointer, epsilon: epsilon)

        linear(tokens: tokens, input: hidden, inputWidth: hiddenSize, weight: layer.intermediateWeight.pointer,
               panels: products.panels?.intermediate, outputWidth: intermediateSize, output: intermediate, accumulate: false,
               products: products)
        Kernels.biasGELU(intermediate, rows: tokens, width: intermediateSize, bias: layer.intermediateBias.pointer)
        linear(tokens: tokens, input: intermediate, inputWidth: intermediateSize, weight: layer.outputWeight.pointer,
               panels: products.panels?.output, outputWidth: hiddenSize, output: hidden, accumulate: true, products: products)
        Kernels.biasLayerNorm(hidden, rows: tokens, width: hiddenSize, bias: layer.outputBias.pointer,
                              weight: layer.outputNormWeight.pointer, shift: layer.outputNormBias.pointer, epsilon: epsilon)
    }

    /// output[tokens × outputWidth] (+)= input · weightᵀ, optionally split by output columns.
    private func linear(
        tokens: Int, input: UnsafeMutablePointer<Float>, inputWidth: Int, weight: UnsafePointer<Float>,
        panels: WeightPanels?, outputWidth: Int, output: UnsafeMutablePointer<Float>, accumulate: Bool, products: Products
    ) {
        let shared = SharedPointers(input: input, weight: weight, output: output)
        // The input is rounded (bfloat16) or grouped (panel kernels) once, before the parts share it.
        if let pairs = products.pairs.map({ UnsafeMutableRawPointer($0.pointer).assumingMemoryBound(to: UInt32.self) }) {
            BFloat16Product.roundRows(tokens: tokens, width: inputWidth, input: input, into: pairs)
        }
        if let kernel = products.kernel, let grouped = products.grouped {
            FewTokenProduct.group(tokens: tokens, width: inputWidth, input: input,
                                  perGroup: FewTokenProduct.groupSize(tokens: tokens, kernel: kernel), into: grouped.pointer)
        }
        guard let pool = products.pool else {
            product(tokens: tokens, inputWidth: inputWidth, columns: 0..<outputWidth, outputWidth: outputWidth,
                    accumulate: accumulate, shared: shared, panels: panels, products: products)
            return
        }
        // Column blocks stay multiples of 16 so each worker's slice keeps the kernels' alignment.
        let block = ((outputWidth + pool.parts - 1) / pool.parts + 15) / 16 * 16
        pool.run { worker in
            let start = min(outputWidth, worker * block)
            let end = min(outputWidth, start + block)
            guard start < end else { return }
            product(tokens: tokens, inputWidth: inputWidth, columns: start..<end, outputWidth: outputWidth,
                    accumulate: accumulate, shared: shared, panels: panels, products: products)
        }
    }

    /// Without the fast kernel, batches up to this many tokens use matrix-vector products.
    static let vectorProductTokens = 8

    /// The output columns `columns` of one linear layer.
    private func product(
        tokens: Int, inputWidth: Int, columns: Range<Int>, outputWidth: Int, accumulate: Bool, shared: SharedPointers,
        panels: WeightPanels?, products: Products
    ) {
        let weight = shared.weight + columns.lowerBound * inputWidth
        let beta: Float = accumulate ? 1 : 0
        if let panels, panels.format == .bfloat16Pairs, let pairs = products.pairs {
            BFloat16Product.multiply(tokens: tokens, width: inputWidth,
                                     pairs: UnsafeRawPointer(pairs.pointer).assumingMemoryBound(to: UInt32.self),
                                     panels: panels.pairs(atColumn: columns.lowerBound), columns: columns.count,
                                     output: shared.output + columns.lowerBound, outputStride: outputWidth, accumulate: accumulate)
            return
        }
        if let kernel = products.kernel {
            FewTokenProduct.multiply(tokens: tokens, width: inputWidth, input: shared.input,
                                     grouped: products.grouped.map { UnsafePointer($0.pointer) }, weight: weight,
                                     panels: panels?.start(atColumn: columns.lowerBound), columns: columns.count,
                                     output: shared.output + columns.lowerBound, outputStride: outputWidth, accumulate: accumulate,
                                     kernel: kernel)
            return
        }
        guard tokens <= Self.vectorProductTokens else {
            BLAS.multiplyTransposed(m: tokens, n: columns.count, k: inputWidth, a: shared.input, lda: inputWidth,
                                    b: weight, ldb: inputWidth, beta: beta,
                                    c: shared.output + columns.lowerBound, ldc: outputWidth, path: matrixPath.floatLibrary)
            return
        }
        // A matrix product first repacks the whole weight matrix, which for a short query costs more than
        // the arithmetic; matrix-vector products read the weights in place (the second token on from cache).
        for token in 0..<tokens {
            BLAS.multiplyVector(rows: columns.count, columns: inputWidth, matrix: weight, lda: inputWidth,
                                vector: shared.input + token * inputWidth, beta: beta,
                                result: shared.output + token * outputWidth + columns.lowerBound)
        }
    }

    /// Scaled dot-product attention for each sentence and head, from `qkv` into `context`.
    private func attention(workspace: Workspace, pool: WorkerPool?) {
        let heads = configuration.headCount
        let offsets = workspace.offsets
        let scoreBuffers = workspace.scores.map { SharedBuffer(pointer: $0.pointer) }
        let source = SharedPointers(input: workspace.qkv.pointer, weight: UnsafePointer(workspace.qkv.pointer),
                                    output: workspace.context.pointer)
        guard let pool else {
            attend(heads: 0..<heads, offsets: offsets, source: source, scores: scoreBuffers[0])
            return
        }
        let share = (heads + pool.parts - 1) / pool.parts
        pool.run { worker in
            let range = min(heads, worker * share)..<min(heads, (worker + 1) * share)
            attend(heads: range, offsets: offsets, source: source, scores: scoreBuffers[worker])
        }
    }

    /// Attention for the given heads of every sentence; `source.input` is qkv, `source.output` the context.
    private func attend(heads: Range<Int>, offsets: [Int], source: SharedPointers, scores: SharedBuffer) {
        let headSize = configuration.headSize
        let hiddenSize = configuration.hiddenSize
        let stride = 3 * hiddenSize
        let scale = 1 / Float(headSize).squareRoot()
        for sentence in 0..<(offsets.count - 1) {
            let start = offsets[sentence]
            let length = offsets[sentence + 1] - start
            // A lone short query should not pay for opening oneDNN; in a batch the linear layers
            // have opened it already.
            let path = (offsets.last ?? 0) > FewTokenProduct.maximumTokens ? matrixPath.floatLibrary : .openBLAS
            for head in heads {
                let query = source.input + start * stride + head * headSize
                let key = query + hiddenSize
                let value = query + 2 * hiddenSize
                BLAS.multiplyTransposed(m: length, n: length, k: headSize, alpha: scale, a: query, lda: stride,
                                        b: key, ldb: stride, beta: 0, c: scores.pointer, ldc: length, path: path)
                Kernels.softmaxRows(scores.pointer, rows: length, width: length, stride: length)
                BLAS.multiply(m: length, n: headSize, k: length, a: scores.pointer, lda: length, b: value, ldb: stride,
                              beta: 0, c: source.output + start * hiddenSize + head * headSize, ldc: hiddenSize, path: path)
            }
        }
    }
}
