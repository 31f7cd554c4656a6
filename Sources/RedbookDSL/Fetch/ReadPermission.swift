import Foundation

/// Whether a local read stays where ``FetchSettings/readablePaths`` allows.
struct ReadPermission {
    let settings: FetchSettings

    /// - Throws: ``FetchError`` of kind ``FetchError/Kind/notPermitted`` naming the path and the
    ///   flag that allows it.
    func check(written: String, resolved: String, fileURL: Bool) throws(FetchError) {
        guard let extra = settings.readablePaths else { return }
        let target = Self.real(resolved)
        let allowed = (fileURL ? [] : [settings.baseFolder.path]) + extra.map(\.path)
        if allowed.contains(where: { Self.contains(Self.real($0), target) }) { return }
        let place = fileURL ? "a file: URL outside the --allow-read paths" : "outside the notebook's folder \(settings.baseFolder.path)"
        throw FetchError(.notPermitted, message: "fetch may not read \(LocalFile.displayName(written: written, resolved: target)): it is \(place)",
                         hint: "if you trust this notebook, run it with --allow-read \(target) (a file or a folder holding it)")
    }

    /// The path with links, `.` and `..` resolved; for a path that does not exist yet, its
    /// nearest existing folder resolved and the rest appended.
    static func real(_ path: String) -> String {
        var tail = [String]()
        var current = (path as NSString).standardizingPath
        while !current.isEmpty, current != "/" {
            if let resolved = realpath(current, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + tail.reversed()).joined(separator: "/")
            }
            tail.append((current as NSString).lastPathComponent)
            current = (current as NSString).deletingLastPathComponent
        }
        return "/" + tail.reversed().joined(separator: "/")
    }

    /// Whether `path` is `folder` or lies inside it.
    static func contains(_ folder: String, _ path: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
