import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder of downloaded response bodies, one file per URL.
///
/// An entry is the body exactly as received, named `HASH-TAIL`: the FNV-1a 64-bit hash of the
/// URL without credentials, in hex, then up to 48 characters of the URL's end with anything
/// but letters, digits, `.`, `_` and `-` turned into `_`, so a person can tell entries apart.
/// Entries never expire; delete the file (or the folder) to download again.
struct FetchCache {
    /// The cache folder.
    let folder: URL

    /// The entry's file for `address`.
    func entry(for address: WebAddress) -> URL {
        folder.appendingPathComponent(FetchCache.entryName(for: address.cacheKey))
    }

    /// The cached body for `address`, or `nil` when it was never stored.
    ///
    /// - Throws: ``FetchError`` of kind ``FetchError/Kind/cache`` when the entry exists but
    ///   cannot be read.
    func lookup(_ address: WebAddress, limit: Int) throws(FetchError) -> [UInt8]? {
        let path = entry(for: address).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try LocalFile.read(written: path, resolved: path, baseFolder: folder.path, limit: limit)
        } catch {
            throw FetchError(.cache, message: "cannot read the cached copy of \(address.shown): \(error.message)",
                             hint: "delete \(path) to download it again")
        }
    }

    /// Stores `bytes` as the entry for `address`, creating the folder (mode 0700) if needed.
    ///
    /// The bytes go to a temporary file in the same folder that is then renamed over the
    /// entry, so a reader or a crash never sees half a body.
    ///
    /// - Throws: ``FetchError`` of kind ``FetchError/Kind/cache`` naming the folder and the
    ///   system's reason.
    func store(_ bytes: [UInt8], for address: WebAddress) throws(FetchError) {
        try createFolder(for: address)
        let target = entry(for: address)
        var template = Array(folder.appendingPathComponent(".\(target.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(address, "cannot create a file: \(reason(errno))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                throw failure(address, "cannot write: \(reason(code))")
            }
            written += count
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            throw failure(address, "cannot flush to disk: \(reason(code))")
        }
        close(descriptor)
        guard rename(temporary, target.path) == 0 else {
            throw failure(address, "cannot rename the new entry into place: \(reason(errno))")
        }
        renamed = true
    }

    /// Creates the cache folder, readable only by its owner since URLs can be private.
    private func createFolder(for address: WebAddress) throws(FetchError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw failure(address, "it is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw failure(address, "cannot create the folder: \(error.localizedDescription)")
        }
        guard chmod(folder.path, 0o700) == 0 else {
            throw failure(address, "cannot make the folder private: \(reason(errno))")
        }
    }

    private func failure(_ address: WebAddress, _ detail: String) -> FetchError {
        FetchError(.cache, message: "cannot cache \(address.shown) in \(folder.path): \(detail)",
                   hint: "make the folder writable, or set REDBOOK_HOME to a folder that is")
    }

    private func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// `HASH-TAIL` for a URL without credentials; see ``FetchCache``.
    static func entryName(for key: String) -> String {
        let hash = String(fnv1a64(Array(key.utf8)), radix: 16)
        let hex = String(repeating: "0", count: 16 - hash.count) + hash
        let withoutScheme = key.range(of: "://").map { String(key[$0.upperBound...]) } ?? key
        var tail = ""
        for character in withoutScheme.suffix(48) {
            let keep = character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
            let next: Character = keep ? character : "_"
            if next == "_", tail.last == "_" { continue }
            tail.append(next)
        }
        let trimmed = tail.trimmingCharacters(in: CharacterSet(charactersIn: "_."))
        return trimmed.isEmpty ? hex : "\(hex)-\(trimmed)"
    }

    /// The 64-bit FNV-1a hash: stable across runs and machines, unlike `Hasher`.
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
