/// Reads the data behind the step language's `fetch` step: a local file or an http(s) URL.
///
/// Locations:
/// - A path, absolute or relative to ``FetchSettings/baseFolder``, is read as it is now, on
///   every call. `~` is not expanded. Local files are never cached.
/// - An `http://` or `https://` URL is downloaded once and then served from the cache in
///   ``FetchSettings/cacheFolder``, so re-running a notebook gives the same data and works
///   without a network. Cache entries never expire: delete an entry's file (or the folder) to
///   download it again. Credentials in the URL (`user:password@`) are sent but never shown,
///   and are not part of the cache entry's name.
/// - A `file:///path` URL names a local path, read as one.
/// - Any other scheme (`ftp:`, `data:` ...) is refused.
///
/// With ``FetchSettings/readablePaths`` set, local reads stay inside the base folder and those
/// paths, so a notebook from elsewhere cannot read the user's other files.
///
/// One fetch delivers at most ``FetchSettings/maximumBytes`` (256 MB unless told); larger data
/// is refused, and a download is cut off as soon as it passes the limit.
public struct Fetcher: Sendable {
    /// Where this fetcher looks and what it may do.
    public var settings: FetchSettings

    /// Creates a fetcher.
    public init(settings: FetchSettings) {
        self.settings = settings
    }

    /// Reads the data at `location`.
    ///
    /// Blocks the calling thread until the file is read or the download ends; a download that
    /// receives nothing for ``FetchSettings/timeout`` fails.
    ///
    /// - Parameter location: A local path, or an http(s) URL.
    /// - Returns: The bytes, how to name their source in messages, and whether they came from
    ///   the cache.
    /// - Throws: ``FetchError`` saying what failed, naming the location (URLs with credentials
    ///   hidden), with a hint for the fix.
    public func fetch(_ location: String) throws(FetchError) -> FetchedData {
        switch try FetchLocation.parse(location, baseFolder: settings.baseFolder) {
        case .local(let written, let resolved, let fileURL):
            try ReadPermission(settings: settings).check(written: written, resolved: resolved, fileURL: fileURL)
            let bytes = try LocalFile.read(written: written, resolved: resolved,
                                           baseFolder: settings.baseFolder.path, limit: settings.maximumBytes)
            return FetchedData(bytes: bytes, source: written, fromCache: false)
        case .web(let address):
            return try download(address)
        }
    }

    /// The cached body, else (when online) a fresh download that is then cached.
    private func download(_ address: WebAddress) throws(FetchError) -> FetchedData {
        let cache = FetchCache(folder: settings.cacheFolder)
        if let bytes = try cache.lookup(address, limit: settings.maximumBytes) {
            return FetchedData(bytes: bytes, source: address.shown, fromCache: true)
        }
        if settings.offline {
            throw FetchError(.notCached, message: "\(address.shown) is not in the cache, and --offline forbids downloading it",
                             hint: "run once without --offline to download it into \(settings.cacheFolder.path)")
        }
        let bytes = try HTTPDownload.get(address, timeout: settings.timeout, limit: settings.maximumBytes)
        try cache.store(bytes, for: address)
        return FetchedData(bytes: bytes, source: address.shown, fromCache: false)
    }
}
