public import Foundation

/// Where `fetch` looks and what it may do.
public struct FetchSettings: Sendable, Hashable {
    /// The folder relative paths resolve against: the notebook's own folder.
    public var baseFolder: URL
    /// Where downloaded URLs are kept; see ``Fetcher`` for how entries are named and kept.
    public var cacheFolder: URL
    /// When `true`, the network is never touched: URLs come from the cache or fail.
    public var offline: Bool
    /// How long a request may go without receiving anything before it fails.
    ///
    /// This bounds silence, not the whole transfer, so a large download that keeps arriving is
    /// never cut off by it.
    public var timeout: Duration
    /// The most bytes one fetch delivers; anything larger is refused before it fills the disk.
    public var maximumBytes: Int
    /// Where local reads may go: `nil` for anywhere; otherwise a path inside ``baseFolder`` or one
    /// of these (files or folders), and a `file:` URL only inside one of these. Links are
    /// followed before the check, so a link cannot lead outside.
    public var readablePaths: [URL]?

    /// 256 MB, the default ``maximumBytes``.
    public static let defaultMaximumBytes = 256 * 1024 * 1024

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - baseFolder: The folder relative paths resolve against, normally the notebook's.
    ///   - cacheFolder: Where downloads are kept; ``defaultCacheFolder`` when `nil`.
    ///   - offline: Whether to refuse the network and serve URLs only from the cache.
    ///   - timeout: How long a request may stay silent; 30 seconds unless told.
    ///   - maximumBytes: The size limit for one fetch; 256 MB unless told.
    ///   - readablePaths: Where local reads may go besides `baseFolder`; `nil` for anywhere.
    public init(baseFolder: URL, cacheFolder: URL? = nil, offline: Bool = false,
                timeout: Duration = .seconds(30), maximumBytes: Int = FetchSettings.defaultMaximumBytes,
                readablePaths: [URL]? = nil) {
        self.baseFolder = baseFolder
        self.cacheFolder = cacheFolder ?? FetchSettings.defaultCacheFolder
        self.offline = offline
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.readablePaths = readablePaths
    }

    /// `${REDBOOK_HOME:-${XDG_CACHE_HOME:-~/.cache}/redbook}/fetch`, read from the environment now.
    ///
    /// The same cache folder the server and the model live in, so one `REDBOOK_HOME` moves all
    /// of Redbook's downloads together.
    public static var defaultCacheFolder: URL {
        defaultCacheFolder(environment: ProcessInfo.processInfo.environment,
                           home: FileManager.default.homeDirectoryForCurrentUser)
    }

    /// ``defaultCacheFolder`` for a given environment and home folder, so tests need not change
    /// the process's own.
    static func defaultCacheFolder(environment: [String: String], home: URL) -> URL {
        func setting(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        let redbookHome: URL
        if let path = setting("REDBOOK_HOME") {
            redbookHome = URL(fileURLWithPath: path, isDirectory: true)
        } else {
            let cache = setting("XDG_CACHE_HOME").map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? home.appendingPathComponent(".cache", isDirectory: true)
            redbookHome = cache.appendingPathComponent("redbook", isDirectory: true)
        }
        return redbookHome.appendingPathComponent("fetch", isDirectory: true)
    }
}
