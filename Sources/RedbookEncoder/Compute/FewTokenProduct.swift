import CEncoderKernels

/// The linear layers of a short query: output (+)= input · weightᵀ for up to 32 tokens.
///
/// For a few tokens a matrix product is bound by reading the weights, not by arithmetic, and
/// OpenBLAS's kernels are made for the opposite case: sgemm first repacks the whole weight matrix,
/// sgemv reads it once per token. These kernels read the weights once, in memory order, and
/// multiply each part with a few tokens at a time while it is in registers; further tokens find it
/// in L1 or L2.
///
/// Three kernels do the same product (``Kernel``): C kernels for AVX-512 and for AVX2 with FMA,
/// chosen from the CPU at run time, which read the weights re-laid as ``WeightPanels``, and a
/// portable one in Swift's 8-float vectors over the row-major weights (arm64, or an x86-64 CPU
/// without AVX2). The panels took an 11-token query from 3.4 to 1.7 ms (docs/encoder.md).
///
/// Measured on all-MiniLM-L6-v2 (43 MB of dense weights) with two cores, a 6-token query took
/// 1.5 ms with the Swift kernel against 2.4 ms with one sgemv per token and 3 ms with sgemm. On a
/// later machine, 3.2–3.4 ms with it against 1.8–2.3 ms with the AVX-512 kernel; on an AVX2-only
/// one, 3.8–5.0 ms with it against 2.5–3.0 ms with the AVX2 kernel.
enum FewTokenProduct {
    /// The most tokens this kernel takes; measured, it beats sgemm up to about 60 tokens.
    static let maximumTokens = 32

    /// One implementation of the product.
    enum Kernel: CaseIterable, Sendable {
        /// C, 16-float vectors over the weights' panels (``WeightPanels``), up to 24 tokens by up to
        /// 64 columns at a time; needs AVX-512F.
        case avx512
        /// C, 8-float vectors with FMA over the same panels, one panel by up to six tokens at a time;
        /// needs AVX2 and FMA.
        case avx2
        /// Swift's `SIMD8`, two rows by four tokens, touching the weights ahead; runs anywhere.
        case vector

        /// Whether this CPU and build can run it at full speed.
        var isAvailable: Bool {
            switch self {
            case .avx512: FewTokenProduct.hasAVX512Kernel
            case .avx2: FewTokenProduct.hasAVX2Kernel
            case .vector: FewTokenProduct.vectorKernelIsFast
            }
        }
    }

    /// Whether the Swift kernel runs at full speed in this build: 8-float vectors with fused multiply-add.
    ///
    /// True on arm64 and in x86-64 builds with AVX2 and FMA (see Package.swift); a baseline x86-64
    /// build splits each vector in two and has no FMA, and sgemv is the better choice there.
    private static var vectorKernelIsFast: Bool {
        #if arch(arm64) || REDBOOK_AVX2
        true
        #else
        false
        #endif
    }

    /// The C kernels run only where the CPU has their instructions, whatever `REDBOOK_MATMUL` asks for.
    private static let hasAVX512Kernel = redbook_has_avx512_kernels() && ProcessorFeatures.hasAVX512
    private static let hasAVX2Kernel = redbook_has_avx2_kernels() && ProcessorFeatures.hasAVX2

    /// The kernel `path` uses here: AVX-512 in C when the path is `.oneDNN` and the CPU has it, else
    /// AVX2 in C when the CPU has it, else the Swift one where it is fast; nil means sgemv is better.
    static func kernel(for path: MatrixPath) -> Kernel? {
        if path == .oneDNN, hasAVX512Kernel { return .avx512 }
        return [Kernel.avx2, .vector].first { $0.isAvailable }
    }

    /// Packs the row-major [columns × width] matrix at `weight` into `panels` for the C kernels,
    /// which holds ⌈columns / 16⌉ · 16 · width floats (``WeightPanels``).
    static func pack(_ weight: UnsafePointer<Float>, columns: Int, width: Int, into panels: UnsafeMutablePointer<Float>) {
        redbook_pack_panels(weight, Int32(columns), Int32(width), panels)
    }

    /// Whether the kernel reads ``WeightPanels`` rather than the row-major weights.
    static func readsPanels(_ kernel: Kernel) -> Bool { kernel != .vector }

