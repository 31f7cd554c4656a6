import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLSession's delegate for one ``HTTPDownload``: collects the body, enforces the size limit,
/// and tells the waiting thread when the transfer is over and when anything last arrived.
///
/// URLSession calls it on its own queue while the caller reads it from another thread, so all
/// state sits behind one lock; that is what makes the `@unchecked Sendable` true.
final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// How the transfer ended, or `pending` while it runs.
    enum Outcome {
        case pending
        case body([UInt8])
        case status(Int)
        case tooLarge
        case failed(any Error)
    }

    /// Signalled once, when the transfer is over for any reason.
    let finished = DispatchSemaphore(value: 0)

    private let limit: Int
    private let lock = NSLock()
    private var body: [UInt8] = []
    private var verdict: Outcome = .pending
    private var activity: UInt64 = DispatchTime.now().uptimeNanoseconds

    init(limit: Int) {
        self.limit = limit
    }

    /// The outcome so far.
    var outcome: Outcome { lock.withLock { verdict } }

    /// `DispatchTime` nanoseconds when the transfer started or last received anything.
    var lastActivity: UInt64 { lock.withLock { activity } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 200
        let disposition: URLSession.ResponseDisposition = lock.withLock {
            activity = DispatchTime.now().uptimeNanoseconds
            // An error page's body is of no use, and a declared size past the limit need not
            // be downloaded to be refused.
            if !(200..<300).contains(status) {
                verdict = .status(status)
                return .cancel
            }
            if response.expectedContentLength > Int64(limit) {
                verdict = .tooLarge
                return .cancel
            }
            if response.expectedContentLength > 0 {
                body.reserveCapacity(Int(response.expectedContentLength))
            }
            return .allow
        }
        completionHandler(disposition)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit: Bool = lock.withLock {
            activity = DispatchTime.now().uptimeNanoseconds
            guard case .pending = verdict else { return false }
            if body.count + data.count > limit {
                verdict = .tooLarge
                body = []
                return true
            }
            body += data
            return false
        }
        if overLimit { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            // A status or size verdict came first and caused the cancellation; keep it.
            guard case .pending = verdict else { return }
            verdict = error.map { .failed($0) } ?? .body(body)
        }
        finished.signal()
    }
}
