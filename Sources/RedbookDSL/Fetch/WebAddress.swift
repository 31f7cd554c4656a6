import Foundation

/// An http(s) URL to fetch, with the forms of it that may be shown or stored.
///
/// Credentials (`user:password@`) are sent with the request but never shown: ``shown`` has
/// them as `***`, and ``cacheKey`` leaves them out, so they reach neither messages nor disk.
struct WebAddress: Equatable {
    /// What is requested, credentials included.
    let url: URL
    /// The URL as written, with any credentials replaced by `***`.
    let shown: String
    /// The URL as written without its credentials: what names the cache entry.
    let cacheKey: String
    /// The secrets to scrub from text the system produced: the credentials raw and decoded.
    private let secrets: [String]

    /// Parses an http or https URL.
    ///
    /// - Throws: ``FetchError`` of kind ``FetchError/Kind/invalidURL`` when it does not parse
    ///   or names no host.
    init(_ text: String) throws(FetchError) {
        let credentials = WebAddress.credentialsRange(in: text)
        shown = WebAddress.redact(text)
        if let credentials {
            // Drop the `@` too: `https://u:p@host/x` and `https://host/x` share one entry.
            cacheKey = String(text[..<credentials.lowerBound] + text[text.index(after: credentials.upperBound)...])
            let userInfo = String(text[credentials])
            var secrets = [userInfo, userInfo.removingPercentEncoding ?? userInfo]
            if let colon = userInfo.firstIndex(of: ":") {
                let password = String(userInfo[userInfo.index(after: colon)...])
                secrets += [password, password.removingPercentEncoding ?? password]
            }
            self.secrets = Array(Set(secrets.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
        } else {
            cacheKey = text
            secrets = []
        }
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else {
            throw FetchError(.invalidURL, message: "'\(shown)' is not a valid URL",
                             hint: "write it as http://host/path or https://host/path, with spaces and other special characters percent-encoded")
        }
        self.url = url
    }

    /// `text` with every trace of the credentials replaced by `***`, for messages the system wrote.
    func scrub(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// Replaces the credentials in URL-like text with `***`; text without any comes back unchanged.
    ///
    /// Credentials are whatever stands before the last `@` of the authority, the part between
    /// `scheme://` and the next `/`, `?` or `#`. The user name goes too: it is often a token.
    static func redact(_ text: String) -> String {
        guard let range = credentialsRange(in: text) else { return text }
        return String(text[..<range.lowerBound] + "***" + text[range.upperBound...])
    }

    /// Where the credentials are in `text`: from after `://` to just before the authority's last `@`.
    private static func credentialsRange(in text: String) -> Range<String.Index>? {
        guard let separator = text.range(of: "://") else { return nil }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { !"/?#".contains($0) }
        guard let at = authority.lastIndex(of: "@"), at > authority.startIndex else { return nil }
        return authority.startIndex..<at
    }
}
