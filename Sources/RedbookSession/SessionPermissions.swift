public import Foundation

/// What the blocks of a session may do beyond reading and writing keys.
///
/// A notebook from someone else is a script: run against a server whose data matters, it must
/// not erase or reconfigure that server, nor read the user's files, unless the user says so on
/// the command line. See docs/reliability.md.
public struct SessionPermissions: Sendable, Hashable {
    /// Whether commands that destroy data or reconfigure the server (``DestructiveCommand``) run.
    public var destructiveCommands: Bool
    /// The folders `fetch` may read local files from, besides the session's own folder; `nil`
    /// lets it read any path.
    public var readableFolders: [URL]?

    /// Creates permissions.
    ///
    /// - Parameters:
    ///   - destructiveCommands: Whether commands that destroy or reconfigure run.
    ///   - readableFolders: Extra folders (or files) `fetch` may read; `nil` for any path.
    public init(destructiveCommands: Bool, readableFolders: [URL]?) {
        self.destructiveCommands = destructiveCommands
        self.readableFolders = readableFolders
    }

    /// Anything goes: what a user types at the REPL.
    public static let unrestricted = SessionPermissions(destructiveCommands: true, readableFolders: nil)

    /// A notebook's: destructive commands only on Redbook's own throwaway server or with
    /// `--allow-destructive`; files only from the notebook's folder and the `--allow-read` paths.
    ///
    /// - Parameters:
    ///   - ownServer: Whether the server is the embedded one, private to this run.
    ///   - allowDestructive: `--allow-destructive`.
    ///   - allowRead: The `--allow-read` paths.
    public static func notebook(ownServer: Bool, allowDestructive: Bool, allowRead: [URL]) -> SessionPermissions {
        SessionPermissions(destructiveCommands: ownServer || allowDestructive, readableFolders: allowRead)
    }
}
