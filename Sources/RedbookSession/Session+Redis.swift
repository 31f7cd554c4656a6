import RedbookRedis

extension Session {
    /// Runs the commands of a `redis` block with the failure policy described at ``run(_:)``.
    func runRedis(_ block: Block) -> BlockOutcome {
        let script: RedisScript
        do {
            script = try RedisScript(block: block) { expression, line, column throws(BlockFailure) in
                switch self.interpreter.evaluate(expression, line: line, column: column) {
                case .success(let value):
                    return value
                case .failure(let problems):
                    throw Self.failure(problems.diagnostics)!
                }
            }
        } catch {
            var output = BlockOutput()
            output.limit = outputLimit
            output.appendText(error.all.map { "error: " + $0.explanation }.joined(separator: "\n"))
            return BlockOutcome(output: output.render(), failure: error)
        }
        var output = BlockOutput()
        output.limit = outputLimit
        var sawError = false
        for command in script.commands {
            func failed(_ message: String, hint: String? = nil) -> BlockOutcome {
                BlockOutcome(output: output.render(), failure: BlockFailure(line: command.line, column: command.column, message: message, hint: hint))
            }
            if interpreter.stopRequest.isRequested {
                output.appendText("error: interrupted")
                return failed("interrupted", hint: "the commands before this one ran")
            }
            if let refusal = refusal(of: command.arguments) {
                // Refused whatever the block expects: {expect-error} is for the server's errors.
                output.appendText("error: \(refusal.message)\nhint: \(refusal.hint)")
                return failed(refusal.message, hint: refusal.hint)
            }
            let reply: Reply
            let sent: RedisScript.Command
            let order: SearchOrder?
            do {
                (reply, sent, order) = try send(command)
            } catch {
                output.appendText("error: \(error.recordedDescription)")
                return failed(error.description)
            }
            render(reply, for: sent, order: order, into: &output)
            if case .error(let message) = reply {
                sawError = true
                let hint = Self.hint(forError: message, of: command)
                if let hint { output.appendText("hint: \(hint)") }
                if block.expectsError { continue }
                return failed(message, hint: hint)
            }
            do {
                try afterReply(to: command)
            } catch {
                output.appendText("error: \(error.recorded)")
                return failed(error.description)
            }
        }
        if block.expectsError, !sawError {
            return BlockOutcome(output: output.render(), failure: BlockFailure(
                line: block.firstLine,
                column: block.column,
                message: "expected an error reply, got none",
                hint: "remove {expect-error} if the block is meant to succeed"
            ))
        }
        return BlockOutcome(output: output.render())
    }

    /// Sends one command as a block line: an FT.SEARCH gets what ordering its rows needs, and
    /// what was added never shows (an error or unreadable reply is asked again as written).
    ///
    /// - Returns: The reply, the command as sent, and how its rows are ordered.
    func send(_ command: RedisScript.Command) throws(RedisError) -> (Reply, RedisScript.Command, SearchOrder?) {
        var sent = command
        var order: SearchOrder?
        if command.name == "FT.SEARCH" {
            (sent.arguments, order) = SearchOrder.planned(for: command.arguments)
        }
        var reply = try connection.send(sent.redisCommand)
        if let planned = order, planned.addsArguments,
           reply.isError || SearchTable().search(reply, layout: .init(arguments: sent.arguments), order: planned) == nil {
            // FT.SEARCH is read-only, so sending it twice is harmless.
            sent = command
            order = SearchOrder(arguments: command.arguments)
            reply = try connection.send(sent.redisCommand)
        }
        return (reply, sent, order)
    }

    /// Why a command may not run under ``permissions``, or `nil` when it may.
    func refusal(of arguments: [[UInt8]]) -> (message: String, hint: String)? {
        guard !permissions.destructiveCommands else { return nil }
        let danger = DestructiveCommand.danger(of: arguments) {
            (try? connection.send(RedisCommand("DBSIZE")))?.integer.map(Int.init)
        }
        guard let danger else { return nil }
        let name = String(decoding: arguments[0], as: UTF8.self).uppercased()
        return ("refused: \(name) \(danger), and \(connection.url.redacted) is not Redbook's own server",
                "pass --allow-destructive to run it anyway; docs/reliability.md lists the commands refused")
    }

    /// What follows a successful line: after FT.CREATE and FT.ALTER, the wait until the index
    /// has scanned the keys that already exist.
    func afterReply(to command: RedisScript.Command) throws(IndexingError) {
        guard ["FT.CREATE", "FT.ALTER"].contains(command.name), command.arguments.count > 1 else { return }
        try waitForIndexing(String(decoding: command.arguments[1], as: UTF8.self))
    }
}
