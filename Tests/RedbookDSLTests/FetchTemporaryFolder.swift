import Foundation
import RedbookDSL

/// A fresh folder under the system's temporary folder, removed when the test drops it, so each
/// test has its own notebook folder and its own cache.
final class FetchTemporaryFolder {
    /// The folder.
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("redbook-fetch-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's path.
    var path: String { url.path }

    /// A folder inside this one that does not exist yet, for a cache the fetcher must create.
    var cache: URL { url.appendingPathComponent("cache/fetch", isDirectory: true) }

    /// Writes a file at `relative`, creating folders on the way, and returns its absolute path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Settings whose base folder is this one and whose cache is ``cache``.
    func settings(offline: Bool = false, timeout: Duration = .seconds(5),
                  maximumBytes: Int = FetchSettings.defaultMaximumBytes) -> FetchSettings {
        FetchSettings(baseFolder: url, cacheFolder: cache, offline: offline, timeout: timeout, maximumBytes: maximumBytes)
    }

    /// A fetcher with ``settings(offline:timeout:maximumBytes:)``.
    func fetcher(offline: Bool = false, timeout: Duration = .seconds(5),
                 maximumBytes: Int = FetchSettings.defaultMaximumBytes) -> Fetcher {
        Fetcher(settings: settings(offline: offline, timeout: timeout, maximumBytes: maximumBytes))
    }
}
