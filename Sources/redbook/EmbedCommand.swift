import ArgumentParser
import Foundation
import RedbookEncoder
import RedbookServer

struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Print the embedding of each text as a JSON array.",
        discussion: """
            Prints one line per text, in order: a JSON array of floats that read back as the exact float32 \
            values. With no TEXT, embeds each line of standard input. The model is the folder given by \
            --model, else $REDBOOK_MODEL, else the cached all-MiniLM-L6-v2.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Model folder; default: $REDBOOK_MODEL, else the cached all-MiniLM-L6-v2.", valueName: "DIR"))
    var model: String?

    @Flag(name: .long, help: "Print each text's token ids ([CLS] … [SEP], truncated as the model would) instead of its embedding.")
    var tokens = false

    @Argument(help: "Texts to embed; when none are given, each line of standard input is one text.")
    var texts: [String] = []

    func run() throws {
        let encoder = try Self.loadEncoder(model: model)
        if !texts.isEmpty {
            write(texts, encoder: encoder)
            return
        }
        // Lines are embedded a chunk at a time so output starts early and memory stays flat.
        var chunk: [String] = []
        while let line = readLine(strippingNewline: true) {
            chunk.append(line)
            if chunk.count == 1_024 {
                write(chunk, encoder: encoder)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { write(chunk, encoder: encoder) }
    }

    /// Loads `--model DIR`, else `$REDBOOK_MODEL`, else the cached default; a failure is reported on stderr
    /// with the folder and the file at fault, and ends the command with exit status 1.
    static func loadEncoder(model: String?, batchSize: Int = 32) throws -> SentenceEncoder {
        let folder = model.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? RedbookHome.current.selectedModel
        do {
            return try SentenceEncoder(directory: folder, batchSize: batchSize)
        } catch {
            FileHandle.standardError.write(Data("error: cannot load the model in \(folder.path): \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func write(_ texts: [String], encoder: SentenceEncoder) {
        var output = ""
        if tokens {
            for text in texts {
                output += "[" + encoder.tokenIDs(text).map { String($0) }.joined(separator: ",") + "]\n"
            }
        } else {
            let matrix = encoder.embedMatrix(texts)
            let width = encoder.dimension
            output.reserveCapacity(texts.count * width * 13)
            for row in 0..<texts.count {
                output += "["
                for column in 0..<width {
                    if column > 0 { output += "," }
                    // Float's description is the shortest text that parses back to the same float32.
                    output += matrix[row * width + column].description
                }
                output += "]\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
