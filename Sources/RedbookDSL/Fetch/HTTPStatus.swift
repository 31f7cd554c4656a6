/// Words for HTTP status codes in messages, since URLSession does not pass on the server's own.
enum HTTPStatus {
    /// The standard reason phrase, such as `Not Found` for 404, or a generic one by class.
    static func reason(for code: Int) -> String {
        if let phrase = phrases[code] { return phrase }
        switch code {
        case 300..<400: return "Redirection"
        case 400..<500: return "Client Error"
        case 500..<600: return "Server Error"
        default: return "Unexpected Status"
        }
    }

    /// What to try for an answer with this status.
    static func hint(for code: Int) -> String {
        switch code {
        case 401, 403:
            "the server refuses access; check the URL, and any user:password@ in it"
        case 404, 410:
            "check the URL; open it in a browser to see what the server has there"
        case 429:
            "the server asks for fewer requests; wait, then run again (later runs use the cache)"
        case 300..<400:
            "the server answered with a redirect that was not followed; use the URL it points to"
        case 500..<600:
            "the server failed to answer; try again later, or tell whoever runs it"
        default:
            "check the URL"
        }
    }

    private static let phrases: [Int: String] = [
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout",
        409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
        413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
        416: "Range Not Satisfiable", 418: "I'm a teapot", 421: "Misdirected Request",
        422: "Unprocessable Content", 425: "Too Early", 426: "Upgrade Required",
        428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
        451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
        507: "Insufficient Storage", 511: "Network Authentication Required",
    ]
}
