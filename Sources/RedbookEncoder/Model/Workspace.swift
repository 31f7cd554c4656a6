/// Scratch buffers for one forward pass, sized for a batch and reused across its layers.
///
/// One workspace belongs to one thread at a time; it grows when a batch needs more room and
/// otherwise never allocates, so the layer loop runs without touching the heap.
final class Workspace {
    private(set) var tokenCapacity = 0
    private(set) var lengthCapacity = 0
    private(set) var hidden = FloatBuffer(count: 0)
    private(set) var qkv = FloatBuffer(count: 0)
    private(set) var context = FloatBuffer(count: 0)
    private(set) var intermediate = FloatBuffer(count: 0)
    /// The current layer input as bfloat16 pairs, on the ``MatrixPath/bfloat16`` path only (two per float).
    private(set) var pairs = FloatBuffer(count: 0)
    /// The current layer input grouped for the float32 panel kernels, for a short batch only.
    private(set) var grouped = FloatBuffer(count: 0)
    /// One attention score matrix per worker that may run heads at the same time.
    private(set) var scores: [FloatBuffer] = []
    /// Where each sentence's rows start in the packed matrices, plus the total at the end.
    var offsets: [Int] = []

    let configuration: ModelConfiguration

    init(configuration: ModelConfiguration) {
        self.configuration = configuration
    }

    /// Makes room for `tokens` packed rows and sentences of up to `maxLength` tokens, and with
    /// `pairs` or `grouped` for their layer inputs as bfloat16 pairs or grouped for the panel kernels.
    func reserve(tokens: Int, maxLength: Int, scoreBuffers: Int, pairs needsPairs: Bool = false, grouped needsGrouped: Bool = false) {
        if tokens > tokenCapacity {
            let hiddenSize = configuration.hiddenSize
            hidden = FloatBuffer(count: tokens * hiddenSize)
            qkv = FloatBuffer(count: tokens * 3 * hiddenSize)
            context = FloatBuffer(count: tokens * hiddenSize)
            intermediate = FloatBuffer(count: tokens * configuration.intermediateSize)
            tokenCapacity = tokens
            pairs = FloatBuffer(count: 0)
        }
        let widest = Swift.max(configuration.hiddenSize, configuration.intermediateSize)
        if needsPairs, pairs.count < tokenCapacity * ((widest + 1) / 2) {
            pairs = FloatBuffer(count: tokenCapacity * ((widest + 1) / 2))
        }
        if needsGrouped, grouped.count < tokens * widest {
            grouped = FloatBuffer(count: tokens * widest)
        }
        if maxLength > lengthCapacity || scores.count < scoreBuffers {
            lengthCapacity = Swift.max(maxLength, lengthCapacity)
            scores = (0..<Swift.max(scoreBuffers, scores.count)).map { _ in FloatBuffer(count: lengthCapacity * lengthCapacity) }
        }
    }
}
