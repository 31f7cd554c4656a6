import Foundation

/// What a `fetch` location names: a local path or an http(s) URL. Anything else is refused
/// while parsing.
enum FetchLocation: Equatable {
    /// A local path as written, the absolute path it resolves to, and whether it was written
    /// as a `file:` URL.
    case local(written: String, resolved: String, fileURL: Bool)
    /// An http(s) URL.
    case web(WebAddress)

    /// Classifies `text`.
    ///
    /// Text that starts with `scheme:` (letters, then letters, digits, `+`, `-` or `.`) is a
    /// URL; anything else is a path. Paths are taken literally: `~` is not expanded, since a
    /// notebook must mean the same thing on every machine.
    ///
    /// - Throws: ``FetchError`` of kind ``FetchError/Kind/unsupportedScheme`` for any scheme
    ///   but http and https, or ``FetchError/Kind/invalidURL`` for an http(s) URL that does
    ///   not parse.
    static func parse(_ text: String, baseFolder: URL) throws(FetchError) -> FetchLocation {
        // An empty path would resolve to the notebook's folder and be reported as a folder.
        guard !text.isEmpty else {
            throw FetchError(.missingFile, message: "fetch was given an empty location",
                             hint: "write a path such as \"data/bikes.json\" or an https:// URL")
        }
        guard let scheme = scheme(of: text) else {
            let resolved = text.hasPrefix("/")
                ? text
                : baseFolder.appendingPathComponent(text).path
            return .local(written: text, resolved: resolved, fileURL: false)
        }
        switch scheme.lowercased() {
        case "http", "https":
            return .web(try WebAddress(text))
        case "file":
            guard let url = URL(string: text), url.isFileURL, url.host == nil || url.host == "" || url.host == "localhost",
                  !url.path.isEmpty else {
                throw FetchError(.invalidURL, message: "fetch cannot read \(quoted(text)): not a file URL of this machine",
                                 hint: "write file:///absolute/path, or the path itself")
            }
            return .local(written: text, resolved: url.path, fileURL: true)
        default:
            // `notes:v2.json` may be a file name rather than a URL; say how to mean the file.
            let colonName = text.contains("://") ? "" : "; for a local file whose name holds a colon, write ./\(text)"
            throw FetchError(.unsupportedScheme,
                             message: "fetch cannot read \(quoted(text)): the \(scheme): scheme is not supported",
                             hint: "fetch reads local paths, file:// URLs and http:// or https:// URLs" + colonName)
        }
    }

    /// The scheme before the first `:`, when `text` starts with one.
    private static func scheme(of text: String) -> Substring? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return nil
        }
        return candidate
    }

    /// `'text'` with credentials hidden, for messages about text that is not yet known to be a URL.
    private static func quoted(_ text: String) -> String {
        "'\(WebAddress.redact(text))'"
    }
}
