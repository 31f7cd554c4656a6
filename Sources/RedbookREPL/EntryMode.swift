/// What kind of line the REPL is reading, which decides what Tab completes.
public enum EntryMode: Sendable, Hashable {
    /// A Redis command, as redis-cli takes it: command names first, then index and key names.
    case redis
    /// A Swift step: step and variable names.
    case swift
}
