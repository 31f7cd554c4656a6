import ArgumentParser

struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "embed", abstract: "Print the embedding of each text as a JSON array.")

    func run() throws {
        throw ValidationError("'redbook embed' is not built yet")
    }
}
