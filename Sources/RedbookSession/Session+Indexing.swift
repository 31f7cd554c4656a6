import Foundation
import RedbookRedis

extension Session {
    /// Why waiting for an index to finish its first scan failed.
    struct IndexingError: Error, CustomStringConvertible {
        /// The whole story, for the failure message.
        var description: String
        /// The same without what changes from run to run (the server's address, the progress),
        /// for the recorded output.
        var recorded: String
    }

    /// Waits until FT.INFO reports `indexing` 0 and `percent_indexed` 1 for `index`, so that
    /// the next command sees every key that existed when the index was created.
    ///
    /// Polls quickly at first and then every 100 ms, for at most ``indexingTimeout``.
    ///
    /// - Throws: ``IndexingError`` when the time runs out, FT.INFO fails or the connection breaks.
    func waitForIndexing(_ index: String) throws(IndexingError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: indexingTimeout)
        var pause = Duration.milliseconds(2)
        var percent = "0"
        while true {
            let reply: Reply
            do {
                reply = try connection.send(RedisCommand("FT.INFO", index))
            } catch {
                let waiting = "waiting for index '\(index)' to finish indexing: "
                throw IndexingError(description: waiting + error.description, recorded: waiting + error.recordedDescription)
            }
            if case .error(let message) = reply {
                let text = "waiting for index '\(index)' to finish indexing, FT.INFO failed: \(message)"
                throw IndexingError(description: text, recorded: text)
            }
            let info = IndexInfoTable.properties(of: reply) ?? [:]
            let indexing = info["indexing"]?.integer ?? info["indexing"]?.string.flatMap { Double($0) }.map { Int64($0) }
            percent = info["percent_indexed"]?.string ?? percent
            if indexing == 0, let fraction = Double(percent), fraction >= 1 {
                return
            }
            if clock.now >= deadline {
                let stillIndexing = "index '\(index)' is still indexing existing keys after \(indexingTimeout)"
                let hint = "hint: load fewer keys before FT.CREATE, or create the index first and load the keys after it"
                throw IndexingError(
                    description: "\(stillIndexing) (percent_indexed \(percent))\n\(hint)",
                    recorded: "\(stillIndexing)\n\(hint)"
                )
            }
            Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18 + Double(pause.components.seconds))
            pause = min(pause * 2, .milliseconds(100))
        }
    }
}
