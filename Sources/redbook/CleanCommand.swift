import ArgumentParser

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clean", abstract: "Remove every recorded output region from a notebook.")

    func run() throws {
        throw ValidationError("'redbook clean' is not built yet")
    }
}
