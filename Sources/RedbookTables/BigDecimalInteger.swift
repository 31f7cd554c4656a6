/// A non-negative integer in base 10⁹ limbs, just enough to expand a double exactly.
struct BigDecimalInteger {
    private static let base: UInt64 = 1_000_000_000
    /// Least significant limb first.
    private var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = [value % Self.base, (value / Self.base) % Self.base, value / Self.base / Self.base]
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    }

    /// Multiplies by `base^exponent` for base 2 or 5, in chunks that keep each product in 64 bits.
    mutating func multiply(byPowerOf base: UInt64, _ exponent: Int) {
        let chunk = base == 2 ? 30 : 13
        var remaining = exponent
        while remaining > 0 {
            let step = min(remaining, chunk)
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= base }
            multiply(by: factor)
            remaining -= step
        }
    }

    private mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index] * factor + carry
            limbs[index] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    /// Decimal digit values, most significant first, without leading zeros.
    func digits() -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(limbs.count * 9)
        for (offset, limb) in limbs.reversed().enumerated() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var rest = limb
            for position in stride(from: 8, through: 0, by: -1) {
                chunk[position] = UInt8(rest % 10)
                rest /= 10
            }
            if offset == 0 {
                result.append(contentsOf: chunk.drop { $0 == 0 })
            } else {
                result.append(contentsOf: chunk)
            }
        }
        return result
    }
}
