/// Works out which arguments a partly typed command has used, so a hint can show the rest.
///
/// Best effort by design: RESP arguments carry no types, so `SET nx ` might name a key `nx`.
/// Leading required arguments take words by position. After the first optional argument, a
/// word that is the token of a remaining argument uses that argument, and any other word goes
/// to the next required argument still waiting; once a required argument is given that way,
/// the optional ones before it are no longer offered, as Redis reads them in order.
struct ArgumentMatcher {
    private enum State: Equatable {
        case pending
        /// A repeatable argument given at least once: the hint offers one more.
        case repeating
        /// Given in part: the hint shows what is still missing or may follow inside it.
        case partial(String)
        case done
    }

    private let arguments: [CommandCatalog.Argument]
    private var states: [State]
    /// Every token of the command: a repeated value stops at one of these.
    private let tokens: Set<String>

    /// The syntax of the arguments still to type after `words`, or `nil` when none are left.
    static func hint(for arguments: [CommandCatalog.Argument], typed words: [String]) -> String? {
        var matcher = ArgumentMatcher(
            arguments: arguments,
            states: Array(repeating: .pending, count: arguments.count),
            tokens: Set(arguments.flatMap(\.allTokens))
        )
        matcher.match(words)
        var partial = [String]()
        var rest = [String]()
        for (argument, state) in zip(arguments, matcher.states) {
            switch state {
            case .pending: rest.append(argument.syntax)
            case .repeating: rest.append(argument.repetition)
            // The argument being typed comes first, whatever optional ones precede it.
            case .partial(let missing): partial.append(missing)
            case .done: break
            }
        }
        let hint = (partial + rest).filter { !$0.isEmpty }.joined(separator: " ")
        return hint.isEmpty ? nil : hint
    }

    private mutating func match(_ words: [String]) {
        var next = 0
        var index = 0
        // Positional phase: required arguments before the first optional one.
        while index < arguments.count, !arguments[index].isOptional, next < words.count {
            let argument = arguments[index]
            if argument.isMultiple {
                // Repeat while the words left still cover the required arguments that follow.
                let width = argument.width
                let needed = arguments[(index + 1)...].prefix { !$0.isOptional }.map(\.width).reduce(0, +)
                var end = next + width
                while words.count - end - needed >= width { end += width }
                if end > words.count || (needed == 0 && end < words.count) {
                    states[index] = .partial(argument.walk(words[next...], stoppingAt: tokens).missing)
                    return
                }
                states[index] = end == words.count ? .repeating : .done
                next = end
            } else if !use(index, from: words, at: &next) {
                return
            }
            index += 1
        }
        // Token phase: the rest of the words, matched by token where they can be.
        while next < words.count {
            let word = words[next]
            let pending = (index..<arguments.count).filter { states[$0] == .pending }
            guard let found = pending.first(where: { arguments[$0].isIntroduced(by: word) })
                ?? pending.first(where: { !arguments[$0].isOptional })
            else {
                next += 1
                continue
            }
            if !arguments[found].isOptional {
                for earlier in index..<found where arguments[earlier].isOptional && states[earlier] == .pending {
                    states[earlier] = .done
                }
            }
            if !use(found, from: words, at: &next) { return }
        }
    }

    /// Gives argument `index` the words from `next`; false when they ran out inside it.
    private mutating func use(_ index: Int, from words: [String], at next: inout Int) -> Bool {
        let argument = arguments[index]
        let walked = argument.walk(words[next...], stoppingAt: tokens)
        next += max(walked.used, 1)
        if next >= words.count, !walked.missing.isEmpty {
            states[index] = .partial(walked.missing)
            return false
        }
        states[index] = .done
        return true
    }
}

extension CommandCatalog.Argument {
    /// How many words one occurrence takes at least: its token, then its required values.
    var width: Int {
        let own = token == nil ? 0 : 1
        let values = switch kind {
        case .pureToken: token == nil ? 1 : 0
        case .block: arguments.filter { !$0.isOptional }.map(\.width).reduce(0, +)
        case .oneOf: arguments.map(\.width).min() ?? 0
        case .key, .string, .integer, .double, .pattern, .unixTime: 1
        }
        return max(1, own + values)
    }

    /// Whether `word` is a token that starts this argument (or one of its alternatives).
    func isIntroduced(by word: String) -> Bool {
        if let token { return token.uppercased() == word.uppercased() }
        switch kind {
        case .oneOf: return arguments.contains { $0.isIntroduced(by: word) }
        case .block: return arguments.first?.isIntroduced(by: word) ?? false
        default: return false
        }
    }

    /// This argument's tokens and those of everything nested in it, in upper case.
    var allTokens: [String] {
        (token.map { [$0.uppercased()] } ?? []) + arguments.flatMap(\.allTokens)
    }

    /// Reads one or more occurrences of this argument from the start of `typed`.
    ///
    /// - Returns: How many words it used, and, when the words ran out inside it, the syntax of
    ///   what is missing or may still follow inside it (empty when it ended cleanly).
    func walk(_ typed: ArraySlice<String>, stoppingAt tokens: Set<String>) -> (used: Int, missing: String) {
        var used = 0
        var missing = [String]()
        repeat {
            let occurrence = walkOnce(typed.dropFirst(used), stoppingAt: tokens)
            used += occurrence.used
            missing += occurrence.missing.filter { !$0.isEmpty }
            guard isMultiple, occurrence.used > 0 else { break }
            if !missing.isEmpty {
                missing.append(repetition)
                break
            }
            guard let next = typed.dropFirst(used).first else {
                missing.append(repetition)
                break
            }
            let again = isMultipleToken ? isIntroduced(by: next) : !tokens.contains(next.uppercased())
            if !again { break }
        } while true
        return (used, missing.joined(separator: " "))
    }

    private func walkOnce(_ typed: ArraySlice<String>, stoppingAt tokens: Set<String>) -> (used: Int, missing: [String]) {
        var used = token == nil || typed.isEmpty ? 0 : 1
        if typed.isEmpty { return (0, [syntaxWithoutBrackets]) }
        var missing = [String]()
        switch kind {
        case .pureToken:
            if token == nil { used = 1 }
        case .key, .string, .integer, .double, .pattern, .unixTime:
            if typed.count > used { used += 1 } else { missing.append(shownName) }
        case .oneOf:
            let rest = typed.dropFirst(used)
            if let word = rest.first {
                let chosen = arguments.first { $0.isIntroduced(by: word) } ?? arguments.first
                if let chosen {
                    let inner = chosen.walk(rest, stoppingAt: tokens)
                    used += inner.used
                    missing.append(inner.missing)
                }
            } else {
                missing.append(arguments.map(\.syntax).joined(separator: "|"))
            }
        case .block:
            for child in arguments {
                let rest = typed.dropFirst(used)
                guard let word = rest.first else {
                    missing.append(child.syntax)
                    continue
                }
                // An optional part not given here is passed over: a block's parts come in order.
                if child.isOptional, !child.isIntroduced(by: word) { continue }
                let inner = child.walk(rest, stoppingAt: tokens)
                used += inner.used
                missing.append(inner.missing)
            }
        }
        return (used, missing.filter { !$0.isEmpty })
    }

    /// The syntax without the brackets of an optional argument: it has been chosen.
    private var syntaxWithoutBrackets: String {
        var required = self
        required.isOptional = false
        return required.syntax
    }
}
