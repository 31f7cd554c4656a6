/// One value in a table, modelled on the Python values that reach pandas.
///
/// A table built from JSON gets `.integer` for numbers without a fraction or exponent,
/// `.double` for the others, and `.double(.nan)` for a key a row does not have (pandas fills
/// absent keys with NaN, which is not the same as an explicit `null`).
public enum Cell: Sendable, Hashable {
    /// A Python `str`.
    case text(String)
    /// A Python `int` that fits in 64 bits.
    case integer(Int64)
    /// A Python `float`, including NaN and the infinities.
    case double(Double)
    /// A Python `bool`.
    case boolean(Bool)
    /// Python's `None`.
    case missing
}
