import CEncoderKernels
import Synchronization

/// A linear layer's weights re-laid for the AVX-512 short-query kernel: panels of 16 output
/// columns, each holding its columns' 16 values for one input position after another.
///
/// A short query then reads each panel from memory once, in order, while up to 24 tokens'
/// multiply-adds use every value it brings; the row-major layout made each value meet all the
/// tokens through reductions across vector lanes instead. Packing all-MiniLM-L6-v2's 43 MB of dense
/// weights takes about 35 ms, most of it the first touch of the new memory, so it is done at the
/// first short query rather than when the model loads.
struct WeightPanels: @unchecked Sendable {
    // Written once by init, only read after.
    /// Output columns, before padding to a multiple of 16.
    let columns: Int
    /// Values per column: the layer's input width.
    let width: Int
    private let buffer: FloatBuffer

    /// Packs the row-major [columns × width] matrix at `weight`.
    init(packing weight: UnsafePointer<Float>, columns: Int, width: Int) {
        self.columns = columns
        self.width = width
        buffer = FloatBuffer(count: (columns + 15) / 16 * 16 * width)
        redbook_pack_panels(weight, Int32(columns), Int32(width), buffer.pointer)
    }

    /// The panels from output column `column` on; it must start a panel (a multiple of 16).
    func start(atColumn column: Int) -> UnsafePointer<Float> {
        precondition(column % 16 == 0 && column <= columns, "column \(column) does not start a panel")
        return UnsafePointer(buffer.pointer + column * width)
    }
}

/// The panels of one layer's four linear weights.
struct LayerPanels: Sendable {
    var qkv: WeightPanels
    var attentionOut: WeightPanels
    var intermediate: WeightPanels
    var output: WeightPanels

    init(packing layer: LayerWeights) {
        func pack(_ tensor: Tensor) -> WeightPanels {
            WeightPanels(packing: tensor.pointer, columns: tensor.shape[0], width: tensor.shape[1])
        }
        qkv = pack(layer.qkvWeight)
        attentionOut = pack(layer.attentionOutWeight)
        intermediate = pack(layer.intermediateWeight)
        output = pack(layer.outputWeight)
    }
}

/// Every layer's panels, packed by the first caller that needs them and shared after.
final class PanelStore: Sendable {
    private let packed = Mutex<[LayerPanels]?>(nil)

    /// The panels of `weights`' layers; the first call packs them, and concurrent ones wait for it.
    func layers(of weights: TransformerWeights) -> [LayerPanels] {
        packed.withLock { stored in
            if let stored { return stored }
            let made = weights.layers.map(LayerPanels.init(packing:))
            stored = made
            return made
        }
    }
}
