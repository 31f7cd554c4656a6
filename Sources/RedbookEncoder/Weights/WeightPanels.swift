import Synchronization

/// A linear layer's weights re-laid for the AVX-512 short-query kernel: panels of 16 output
/// columns, each holding its columns' 16 values for one input position after another.
///
/// A short query then reads each panel from memory once, in order, while up to 24 tokens'
/// multiply-adds use every value it brings; the row-major layout made each value meet all the
/// tokens through reductions across vector lanes instead. Packing all-MiniLM-L6-v2's 43 MB of dense
/// weights takes about 35 ms, most of it the first touch of the new memory, so it is done at the
/// first short query rather than when the model loads.
///
/// The opt-in ``MatrixPath/bfloat16`` path packs the same panels in bfloat16, the values of each
/// column in pairs along k, for dot products of pairs; they hold half the bytes.
struct WeightPanels: @unchecked Sendable {
    // Written once by init, only read after.

    /// How the values are stored.
    enum Format: Sendable {
        /// float32, 16 columns by one k per step.
        case float32
        /// bfloat16 rounded to nearest, 16 columns by two k per step.
        case bfloat16Pairs
    }

    let format: Format
    /// Output columns, before padding to a multiple of 16.
    let columns: Int
    /// Values per column: the layer's input width.
    let width: Int
    private let buffer: FloatBuffer

    /// Packs the row-major [columns × width] matrix at `weight`.
    init(packing weight: UnsafePointer<Float>, columns: Int, width: Int, format: Format = .float32) {
        self.format = format
        self.columns = columns
        self.width = width
        let panels = (columns + 15) / 16
        switch format {
        case .float32:
            buffer = FloatBuffer(count: panels * 16 * width)
            FewTokenProduct.pack(weight, columns: columns, width: width, into: buffer.pointer)
        case .bfloat16Pairs:
            // A pair of bfloat16 values takes the room of one float.
            buffer = FloatBuffer(count: panels * 16 * ((width + 1) / 2))
            let halves = UnsafeMutableRawPointer(buffer.pointer).assumingMemoryBound(to: UInt16.self)
            BFloat16Product.pack(weight, columns: columns, width: width, into: halves)
        }
    }

    /// The float32 panels from output column `column` on; it must start a panel (a multiple of 16).
    func start(atColumn column: Int) -> UnsafePointer<Float> {
        precondition(format == .float32, "these panels hold bfloat16 pairs")
        return UnsafePointer(buffer.pointer + offset(ofColumn: column))
    }

    /// The bfloat16 panels from output column `column` on, as ``start(atColumn:)``.
    func pairs(atColumn column: Int) -> UnsafePointer<UInt16> {
        precondition(format == .bfloat16Pairs, "these panels hold float32 values")
        return UnsafeRawPointer(buffer.pointer + offset(ofColumn: column)).assumingMemoryBound(to: UInt16.self)
    }

    /// Where column `column`'s panel starts, in floats.
    private func offset(ofColumn column: Int) -> Int {
        precondition(column % 16 == 0 && column <= columns, "column \(column) does not start a panel")
        return format == .float32 ? column * width : column * ((width + 1) / 2)
    }
}

/// The panels of one layer's four linear weights.
struct LayerPanels: Sendable {
    var qkv: WeightPanels
    var attentionOut: WeightPanels
    var intermediate: WeightPanels
    var output: WeightPanels

    init(packing layer: LayerWeights, format: WeightPanels.Format) {
        func pack(_ tensor: Tensor) -> WeightPanels {
            WeightPanels(packing: tensor.pointer, columns: tensor.shape[0], width: tensor.shape[1], format: format)
        }
        qkv = pack(layer.qkvWeight)
        attentionOut = pack(layer.attentionOutWeight)
        intermediate = pack(layer.intermediateWeight)
        output = pack(layer.outputWeight)
    }
}

/// Every layer's panels, packed by the first caller that needs them and shared after.
final class PanelStore: Sendable {
    private let packed = Mutex<[WeightPanels.Format: [LayerPanels]]>([:])

    /// The panels of `weights`' layers in `format`; the first call packs them, and concurrent ones wait for it.
    func layers(of weights: TransformerWeights, format: WeightPanels.Format) -> [LayerPanels] {
        packed.withLock { stored in
            if let found = stored[format] { return found }
            let made = weights.layers.map { LayerPanels(packing: $0, format: format) }
            stored[format] = made
            return made
        }
    }
}
