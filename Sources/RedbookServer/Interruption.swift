import Glibc
import Synchronization

/// What Ctrl-C (SIGINT), SIGTERM or SIGHUP means while a file is being replaced.
///
/// The signal handler stops the embedded servers and exits, on a thread of its own, while the
/// main thread may be halfway through saving a notebook. Files are replaced through ``commit(_:)``
/// so that the two never overlap: once an interruption is requested no rename starts, a rename
/// already under way finishes before the process exits, and temporary files that were never
/// renamed are removed.
public enum Interruption {
    private struct State {
        var requested = false
        var temporaries = Set<String>()
    }

    private static let state = Mutex(State())
    /// What SIGINT does instead of stopping the process, while a REPL is open.
    private static let interceptor = Mutex<(@Sendable () -> Void)?>(nil)

    /// Makes SIGINT call `handler` rather than stop the servers and exit, so an interactive
    /// session can cancel what is running and stay open; `nil` restores the default. SIGTERM
    /// and SIGHUP still stop the servers and exit.
    ///
    /// - Parameter handler: Runs on a background thread, once per SIGINT.
    public static func intercept(_ handler: (@Sendable () -> Void)?) {
        interceptor.withLock { $0 = handler }
    }

    /// The handler that takes SIGINT instead of the default, if one is set.
    static var interruptHandler: (@Sendable () -> Void)? {
        interceptor.withLock { $0 }
    }
    /// Held for the whole of each rename, and by the handler before it exits.
    private static let renames = Mutex(())

    /// Whether SIGINT or SIGTERM has arrived.
    public static var isRequested: Bool {
        state.withLock { $0.requested }
    }

    /// Registers a temporary file to remove if the process is interrupted before it is renamed.
    ///
    /// - Parameter path: The temporary file's path.
    public static func track(temporary path: String) {
        _ = state.withLock { $0.temporaries.insert(path) }
    }

    /// Forgets a temporary file that was renamed or removed.
    ///
    /// - Parameter path: The temporary file's path.
    public static func forget(temporary path: String) {
        _ = state.withLock { $0.temporaries.remove(path) }
    }

    /// Runs `body` (a rename) unless an interruption was requested.
    ///
    /// - Parameter body: The step that makes a new file visible.
    /// - Returns: `false`, without running `body`, when the process is being interrupted.
    public static func commit(_ body: () -> Void) -> Bool {
        renames.withLock { _ in
            guard !isRequested else { return false }
            body()
            return true
        }
    }

    /// Marks the process as interrupted, waits for a rename in progress and removes temporary files.
    ///
    /// Called by the signal handler before it stops the servers and exits.
    static func begin() {
        let temporaries = state.withLock { state in
            state.requested = true
            return state.temporaries
        }
        renames.withLock { _ in
            for path in temporaries { unlink(path) }
        }
    }

    /// Parks the calling thread for good once an interruption was requested, so that the main
    /// thread prints nothing misleading (a connection the handler just closed) before the exit.
    public static func parkIfRequested() {
        guard isRequested else { return }
        while true { pause() }
    }
}
