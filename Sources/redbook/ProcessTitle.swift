import Glibc
import RedbookRedis

/// Keeps passwords given on the command line out of `ps` and `/proc/PID/cmdline`.
enum ProcessTitle {
    /// The arguments, read before the process's own copy of them has its passwords overwritten
    /// with `*` (the same length, so the title keeps its shape).
    static func argumentsHidingPasswords() -> [String] {
        let arguments = CommandLine.arguments
        for index in arguments.indices.dropFirst() {
            let text = arguments[index]
            let previous = arguments[index - 1]
            guard previous == "--redis" || text.hasPrefix("--redis=") || text.contains("://"),
                  let secret = RedisURL.secretRange(in: text),
                  let pointer = CommandLine.unsafeArgv[index] else { continue }
            let start = text.utf8.distance(from: text.startIndex, to: secret.lowerBound)
            let count = text.utf8.distance(from: secret.lowerBound, to: secret.upperBound)
            memset(pointer + start, Int32(UInt8(ascii: "*")), count)
        }
        return arguments
    }
}
