import ArgumentParser
import Foundation
import RedbookServer
import RedbookSession

/// What a notebook may do beyond its own keys: shared by the subcommands that run notebooks.
struct SafetyOptions: ParsableArguments {
    @Flag(help: "Run commands that erase or reconfigure (FLUSHALL, CONFIG SET, ...) on a --redis server too; see docs/reliability.md.")
    var allowDestructive = false

    @Option(name: .customLong("allow-read"), help: ArgumentHelp(
        "Let fetch(...) read this file or folder outside the notebook's folder, or as a file:// URL (repeatable).", valueName: "PATH"))
    var allowRead: [String] = []

    /// The permissions of a notebook run against `target`.
    func permissions(for target: RedisTarget) -> SessionPermissions {
        .notebook(ownServer: target.embedded != nil, allowDestructive: allowDestructive,
                  allowRead: allowRead.map { URL(fileURLWithPath: $0) })
    }
}
