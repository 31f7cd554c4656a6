public import Foundation

/// Reference material that lives beside the project in `../shared` (golden outputs from the
/// Python stack, the tutorial's dataset). It is never copied into the project.
///
/// Tests that need it use `@Test(.enabled(if: SharedFixtures.isAvailable))`; when `CI=true`
/// and it is missing, ``SharedFixturesTests`` fails instead of letting those tests skip.
public enum SharedFixtures {
    /// The `shared` folder: `$REDBOOK_SHARED`, or `../shared` next to the package root.
    public static let root: URL? = {
        if let path = ProcessInfo.processInfo.environment["REDBOOK_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let candidate = PackageRoot.url.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    /// Whether `../shared` is present.
    public static var isAvailable: Bool { root != nil }

    /// Whether this run is CI's (`CI=true`), where missing shared material is an error.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    /// A file or folder inside `shared`, such as `golden/minilm-bikes.json`.
    ///
    /// Call only from tests enabled by ``isAvailable``.
    public static func url(_ relativePath: String) -> URL {
        guard let root else { preconditionFailure("../shared is not available; guard the test with isAvailable") }
        return root.appendingPathComponent(relativePath)
    }

    /// The contents of a file inside `shared`.
    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }
}

/// The package's root folder, found from this source file's path.
public enum PackageRoot {
    /// The folder that holds `Package.swift`.
    public static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // RedbookTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// A file or folder inside the package, such as `Tests/RedbookTablesTests/Fixtures`.
    public static func url(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }
}