    /// The tokens per group in which a panel kernel takes `tokens` (see ``group(tokens:width:input:perGroup:into:)``):
    /// as few groups as its tiles allow, of even size.
    static func groupSize(tokens: Int, kernel: Kernel) -> Int {
        let most = Int(kernel == .avx512 ? REDBOOK_PANEL_GROUP_AVX512 : REDBOOK_PANEL_GROUP_AVX2)
        let groups = max(1, (tokens + most - 1) / most)
        return max(1, (tokens + groups - 1) / groups)
    }

    /// Copies `input`'s rows into `grouped` (as many floats) in the panel kernels' layout: groups of
    /// `perGroup` tokens, each k-major. The forward pass does it once per layer input, before the
    /// workers share it.
    static func group(
        tokens: Int, width: Int, input: UnsafePointer<Float>, perGroup: Int, into grouped: UnsafeMutablePointer<Float>
    ) {
        redbook_group_inputs(Int32(tokens), Int32(width), input, Int32(perGroup), grouped)
    }

    /// Weight bytes the Swift kernel touches ahead of its multiply-adds.
    private static let streamAhead = 64 << 10

    /// output[t · outputStride + c] (+)= Σₖ input[t · width + k] · weight[c · width + k].
    ///
    /// - Parameters:
    ///   - tokens: Rows of `input`, at most ``maximumTokens``.
    ///   - width: Length of each input row and weight row.
    ///   - columns: Weight rows, and so output columns, to compute.
    ///   - accumulate: Adds to `output` instead of overwriting it.
    ///   - weight: The row-major weights, from the first column to compute.
    ///   - panels: The same weights' panels from that column, for a kernel that ``readsPanels(_:)``;
    ///     without them the Swift kernel runs instead.
    ///   - grouped: `input` as ``group(tokens:width:input:perGroup:into:)`` lays it out with
    ///     ``groupSize(tokens:kernel:)``, for the panel kernels; without it they group a copy here.
    ///   - kernel: Which implementation; it must be available (``Kernel/isAvailable``), except that
    ///     `.vector` always gives the right result, only more slowly where it is not.
    static func multiply(
        tokens: Int, width: Int, input: UnsafePointer<Float>, grouped: UnsafePointer<Float>? = nil,
        weight: UnsafePointer<Float>, panels: UnsafePointer<Float>? = nil, columns: Int,
        output: UnsafeMutablePointer<Float>, outputStride: Int, accumulate: Bool, kernel: Kernel
    ) {
        if readsPanels(kernel), kernel.isAvailable, let panels {
            let perGroup = groupSize(tokens: tokens, kernel: kernel)
            func run(_ grouped: UnsafePointer<Float>) {
                if kernel == .avx512 {
                    redbook_panel_product_avx512(Int32(tokens), Int32(width), grouped, Int32(perGroup), panels, Int32(columns),
                                                 output, Int32(outputStride), accumulate)
                } else {
                    redbook_panel_product_avx2(Int32(tokens), Int32(width), grouped, Int32(perGroup), panels, Int32(columns),
                                               output, Int32(outputStride), accumulate)
                }
            }
            if let grouped {
                run(grouped)
            } else {
                var copy = [Float](repeating: 0, count: tokens * width)
                copy.withUnsafeMutableBufferPointer { group(tokens: tokens, width: width, input: input, perGroup: perGroup, into: $0.baseAddress!) }
                copy.withUnsafeBufferPointer { run($0.baseAddress!) }
            }
            return
        }
        multiplyWithVectors(tokens: tokens, width: width, input: input, weight: weight, columns: columns,
                            output: output, outputStride: outputStride, accumulate: accumulate)
    }

    /// The Swift kernel: pairs of weight rows by four tokens; ahead of each 64 KB stretch it touches
    /// the next one, one load per cache line, so the memory system streams while the multiply-adds run.
    private static func multiplyWithVectors(
        tokens: Int, width: Int, input: UnsafePointer<Float>,
        weight: UnsafePointer<Float>, columns: Int,
        output: UnsafeMutablePointer<Float>, outputStride: Int, accumulate: Bool
    ) {
        let rowBytes = width * MemoryLayout<Float>.stride
        let chunk = max(2, (Self.streamAhead / rowBytes) & ~1)
        var sink: Float = 0
        var column = 0
        while column < columns {
            if column % chunk == 0, column + chunk < columns {
                let next = column + chunk
                sink += touch(weight + next * width, bytes: min(chunk, columns - next) * rowBytes)
            }
            let pair = column + 1 < columns
            let first = weight + column * width
            // A lone last row is paired with itself; its second result is dropped.
            let second = pair ? first + width : first
            var token = 0
            while token < tokens {
                let count = min(4, tokens - token)
                let x = input + token * width
                // Missing tokens repeat the last one, so the loop never branches; their sums are dropped.
                let sums = twoRowsByFourTokens(
                    first, second, width: width,
                    x, x + min(1, count - 1) * width, x + min(2, count - 1) * width, x + min(3, count - 1) * width
                )
                for t in 0..<count {
                    let target = output + (token + t) * outputStride + column
                    target[0] = accumulate ? target[0] + sums[t] : sums[t]
                    if pair {
                        target[1] = accumulate ? target[1] + sums[4 + t] : sums[4 + t]
                    }
                }
                token += 4
            }
            column += 2
        }
        // The touching loads must not be optimized away, so their sum is used; it is NaN only when the
        // weights hold NaN or infinities, and then the outputs are meaningless anyway.
        if sink.isNaN { output[0] = sink }
    }

