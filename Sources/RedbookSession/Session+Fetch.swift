import Foundation
import RedbookDSL

extension Session {
    /// A file relative to ``folder`` or an http(s) URL, through the fetch cache (see docs/fetch.md).
    func fetchData(_ location: String) throws(StepError) -> [UInt8] {
        let fetcher = Fetcher(settings: FetchSettings(baseFolder: folder, offline: offline,
                                                     readablePaths: permissions.readableFolders))
        do throws(FetchError) {
            return try fetcher.fetch(location).bytes
        } catch {
            throw StepError(error.message, hint: error.hint)
        }
    }
}
