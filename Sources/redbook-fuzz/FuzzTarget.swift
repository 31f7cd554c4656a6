/// One parser under fuzzing: its name on the command line and the function each input goes through.
///
/// The function must return for every input. It traps (and so makes libFuzzer keep the input)
/// only when the code under test crashes or breaks a property checked with ``invariant(_:_:file:line:)``.
struct FuzzTarget: Sendable {
    /// The environment variable that names the target for copies of the program libFuzzer starts.
    static let environmentKey = "REDBOOK_FUZZ_TARGET"

    /// Every target, in the order `scripts/fuzz all` runs them.
    static let all: [FuzzTarget] = [.notebook, .redisArguments, .json, .modelConfig, .tokenizer, .reply, .dsl]

    /// The name on the command line and of the seed corpus folder, `Tests/Fuzz/corpus/<name>`.
    let name: String
    /// What the target feeds its input to, for `--list`.
    let summary: String
    /// Runs one input.
    let run: @Sendable ([UInt8]) -> Void

    static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}

/// Traps when a property that the code under test promises does not hold, so the fuzzer reports
/// the input that broke it.
func invariant(_ holds: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
               file: StaticString = #fileID, line: UInt = #line) {
    if !holds() { fatalError("invariant broken: \(message())", file: file, line: line) }
}