    /// Reads one float per cache line of `bytes`, so the lines arrive in cache before they are used.
    @inline(__always)
    private static func touch(_ start: UnsafePointer<Float>, bytes: Int) -> Float {
        let raw = UnsafeRawPointer(start)
        var a: Float = 0, b: Float = 0, c: Float = 0, d: Float = 0
        var offset = 0
        while offset + 256 <= bytes {
            a += raw.load(fromByteOffset: offset, as: Float.self)
            b += raw.load(fromByteOffset: offset + 64, as: Float.self)
            c += raw.load(fromByteOffset: offset + 128, as: Float.self)
            d += raw.load(fromByteOffset: offset + 192, as: Float.self)
            offset += 256
        }
        while offset < bytes {
            a += raw.load(fromByteOffset: offset, as: Float.self)
            offset += 64
        }
        return (a + b) + (c + d)
    }

    /// Dot products of two weight rows with four tokens: [r₀·x₀ … r₀·x₃, r₁·x₀ … r₁·x₃].
    @inline(__always)
    private static func twoRowsByFourTokens(
        _ r0: UnsafePointer<Float>, _ r1: UnsafePointer<Float>, width: Int,
        _ x0: UnsafePointer<Float>, _ x1: UnsafePointer<Float>, _ x2: UnsafePointer<Float>, _ x3: UnsafePointer<Float>
    ) -> SIMD8<Float> {
        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
        var b0 = SIMD8<Float>(), b1 = SIMD8<Float>(), b2 = SIMD8<Float>(), b3 = SIMD8<Float>()
        let vectorWidth = width & ~7
        var k = 0
        while k < vectorWidth {
            let v0 = load(x0 + k), v1 = load(x1 + k), v2 = load(x2 + k), v3 = load(x3 + k)
            let w = load(r0 + k)
            a0.addProduct(w, v0); a1.addProduct(w, v1); a2.addProduct(w, v2); a3.addProduct(w, v3)
            let u = load(r1 + k)
            b0.addProduct(u, v0); b1.addProduct(u, v1); b2.addProduct(u, v2); b3.addProduct(u, v3)
            k += 8
        }
        var sums = SIMD8(lowHalf: reduce(a0, a1, a2, a3), highHalf: reduce(b0, b1, b2, b3))
        while k < width {
            let inputs = SIMD4(x0[k], x1[k], x2[k], x3[k])
            sums.lowHalf.addProduct(inputs, SIMD4(repeating: r0[k]))
            sums.highHalf.addProduct(inputs, SIMD4(repeating: r1[k]))
            k += 1
        }
        return sums
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// [sum(a), sum(b), sum(c), sum(d)], added pairwise as a transpose would.
    @inline(__always)
    private static func reduce(_ a: SIMD8<Float>, _ b: SIMD8<Float>, _ c: SIMD8<Float>, _ d: SIMD8<Float>) -> SIMD4<Float> {
        let ab = SIMD8(lowHalf: a.lowHalf, highHalf: b.lowHalf) + SIMD8(lowHalf: a.highHalf, highHalf: b.highHalf)
        let cd = SIMD8(lowHalf: c.lowHalf, highHalf: d.lowHalf) + SIMD8(lowHalf: c.highHalf, highHalf: d.highHalf)
        // ab = [a0+a4, a1+a5, a2+a6, a3+a7, b0+b4, …]; pairs of neighbours next.
        let abcd = SIMD8(lowHalf: ab.evenHalf, highHalf: cd.evenHalf) + SIMD8(lowHalf: ab.oddHalf, highHalf: cd.oddHalf)
        // abcd = [a', a'', b', b'', c', c'', d', d''] in neighbouring pairs.
        return abcd.evenHalf + abcd.oddHalf
    }
}
