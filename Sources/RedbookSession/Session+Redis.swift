import RedbookRedis

extension Session {
    /// Runs the commands of a `redis` block with the failure policy described at ``run(_:)``.
    func runRedis(_ block: Block) -> BlockOutcome {
        let script: RedisScript
        do {
            script = try RedisScript(block: block)
        } catch {
            return BlockOutcome(output: "", failure: error)
        }
        var output = BlockOutput()
        output.limit = outputLimit
        var sawError = false
        for command in script.commands {
            func failed(_ message: String) -> BlockOutcome {
                BlockOutcome(output: output.render(), failure: BlockFailure(line: command.line, column: command.column, message: message))
            }
            var sent = command
            var hideScores = false
            if command.name == "FT.SEARCH" {
                let layout = SearchTable.Layout(arguments: command.arguments)
                if layout.needsScoresToBreakTies, !layout.withScores {
                    sent.arguments.append(Array("WITHSCORES".utf8))
                    hideScores = true
                }
            }
            var reply: Reply
            do {
                reply = try connection.send(sent.redisCommand)
                if hideScores, reply.isError || SearchTable().search(reply, layout: .init(arguments: sent.arguments)) == nil {
                    // The added WITHSCORES must never show: an error or an unreadable reply is
                    // recorded as the command written would get it (FT.SEARCH is read-only).
                    sent = command
                    hideScores = false
                    reply = try connection.send(sent.redisCommand)
                }
            } catch {
                output.appendText("error: \(error)")
                return failed(error.description)
            }
            render(reply, for: sent, hideScores: hideScores, into: &output)
            if case .error(let message) = reply {
                sawError = true
                if block.expectsError { continue }
                return failed(message)
            }
            if ["FT.CREATE", "FT.ALTER"].contains(command.name), command.arguments.count > 1 {
                let index = String(decoding: command.arguments[1], as: UTF8.self)
                do {
                    try waitForIndexing(index)
                } catch {
                    output.appendText("error: \(error)")
                    return failed(error.description)
                }
            }
        }
        if block.expectsError, !sawError {
            return BlockOutcome(output: output.render(), failure: BlockFailure(
                line: block.firstLine,
                column: block.column,
                message: "expected an error reply, got none\nhint: remove {expect-error} if the block is meant to succeed"
            ))
        }
        return BlockOutcome(output: output.render())
    }
}
