import Testing

/// Expects `output`, rows `stride` apart, to hold `start` plus (with `accumulate`) or replaced by
/// input · weightᵀ in each row's first `columns` values, within float32 rounding of a double product,
/// and `start` untouched past them.
func expectProduct(
    _ output: [Float], start: [Float], input: [Float], weight: [Float],
    tokens: Int, width: Int, columns: Int, stride: Int, accumulate: Bool, label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    for token in 0..<tokens {
        for column in 0..<stride {
            let index = token * stride + column
            guard column < columns else {
                #expect(output[index] == start[index], "\(label): token \(token) column \(column) was written",
                        sourceLocation: sourceLocation)
                continue
            }
            var expected = accumulate ? Double(start[index]) : 0
            for k in 0..<width {
                expected += Double(input[token * width + k]) * Double(weight[column * width + k])
            }
            #expect(abs(Double(output[index]) - expected) <= 1e-5 * Double(width).squareRoot(),
                    "\(label): token \(token) column \(column): \(output[index]) vs \(expected)", sourceLocation: sourceLocation)
        }
    }
}
