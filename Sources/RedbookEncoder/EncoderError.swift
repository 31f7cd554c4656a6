/// Why a model could not be loaded or run.
///
/// Each case names the file it concerns, so a broken model folder is easy to mend.
public enum EncoderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file the model folder must contain is missing.
    case missingFile(path: String)
    /// A file exists but its contents are malformed.
    case invalidFile(path: String, reason: String)
    /// The model uses an architecture, dtype or pooling mode this encoder does not implement.
    case unsupported(path: String, reason: String)
    /// Token ids handed to the encoder directly do not fit the model (empty, too long, or outside the vocabulary).
    case invalidInput(reason: String)
    /// This build uses vector instructions the CPU lacks (it was built on a newer machine).
    case unsupportedProcessor(missing: [String])

    public var description: String {
        switch self {
        case .missingFile(let path):
            "\(path): file not found (is this a sentence-transformers model folder? run scripts/bootstrap for the default model)"
        case .invalidFile(let path, let reason):
            "\(path): \(reason)"
        case .unsupported(let path, let reason):
            "\(path): unsupported: \(reason)"
        case .invalidInput(let reason):
            "invalid encoder input: \(reason)"
        case .unsupportedProcessor(let missing):
            "this build of the encoder uses \(missing.joined(separator: " and ")), which this CPU lacks; rebuild it here, or with REDBOOK_PORTABLE=1 for any x86-64 CPU"
        }
    }
}
