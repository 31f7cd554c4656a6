import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a clean results document from a notebook.")

    func run() throws {
        throw ValidationError("'redbook export' is not built yet")
    }
}
