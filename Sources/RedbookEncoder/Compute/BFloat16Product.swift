import CEncoderKernels

/// The linear layers on the opt-in ``MatrixPath/bfloat16`` path: output (+)= input · weightᵀ with
/// weights and inputs rounded to bfloat16 and each pair's products summed in float32.
///
/// The C kernel (AVX-512 BF16 dot products) reads the weights as bfloat16 ``WeightPanels`` and the
/// input as rows of bfloat16 pairs, which ``roundRows(tokens:width:input:into:)`` writes once per
/// layer input before the workers share it. This file is the Swift side's only door to those C
/// functions, as ``FewTokenProduct`` is to the float32 panel kernels.
enum BFloat16Product {
    /// Whether this CPU and build can run the kernel: x86-64 with AVX-512F and AVX512_BF16.
    static let isAvailable = redbook_has_bf16_kernels() && ProcessorFeatures.hasAVX512BF16

    /// Packs the row-major [columns × width] matrix at `weight` into `panels`, which holds
    /// ⌈columns / 16⌉ · 16 · 2 · ⌈width / 2⌉ values.
    static func pack(_ weight: UnsafePointer<Float>, columns: Int, width: Int, into panels: UnsafeMutablePointer<UInt16>) {
        redbook_pack_panels_bf16(weight, Int32(columns), Int32(width), panels)
    }

    /// Rounds `tokens` rows of `width` floats to pairs: pair q of row t at `pairs[t · ⌈width / 2⌉ + q]`.
    ///
    /// Needs ``isAvailable``.
    static func roundRows(tokens: Int, width: Int, input: UnsafePointer<Float>, into pairs: UnsafeMutablePointer<UInt32>) {
        redbook_bf16_rows(Int32(tokens), Int32(width), input, Int32(width), pairs)
    }

    /// output[t · outputStride + c] (+)= Σₖ input[t][k] · weight[c][k] from the rounded rows and the
    /// panels from the first column to compute (a multiple of 16). Needs ``isAvailable``.
    static func multiply(
        tokens: Int, width: Int, pairs: UnsafePointer<UInt32>, panels: UnsafePointer<UInt16>, columns: Int,
        output: UnsafeMutablePointer<Float>, outputStride: Int, accumulate: Bool
    ) {
        redbook_panel_product_bf16(Int32(tokens), Int32(width), pairs, panels, Int32(columns),
                                   output, Int32(outputStride), accumulate)
    }
}
