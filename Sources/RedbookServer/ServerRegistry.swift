import Dispatch
import Glibc
import Synchronization

/// The embedded servers alive in this process, so SIGINT and SIGTERM can stop them before exiting.
final class ServerRegistry: Sendable {
    static let shared = ServerRegistry()

    private let servers = Mutex<[ObjectIdentifier: EmbeddedServer]>([:])
    private let signalSources = Mutex<[any DispatchSourceSignal]>([])

    func add(_ server: EmbeddedServer) {
        servers.withLock { $0[ObjectIdentifier(server)] = server }
    }

    func remove(_ server: EmbeddedServer) {
        _ = servers.withLock { $0.removeValue(forKey: ObjectIdentifier(server)) }
    }

    /// Handles SIGINT, SIGTERM and SIGHUP on a background queue: let a file being replaced finish (see
    /// ``Interruption``), stop every server, then exit 128+signal.
    func installSignalHandlers() {
        signalSources.withLock { sources in
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { [self] in
                    if signalNumber == SIGINT, let handler = Interruption.interruptHandler {
                        handler()
                        return
                    }
                    Interruption.begin()
                    let running = servers.withLock { Array($0.values) }
                    running.forEach { $0.stop() }
                    let note = signalNumber == SIGINT ? "interrupted\n" : signalNumber == SIGHUP ? "hung up\n" : "terminated\n"
                    _ = note.withCString { write(STDERR_FILENO, $0, strlen($0)) }
                    exit(128 + signalNumber)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
