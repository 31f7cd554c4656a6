import Foundation

/// Sentence-transformers' Pooling and Normalize modules over packed token vectors.
struct Pooling: Sendable {
    let modes: [PoolingMode]
    let normalize: Bool
    let width: Int

    /// The pooled vector's length: one `width` block per mode.
    var dimension: Int { modes.count * width }

    /// Pools `length` rows of `hidden` (each `width` floats) into `output[0 ..< dimension]`.
    func pool(_ hidden: UnsafePointer<Float>, length: Int, into output: UnsafeMutablePointer<Float>) {
        for (block, mode) in modes.enumerated() {
            let target = output + block * width
            switch mode {
            case .cls:
                target.update(from: hidden, count: width)
            case .max:
                target.update(from: hidden, count: width)
                for row in 1..<max(length, 1) {
                    let line = hidden + row * width
                    for column in 0..<width { target[column] = Swift.max(target[column], line[column]) }
                }
            case .mean, .meanSqrtLength:
                target.update(repeating: 0, count: width)
                for row in 0..<length {
                    let line = hidden + row * width
                    for column in 0..<width { target[column] += line[column] }
                }
                let divisor = mode == .mean ? Float(length) : Float(length).squareRoot()
                for column in 0..<width { target[column] /= divisor }
            }
        }
        if normalize {
            var squares: Float = 0
            for index in 0..<dimension { squares += output[index] * output[index] }
            // As torch.nn.functional.normalize: the norm is clamped at 1e-12.
            let inverse = 1 / Swift.max(squares.squareRoot(), 1e-12)
            for index in 0..<dimension { output[index] *= inverse }
        }
    }
}
