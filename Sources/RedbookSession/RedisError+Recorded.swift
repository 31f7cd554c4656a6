import RedbookRedis

extension RedisError {
    /// The error as a notebook records it: like ``description``, without the server's address.
    ///
    /// A notebook run without `--redis` starts its own server on a random port, so an address in
    /// a recorded output would change the notebook on every run. The failure printed to standard
    /// error, which is not recorded, keeps the address.
    var recordedDescription: String {
        switch self {
        case .connection(let failure):
            if let command = failure.command {
                "the connection to Redis was lost during \(command): \(failure.reason)"
            } else {
                "cannot connect to Redis: \(failure.reason)"
            }
        case .invalidURL(let failure):
            "invalid Redis URL: \(failure.reason)"
        case .server, .protocolViolation:
            description
        }
    }
}
