import Foundation
public import RedbookDSL
public import RedbookEncoder
public import RedbookRedis
import RedbookServer

extension Session: StepHost {
    /// A `redis(...)` call: sent and waited for exactly as the same line of a `redis` block.
    public func command(_ arguments: [[UInt8]]) throws(StepError) -> Reply {
        let command = RedisScript.Command(arguments: arguments, line: 0, column: 0)
        if let refusal = refusal(of: arguments) { throw StepError(refusal.message, hint: refusal.hint) }
        do {
            let (reply, _, _) = try send(command)
            if !reply.isError { try afterReply(to: command) }
            return reply
        } catch let error as RedisError {
            throw StepError(error.description)
        } catch {
            throw StepError("\(error)")
        }
    }

    /// The encoder, loaded on first use from ``modelDirectory``, `$REDBOOK_MODEL` or the cache.
    public func encoder() throws(StepError) -> SentenceEncoder {
        if let loadedEncoder { return loadedEncoder }
        return try useModel(at: (modelDirectory ?? RedbookHome.current.selectedModel).path)
    }

    /// Vectors for short texts, remembered while the model stays the same.
    public func vectors(for texts: [String]) throws(StepError) -> [[Float]] {
        let encoder = try encoder()
        let missing = Array(Set(texts.filter { rememberedVectors[$0] == nil }))
        if !missing.isEmpty {
            if rememberedVectors.count + missing.count > 10_000 { rememberedVectors.removeAll() }
            for (text, vector) in zip(missing, encoder.embed(missing)) { rememberedVectors[text] = vector }
        }
        return texts.map { rememberedVectors[$0]! }
    }

    /// Loads the model in `path` (relative to ``folder``) for every later step.
    public func useModel(at path: String) throws(StepError) -> SentenceEncoder {
        let directory = path.hasPrefix("/") ? URL(fileURLWithPath: path, isDirectory: true) : folder.appendingPathComponent(path, isDirectory: true)
        if let loadedEncoder, loadedEncoder.directory.standardizedFileURL == directory.standardizedFileURL { return loadedEncoder }
        do {
            let encoder = try SentenceEncoder(directory: directory)
            loadedEncoder = encoder
            rememberedVectors.removeAll()
            return encoder
        } catch {
            throw StepError("cannot load the model in \(directory.path): \(error.description)",
                            hint: "run scripts/bootstrap for the default model, or name a folder holding a sentence-transformers model")
        }
    }

    /// Reads a file relative to ``folder``.
    public func fetch(_ location: String) throws(StepError) -> [UInt8] {
        try fetchData(location)
    }

    public func progress(_ text: String) {
        progress?(text)
    }
}
