import ArgumentParser
import Foundation
import RedbookTables

struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Render a JSON array of row objects as a Markdown table.",
        discussion: """
            Prints the table pandas' DataFrame(rows).to_markdown(index=False) would print, followed by a \
            newline. Columns are the keys in the order they are first seen. A '|' in a cell is written \
            '\\|' and a line break '<br>', where pandas would break the table. See docs/tables.md.
            """
    )

    @Argument(help: ArgumentHelp("A JSON file; '-' or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    func run() throws {
        let source = file.flatMap { $0 == "-" ? nil : $0 }
        let data: Data
        if let source {
            guard let contents = Self.read(source) else { throw ExitCode.failure }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let table = try Self.attempt { () throws(TableError) in
            try MarkdownTable(jsonRows: data, source: source ?? "<stdin>")
        }
        FileHandle.standardOutput.write(Data((table.render() + "\n").utf8))
    }

    /// The file's bytes, or nil after printing `FILE: error: ...` on stderr.
    private static func read(_ path: String) -> Data? {
        var isFolder: ObjCBool = false
        let problem: String
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            problem = "no such file"
        } else if isFolder.boolValue {
            problem = "this is a folder, not a JSON file"
        } else if let data = FileManager.default.contents(atPath: path) {
            return data
        } else {
            problem = "the file cannot be read (check its permissions)"
        }
        FileHandle.standardError.write(Data("\(path): error: \(problem)\n".utf8))
        return nil
    }
}
