import ArgumentParser

struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "table", abstract: "Render a JSON array of row objects as a Markdown table.")

    func run() throws {
        throw ValidationError("'redbook table' is not built yet")
    }
}
