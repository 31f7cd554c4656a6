extension Value {
    /// The most UTF-8 bytes a string a step builds, or the text written for one value, may
    /// hold unless an interpreter is told otherwise: as much as one `fetch` reads.
    public static let standardTextLimit = 256 * 1024 * 1024

    /// The most elements an array a step builds may hold unless an interpreter is told
    /// otherwise, a range included.
    public static let standardElementLimit = 10_000_000

    /// Why a value's text stopped: it outgrew `limit` bytes.
    static func textTooLarge(_ what: String, limit: Int) -> StepError {
        StepError("\(what) is larger than \(ByteSize.text(limit))",
                  hint: "a value that holds itself many times over (a = [a, a] in a loop) writes out far larger than it looks")
    }
}

/// Sizes as messages give them.
enum ByteSize {
    /// `256 MB` for whole megabytes, `4096 bytes` otherwise.
    static func text(_ bytes: Int) -> String {
        let megabyte = 1024 * 1024
        return bytes >= megabyte && bytes % megabyte == 0 ? "\(bytes / megabyte) MB" : "\(bytes) bytes"
    }
}
