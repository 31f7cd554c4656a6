extension Duration {
    /// The duration in seconds, for the benchmarks' figures.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
