import RedbookTestSupport
import Testing
@testable import RedbookEncoder

/// The short-query kernel against a double-precision product, over the shapes its loops special-case.
@Suite struct FewTokenProductTests {
    /// Token counts around the kernels' groups of three and four, widths around their 8- and 16-float
    /// vectors, row counts around their blocks of two and four.
    static let shapes: [(tokens: Int, width: Int, columns: Int)] = [
        (1, 8, 1), (2, 16, 2), (3, 37, 13), (4, 384, 16), (5, 9, 7), (6, 384, 1152),
        (7, 1536, 33), (8, 5, 3), (13, 64, 64), (32, 120, 30), (9, 15, 10), (6, 17, 4), (2, 400, 11),
        // The panel kernel's tiles: 4 panels by up to 6 tokens, 2 by up to 12, 1 by up to 24, and
        // the last panels one at a time when fewer are left than a tile takes.
        (11, 384, 1152), (12, 33, 80), (24, 70, 17), (25, 16, 100), (31, 1536, 64), (1, 1, 1),
    ]

    /// Every kernel this CPU can run; the Swift one runs everywhere, only more slowly on some builds.
    static let kernels = FewTokenProduct.Kernel.allCases.filter { $0.isAvailable || $0 == .vector }

    @Test(arguments: shapes.indices, kernels)
    func matchesADoublePrecisionProduct(shape: Int, kernel: FewTokenProduct.Kernel) {
        for accumulate in [false, true] {
            check(shape: shape, accumulate: accumulate, kernel: kernel)
        }
    }

    /// On a CPU with AVX2 and FMA, a short query takes a C kernel on either path.
    @Test(.enabled(if: ProcessorFeatures.hasAVX2))
    func aCKernelRunsWhereTheCPUHasOne() {
        #if arch(x86_64)
        #expect(FewTokenProduct.kernel(for: .openBLAS) == .avx2)
        #expect(FewTokenProduct.kernel(for: .oneDNN) == (ProcessorFeatures.hasAVX512 ? .avx512 : .avx2))
        #endif
    }

    /// A worker's slice of the columns starts at a later panel, and its results land in its columns only.
    @Test(.enabled(if: FewTokenProduct.Kernel.avx512.isAvailable))
    func panelsFromALaterColumnGiveThatSlice() {
        let (tokens, width, columns) = (7, 48, 70)
        var generator = SeededRandom(seed: 41)
        let input = (0..<tokens * width).map { _ in generator.nextFloat() }
        let weight = (0..<columns * width).map { _ in generator.nextFloat() }
        let panels = weight.withUnsafeBufferPointer { WeightPanels(packing: $0.baseAddress!, columns: columns, width: width) }
        var sliced = [Float](repeating: 0, count: tokens * columns)
        var whole = sliced
        let first = 32
        weight.withUnsafeBufferPointer { rows in
            sliced.withUnsafeMutableBufferPointer { out in
                FewTokenProduct.multiply(tokens: tokens, width: width, input: input, weight: rows.baseAddress! + first * width,
                                         panels: panels.start(atColumn: first), columns: columns - first,
                                         output: out.baseAddress! + first, outputStride: columns, accumulate: false, kernel: .avx512)
            }
        }
        FewTokenProduct.multiply(tokens: tokens, width: width, input: input, weight: weight, columns: columns,
                                 output: &whole, outputStride: columns, accumulate: false, kernel: .vector)
        for token in 0..<tokens {
            for column in 0..<columns {
                let index = token * columns + column
                if column < first {
                    #expect(sliced[index] == 0, "token \(token) column \(column) was written")
                } else {
                    #expect(abs(sliced[index] - whole[index]) <= 1e-4, "token \(token) column \(column)")
                }
            }
        }
    }

    private func check(shape: Int, accumulate: Bool, kernel: FewTokenProduct.Kernel) {
        let (tokens, width, columns) = Self.shapes[shape]
        var generator = SeededRandom(seed: UInt64(shape * 2 + (accumulate ? 1 : 0)))
        let input = (0..<tokens * width).map { _ in generator.nextFloat() }
        let weight = (0..<columns * width).map { _ in generator.nextFloat() }
        // Output rows are wider than the computed columns, so a write past them would show.
        let stride = columns + 3
        let start = (0..<tokens * stride).map { _ in generator.nextFloat() }
        var output = start
        let panels = FewTokenProduct.readsPanels(kernel)
            ? weight.withUnsafeBufferPointer { WeightPanels(packing: $0.baseAddress!, columns: columns, width: width) } : nil
        FewTokenProduct.multiply(tokens: tokens, width: width, input: input, weight: weight,
                                 panels: panels?.start(atColumn: 0), columns: columns,
                                 output: &output, outputStride: stride, accumulate: accumulate, kernel: kernel)
        expectProduct(output, start: start, input: input, weight: weight, tokens: tokens, width: width,
                      columns: columns, stride: stride, accumulate: accumulate, label: "\(kernel)")
    }
}
