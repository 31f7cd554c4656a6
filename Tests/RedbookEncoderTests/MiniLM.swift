import Foundation

/// The default model in the cache, which scripts/bootstrap installs.
enum MiniLM {
    static var folder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["REDBOOK_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("models/all-MiniLM-L6-v2")
        }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache").path
        return URL(fileURLWithPath: cache).appendingPathComponent("redbook/models/all-MiniLM-L6-v2")
    }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path)
    }
}
