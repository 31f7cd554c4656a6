import ArgumentParser
import RedbookNotebook

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove every recorded output region from a notebook.",
        discussion: "Deletes each <!-- redbook:output --> region with its markers; every other byte stays as it was."
    )

    @Argument(help: ArgumentHelp("The notebook to clean.", valueName: "NOTEBOOK.md"))
    var notebook: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the cleaned notebook to this file instead of in place.", valueName: "FILE"))
    var output: String?

    func run() throws {
        if let output {
            let book = try Self.attempt { try Notebook.read(path: notebook) }
            try Self.attempt { try Notebook.write(book.cleaned(), to: output) }
        } else {
            // Locked and checked for edits like a run, though cleaning takes no time.
            let file = try Self.attempt { try NotebookFile(path: notebook) }
            _ = try Self.attempt { try file.save(file.notebook.cleaned()) }
        }
    }
}
