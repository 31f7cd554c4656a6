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
            var order: SearchOrder?
            if command.name == "FT.SEARCH" {
                (sent.arguments, order) = SearchOrder.planned(for: command.arguments)
            }
            var reply: Reply
            do {
                reply = try connection.send(sent.redisCommand)
                if let planned = order, planned.addsArguments,
                   reply.isError || SearchTable().search(reply, layout: .init(arguments: sent.arguments), order: planned) == nil {
                    // What the session added must never show: an error or an unreadable reply is
                    // recorded as the command written would get it (FT.SEARCH is read-only).
                    sent = command
                    order = SearchOrder(arguments: command.arguments)
                    reply = try connection.send(sent.redisCommand)
                }
            } catch {
                output.appendText("error: \(error.recordedDescription)")
                return failed(error.description)
            }
            render(reply, for: sent, order: order, into: &output)
            if case .error(var message) = reply {
                sawError = true
                if let hint = Self.hint(forError: message, of: command) {
                    output.appendText("hint: \(hint)")
                    message += "\nhint: \(hint)"
                }
                if block.expectsError { continue }
                return failed(message)
            }
            if ["FT.CREATE", "FT.ALTER"].contains(command.name), command.arguments.count > 1 {
                let index = String(decoding: command.arguments[1], as: UTF8.self)
                do {
                    try waitForIndexing(index)
                } catch {
                    output.appendText("error: \(error.recorded)")
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
