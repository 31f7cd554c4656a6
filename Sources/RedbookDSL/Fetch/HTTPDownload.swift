import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One blocking GET of an http(s) URL, through URLSession.
///
/// The caller's thread waits on a semaphore while URLSession works on its own queue. The body
/// is counted as it arrives and the transfer cancelled past the size limit, and a watchdog
/// fails the request once nothing has arrived for the whole timeout, so neither a huge body
/// nor a silent server can hold the run.
enum HTTPDownload {
    /// The response body of a 2xx answer.
    ///
    /// - Throws: ``FetchError`` of kind ``FetchError/Kind/httpStatus(_:)``,
    ///   ``FetchError/Kind/timedOut``, ``FetchError/Kind/connection`` or
    ///   ``FetchError/Kind/tooLarge``, naming the URL with credentials hidden.
    static func get(_ address: WebAddress, timeout: Duration, limit: Int) throws(FetchError) -> [UInt8] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout.timeInterval
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        let transfer = Transfer(limit: limit)
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: address.url, timeoutInterval: timeout.timeInterval)
        request.httpMethod = "GET"
        let task = session.dataTask(with: request)
        task.resume()

        // Clamped so that a zero, negative or enormous timeout cannot trap the conversion.
        let silence = UInt64(min(max(timeout.timeInterval, 0), 1e9) * 1e9)
        while true {
            let deadline = DispatchTime(uptimeNanoseconds: transfer.lastActivity + silence)
            if transfer.finished.wait(timeout: deadline) == .success { break }
            if DispatchTime.now().uptimeNanoseconds >= transfer.lastActivity + silence {
                task.cancel()
                throw timedOut(address, timeout)
            }
        }
        return try result(of: transfer.outcome, address: address, timeout: timeout, limit: limit)
    }

    /// Turns what the transfer saw into the body or the error for it.
    private static func result(of outcome: Transfer.Outcome, address: WebAddress,
                               timeout: Duration, limit: Int) throws(FetchError) -> [UInt8] {
        switch outcome {
        case .body(let bytes):
            return bytes
        case .status(let code):
            throw FetchError(.httpStatus(code), message: "\(address.shown): HTTP \(code) \(HTTPStatus.reason(for: code))",
                             hint: HTTPStatus.hint(for: code))
        case .tooLarge:
            throw FetchError.tooLarge(address.shown, limit: limit)
        case .failed(let error):
            let code = (error as? URLError)?.code
            if code == .timedOut { throw timedOut(address, timeout) }
            let reason = address.scrub(systemReason(error))
            throw FetchError(.connection, message: "\(address.shown): \(reason)",
                             hint: connectionHint(for: code))
        case .pending:
            throw FetchError(.connection, message: "\(address.shown): the transfer ended without an answer")
        }
    }

    private static func timedOut(_ address: WebAddress, _ timeout: Duration) -> FetchError {
        FetchError(.timedOut, message: "\(address.shown): timed out after \(timeout.secondsText)",
                   hint: "the server sent nothing for \(timeout.secondsText); check that it is up and the URL is right, then run again")
    }

    /// The system's own words, without the trailing period Foundation's messages carry.
    private static func systemReason(_ error: any Error) -> String {
        var text = (error as NSError).localizedDescription
        if text.hasSuffix(".") { text.removeLast() }
        return text.isEmpty ? "\(error)" : text
    }

    private static func connectionHint(for code: URLError.Code?) -> String {
        switch code {
        case .cannotFindHost?, .dnsLookupFailed?:
            "check the host name and the network connection"
        case .cannotConnectToHost?:
            "check the host and port, and that the server is running"
        case .networkConnectionLost?, .badServerResponse?:
            "the server closed the connection without a full answer; try again, or check the URL"
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?,
             .serverCertificateHasUnknownRoot?, .serverCertificateNotYetValid?:
            "the server's TLS certificate was not accepted; check the URL, or use one with a valid certificate"
        default:
            "check the URL and the network"
        }
    }
}
