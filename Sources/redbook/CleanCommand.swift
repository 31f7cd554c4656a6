import ArgumentParser
import RedbookNotebook

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove every recorded output region from a notebook.",
        discussion: "Deletes each <!-- redbook:output --> region with its markers; every other byte stays as it was."
    )

    @Argument(help: "The notebook to clean.")
    var notebook: String

    @Option(name: .shortAndLong, help: "Write the cleaned notebook to this file instead of in place.")
    var output: String?

    func run() throws {
        let book = try Self.attempt { try Notebook.read(path: notebook) }
        try Self.attempt { try Notebook.write(book.cleaned(), to: output ?? notebook) }
    }
}
