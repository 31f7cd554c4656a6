/// Python's text for floats, which pandas and tabulate print: `repr`, `format(x, "g")` and
/// `round(x, n)`.
///
/// All three are correctly rounded from the exact binary value with ties to even, so they are
/// computed from exact decimal digits rather than with C's `printf`, whose output this package
/// would otherwise have to trust on every platform.
package enum PythonFloat {
    /// `repr(x)` (also `str(x)`): the shortest digits that read back as `x`, in positional
    /// notation from 1e-4 up to 1e16 with `.0` on whole numbers, otherwise as `1.5e-07`.
    ///
    /// - Parameter value: Any double, including NaN and the infinities.
    package static func repr(_ value: Double) -> String {
        if let special = special(value) { return special }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let decimal = DecimalDigits(shortest: value)
        let sign = value.sign == .minus ? "-" : ""
        if decimal.point > -4 && decimal.point <= 16 {
            let text = positional(decimal)
            return sign + (text.contains(".") ? text : text + ".0")
        }
        return sign + scientific(decimal)
    }

    /// `format(x, "g")`, tabulate's default float format: six significant digits, trailing zeros
    /// dropped, positional from 1e-4 up to 1e6, otherwise `1.23457e+08`; `-0`, `nan`, `inf`.
    ///
    /// - Parameter value: Any double, including NaN and the infinities.
    package static func general(_ value: Double) -> String {
        if let special = special(value) { return special }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }
        var decimal = DecimalDigits(shortest: value)
        if decimal.digits.count > 6 || !value.isNormal {
            // Rounding the shortest digits again could round twice, and a subnormal's shortest
            // digits can be fewer than six true ones; the exact value has neither problem.
            decimal = DecimalDigits(exact: value).rounded(keeping: 6)
        }
        let exponent = decimal.point - 1
        if exponent >= -4 && exponent < 6 {
            return sign + positional(decimal)
        }
        return sign + scientific(decimal)
    }

    /// `round(x, places)`: the double nearest to `x` rounded to `places` decimals, ties to even
    /// on the exact binary value (so `round(2.675, 2)` is 2.67).
    ///
    /// - Parameters:
    ///   - value: The number to round; NaN, infinities and zeros come back unchanged.
    ///   - places: Digits after the decimal point, at least 0.
    package static func round(_ value: Double, places: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exact = DecimalDigits(exact: value)
        let rounded = exact.rounded(keeping: exact.point + max(0, places))
        guard !rounded.digits.isEmpty else { return value.sign == .minus ? -0.0 : 0.0 }
        var text = value.sign == .minus ? "-0." : "0."
        for digit in rounded.digits { text.append(Character(Unicode.Scalar(digit + 48))) }
        text += "e\(rounded.point)"
        return Double(text) ?? value
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    /// `123.45`, `0.00012`, `1200`: the digits with the point placed, no exponent.
    private static func positional(_ decimal: DecimalDigits) -> String {
        var text = ""
        let digits = decimal.digits
        if decimal.point <= 0 {
            text += "0."
            text += String(repeating: "0", count: -decimal.point)
            append(digits[...], to: &text)
        } else if decimal.point >= digits.count {
            append(digits[...], to: &text)
            text += String(repeating: "0", count: decimal.point - digits.count)
        } else {
            append(digits[..<decimal.point], to: &text)
            text += "."
            append(digits[decimal.point...], to: &text)
        }
        return text
    }

    /// `1.5e-07`, `1e+16`: one digit before the point, an exponent of at least two digits.
    private static func scientific(_ decimal: DecimalDigits) -> String {
        var text = ""
        let digits = decimal.digits
        append(digits.prefix(1), to: &text)
        if digits.count > 1 {
            text += "."
            append(digits.dropFirst(), to: &text)
        }
        let exponent = decimal.point - 1
        text += exponent < 0 ? "e-" : "e+"
        let magnitude = String(exponent.magnitude)
        if magnitude.count < 2 { text += "0" }
        text += magnitude
        return text
    }

    private static func append(_ digits: ArraySlice<UInt8>, to text: inout String) {
        for digit in digits { text.unicodeScalars.append(Unicode.Scalar(digit + 48)) }
    }
}
