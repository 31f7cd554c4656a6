/// A positive decimal number as a digit string and the place of its decimal point.
///
/// The value is `0.d₁d₂d₃… × 10^point`: digits `[1, 5]` with point `1` is 1.5, with point `-2`
/// is 0.0015. Digits carry no leading zeros; an empty digit list is zero.
struct DecimalDigits: Sendable, Hashable {
    /// Digit values 0…9, most significant first.
    var digits: [UInt8]
    /// Where the decimal point sits, counted from the left of the first digit.
    var point: Int

    /// The shortest digits that read back as `value` (Python's `repr`, Swift's `description`).
    ///
    /// Both languages pick the shortest round-tripping digits closest to the exact value, so the
    /// standard library's text is parsed instead of re-implementing that search.
    init(shortest value: Double) {
        var digits: [UInt8] = []
        var point = 0
        var exponent = 0
        var seenPoint = false
        var inExponent = false
        var exponentSign = 1
        for byte in value.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent:
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if digits.isEmpty && digit == 0 {
                    if seenPoint { point -= 1 }
                } else {
                    digits.append(digit)
                    if !seenPoint { point += 1 }
                }
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): exponentSign = -1
            default: break
            }
        }
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
        self.point = digits.isEmpty ? 0 : point + exponentSign * exponent
    }

    /// Every digit of `value`'s exact binary value (a finite double is a finite decimal).
    init(exact value: Double) {
        let magnitude = value.magnitude
        guard magnitude.isFinite, magnitude != 0 else {
            self.init(digits: [], point: 0)
            return
        }
        var significand = magnitude.significandBitPattern
        var exponent = Int(magnitude.exponentBitPattern) - 1075
        if magnitude.exponentBitPattern == 0 {
            exponent = -1074
        } else {
            significand |= 1 << 52
        }
        var number = BigDecimalInteger(significand)
        if exponent >= 0 {
            number.multiply(byPowerOf: 2, exponent)
            let text = number.digits()
            self.init(digits: text, point: text.count)
        } else {
            // m × 2^-k = m × 5^k / 10^k.
            number.multiply(byPowerOf: 5, -exponent)
            let text = number.digits()
            self.init(digits: text, point: text.count + exponent)
        }
        while digits.last == 0 { digits.removeLast() }
    }

    init(digits: [UInt8], point: Int) {
        self.digits = digits
        self.point = point
    }

    /// Rounds to the first `count` digits, ties to even, as C's and Python's correctly rounded
    /// formatting does; only meaningful when `digits` are exact.
    func rounded(keeping count: Int) -> DecimalDigits {
        guard count < digits.count else { return self }
        guard count >= 0 else { return DecimalDigits(digits: [], point: 0) }
        var kept = Array(digits[0..<count])
        let next = digits[count]
        let restNonZero = digits[(count + 1)...].contains { $0 != 0 }
        let lastIsOdd = (kept.last ?? 0) % 2 == 1
        let roundUp = next > 5 || (next == 5 && (restNonZero || lastIsOdd))
        var point = self.point
        if roundUp {
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 {
                kept[index] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while kept.last == 0 { kept.removeLast() }
        return DecimalDigits(digits: kept, point: kept.isEmpty ? 0 : point)
    }
}
