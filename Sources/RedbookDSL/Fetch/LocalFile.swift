import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole local file through POSIX calls, so each failure has its own errno and message.
enum LocalFile {
    /// The bytes of the file at `resolved`.
    ///
    /// Reads at most `limit` bytes and fails past that, also for files whose size `fstat`
    /// cannot tell (a pipe, `/dev/zero`), so a wrong path cannot exhaust memory.
    ///
    /// - Parameters:
    ///   - written: The path as the notebook wrote it, for messages.
    ///   - resolved: The absolute path to open.
    ///   - baseFolder: The folder relative paths start at, for the missing-file hint.
    ///   - limit: The most bytes to accept.
    /// - Throws: ``FetchError`` of kind ``FetchError/Kind/missingFile``,
    ///   ``FetchError/Kind/isFolder``, ``FetchError/Kind/unreadable`` or ``FetchError/Kind/tooLarge``.
    static func read(written: String, resolved: String, baseFolder: String, limit: Int) throws(FetchError) -> [UInt8] {
        let name = displayName(written: written, resolved: resolved)
        let descriptor = open(resolved, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw failure(errno: errno, name: name, written: written, baseFolder: baseFolder)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw failure(errno: errno, name: name, written: written, baseFolder: baseFolder)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw FetchError(.isFolder, message: "\(name) is a folder, not a file", hint: folderHint(written: written, resolved: resolved))
        }
        if Int(status.st_size) > limit {
            throw FetchError.tooLarge(name, limit: limit)
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno: errno, name: name, written: written, baseFolder: baseFolder)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > limit { throw FetchError.tooLarge(name, limit: limit) }
        }
    }

    #if canImport(Glibc)
    private static let systemRead = Glibc.read
    #else
    private static let systemRead = Darwin.read
    #endif

    /// Suggests a real file from the folder, so the fix can be copied.
    private static func folderHint(written: String, resolved: String) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: resolved)) ?? []
        let example = names.sorted().first { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: resolved + "/" + name, isDirectory: &isFolder)
                && !isFolder.boolValue
        }
        guard let example else { return "name a file inside it" }
        return "name a file inside it, such as \(written.hasSuffix("/") ? written : written + "/")\(example)"
    }

    /// `data/bikes.json (resolved to /home/me/notes/data/bikes.json)`, or the path alone when
    /// it was written absolute.
    static func displayName(written: String, resolved: String) -> String {
        written == resolved ? written : "\(written) (resolved to \(resolved))"
    }

    /// The error for a failed `open`, `fstat` or `read`.
    static func failure(errno code: Int32, name: String, written: String, baseFolder: String) -> FetchError {
        switch code {
        case ENOENT, ENOTDIR:
            var hint = written.hasPrefix("/")
                ? "check the path"
                : "relative paths start at the notebook's folder, \(baseFolder)"
            if written.hasPrefix("~") { hint += "; ~ is not expanded, so write the full path" }
            return FetchError(.missingFile, message: "no such file: \(name)", hint: hint)
        case EACCES, EPERM:
            return FetchError(.unreadable, message: "cannot read \(name): permission denied",
                              hint: "check the permissions of the file and of the folders above it")
        case EISDIR:
            return FetchError(.isFolder, message: "\(name) is a folder, not a file", hint: "name a file inside it")
        default:
            return FetchError(.unreadable, message: "cannot read \(name): \(String(cString: strerror(code)))")
        }
    }
}
