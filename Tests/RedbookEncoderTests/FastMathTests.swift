import Foundation
import Testing
@testable import RedbookEncoder

/// The vectorized exp and GELU against the C library, over the ranges the forward pass feeds them.
@Suite struct FastMathTests {
    @Test func expMatchesTheCLibrary() {
        // Softmax feeds x - max ≤ 0; below about -87 results are flushed to zero.
        var values = stride(from: -90.0 as Float, through: 0, by: 0.037).map { $0 }
        let inputs = values
        let sum = FastMath.expShifted(&values, count: values.count, shift: 0)
        var expectedSum: Double = 0
        var worstUlps: Float = 0
        for (input, value) in zip(inputs, values) {
            let expected = expf(input)
            expectedSum += Double(expected)
            if expected >= Float.leastNormalMagnitude * 2 {
                worstUlps = max(worstUlps, abs(value - expected) / expected.ulp)
            } else {
                #expect(value <= Float.leastNormalMagnitude * 2, "exp(\(input)) = \(value)")
            }
        }
        #expect(worstUlps <= 4)
        #expect(abs(Double(sum) - expectedSum) / expectedSum < 1e-5)
    }

    @Test func geluMatchesTheExactDefinition() {
        var values = stride(from: -12.0 as Float, through: 12, by: 0.0071).map { $0 }
        let inputs = values
        let bias = [Float](repeating: 0.25, count: values.count)
        FastMath.gelu(&values, count: values.count, bias: bias)
        var worst = 0.0
        for (input, value) in zip(inputs, values) {
            let v = Double(input + 0.25)
            let expected = 0.5 * v * (1 + erf(v / 2.0.squareRoot()))
            worst = max(worst, abs(Double(value) - expected) / max(1, abs(v)))
        }
        #expect(worst <= 2e-7)
    }
}
