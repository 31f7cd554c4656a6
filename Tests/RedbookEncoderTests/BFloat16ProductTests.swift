import RedbookTestSupport
import Testing
@testable import RedbookEncoder

/// The bfloat16 kernel against a double-precision product of the same rounded values.
///
/// Products of two bfloat16 values are exact in float32, so the kernel's only error is its float32
/// sums; comparing with the rounded values checks the kernel itself, and the model-level tests in
/// ``BFloat16EmbeddingTests`` measure what the rounding costs.
@Suite(.enabled(if: BFloat16Product.isAvailable))
struct BFloat16ProductTests {
    /// Token counts around the tiles' groups of six, odd widths (a pair half empty), column counts
    /// around the tiles of four panels and the one-panel tail.
    static let shapes: [(tokens: Int, width: Int, columns: Int)] = [
        (1, 1, 1), (1, 2, 16), (5, 37, 13), (6, 384, 64), (7, 384, 1152), (11, 33, 80),
        (13, 1536, 48), (32, 120, 30), (100, 64, 100), (3, 17, 130),
    ]

    /// Rounds to the nearest bfloat16, ties to even, as the CPU does.
    static func rounded(_ value: Float) -> Float {
        let bits = value.bitPattern
        return Float(bitPattern: (bits &+ 0x7fff &+ ((bits >> 16) & 1)) & 0xffff_0000)
    }

    @Test(arguments: shapes.indices)
    func matchesADoublePrecisionProductOfTheRoundedValues(shape: Int) {
        let (tokens, width, columns) = Self.shapes[shape]
        var generator = SeededRandom(seed: UInt64(100 + shape))
        let input = (0..<tokens * width).map { _ in generator.nextFloat() }
        let weight = (0..<columns * width).map { _ in generator.nextFloat() }
        let panels = weight.withUnsafeBufferPointer {
            WeightPanels(packing: $0.baseAddress!, columns: columns, width: width, format: .bfloat16Pairs)
        }
        var pairs = [UInt32](repeating: 0, count: tokens * ((width + 1) / 2))
        BFloat16Product.roundRows(tokens: tokens, width: width, input: input, into: &pairs)
        for accumulate in [false, true] {
            // Output rows are wider than the computed columns, so a write past them would show.
            let stride = columns + 5
            let start = (0..<tokens * stride).map { _ in generator.nextFloat() }
            var output = start
            BFloat16Product.multiply(tokens: tokens, width: width, pairs: pairs, panels: panels.pairs(atColumn: 0),
                                     columns: columns, output: &output, outputStride: stride, accumulate: accumulate)
            expectProduct(output, start: start, input: input.map(Self.rounded), weight: weight.map(Self.rounded),
                          tokens: tokens, width: width, columns: columns, stride: stride, accumulate: accumulate,
                          label: "shape \(shape)")
        }
    }

    /// A worker's slice starts at a later panel; the pairs of the rows are rounded as the CPU rounds.
    @Test func aSliceFromALaterPanelAndTheRoundingOfTheRows() {
        let (tokens, width, columns) = (4, 40, 70)
        var generator = SeededRandom(seed: 7)
        let input = (0..<tokens * width).map { _ in generator.nextFloat() * 100 }
        let weight = (0..<columns * width).map { _ in generator.nextFloat() }
        var pairs = [UInt32](repeating: 0, count: tokens * width / 2)
        BFloat16Product.roundRows(tokens: tokens, width: width, input: input, into: &pairs)
        for (index, pair) in pairs.enumerated() {
            #expect(Float(bitPattern: pair << 16) == Self.rounded(input[2 * index]), "low half of pair \(index)")
            #expect(Float(bitPattern: pair & 0xffff_0000) == Self.rounded(input[2 * index + 1]), "high half of pair \(index)")
        }
        let panels = weight.withUnsafeBufferPointer {
            WeightPanels(packing: $0.baseAddress!, columns: columns, width: width, format: .bfloat16Pairs)
        }
        var whole = [Float](repeating: 0, count: tokens * columns)
        var sliced = whole
        BFloat16Product.multiply(tokens: tokens, width: width, pairs: pairs, panels: panels.pairs(atColumn: 0),
                                 columns: columns, output: &whole, outputStride: columns, accumulate: false)
        sliced.withUnsafeMutableBufferPointer { out in
            BFloat16Product.multiply(tokens: tokens, width: width, pairs: pairs, panels: panels.pairs(atColumn: 48),
                                     columns: columns - 48, output: out.baseAddress! + 48, outputStride: columns, accumulate: false)
        }
        for token in 0..<tokens {
            for column in 0..<columns {
                let index = token * columns + column
                #expect(sliced[index] == (column < 48 ? 0 : whole[index]), "token \(token) column \(column)")
            }
        }
    }
}
