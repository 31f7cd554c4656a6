import ArgumentParser
import Foundation

/// What `swift` steps use, shared by the subcommands that run notebooks.
struct StepOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Model folder steps encode with; default: $REDBOOK_MODEL, else the cached all-MiniLM-L6-v2.", valueName: "DIR"))
    var model: String?

    @Flag(help: "fetch(...) of a URL uses only the download cache and never the network.")
    var offline = false

    /// The model folder, when one was given.
    var modelDirectory: URL? {
        model.map { URL(fileURLWithPath: $0, isDirectory: true) }
    }
}
