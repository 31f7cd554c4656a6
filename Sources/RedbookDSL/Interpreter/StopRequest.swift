import Synchronization

/// A request, made from another thread, that the running block stop at its next step: how
/// Ctrl-C in the REPL ends a long loop or an `embed` and keeps the session.
public final class StopRequest: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates a request that is not made yet.
    public init() {}

    /// Asks the running block to stop; safe from any thread, including a signal handler's queue.
    public func request() {
        flag.store(true, ordering: .relaxed)
    }

    /// Withdraws the request, before the next entry runs.
    public func clear() {
        flag.store(false, ordering: .relaxed)
    }

    /// Whether a stop was asked for and not withdrawn.
    public var isRequested: Bool {
        flag.load(ordering: .relaxed)
    }
}
