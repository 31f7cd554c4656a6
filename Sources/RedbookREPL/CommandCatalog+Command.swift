extension CommandCatalog {
    /// What the server says about one command: its summary, its version and its arguments.
    public struct Command: Sendable, Hashable {
        /// The canonical name in upper case, such as `FT.SEARCH`, or `CONFIG GET` for a subcommand.
        public var name: String
        /// A one-line description, when the server (or the module supplement) has one.
        public var summary: String?
        /// The server or module version that added the command, such as `1.0.0`.
        public var since: String?
        /// The command group, such as `string`, or `module` for module commands.
        public var group: String?
        /// The arguments in the order they are typed.
        public var arguments: [Argument]
        /// The subcommands of a container such as `CONFIG`, sorted by name.
        public var subcommands: [Command]

        /// Creates a command description.
        ///
        /// - Parameters:
        ///   - name: The name; it is stored in upper case.
        ///   - summary: A one-line description.
        ///   - since: The version that added it.
        ///   - group: The command group.
        ///   - arguments: The arguments in typing order.
        ///   - subcommands: The subcommands of a container command.
        public init(
            name: String,
            summary: String? = nil,
            since: String? = nil,
            group: String? = nil,
            arguments: [Argument] = [],
            subcommands: [Command] = []
        ) {
            self.name = name.uppercased()
            self.summary = summary
            self.since = since
            self.group = group
            self.arguments = arguments
            self.subcommands = subcommands.sorted { $0.name < $1.name }
        }

        /// The name followed by the full argument syntax, such as `GET key`.
        ///
        /// A container with no arguments of its own lists its subcommands' words instead,
        /// such as `CONFIG GET|HELP|SET`.
        public var usage: String {
            if arguments.isEmpty, !subcommands.isEmpty {
                return "\(name) \(subcommandWords.joined(separator: "|"))"
            }
            return arguments.isEmpty ? name : "\(name) \(arguments.syntax)"
        }

        /// The second words of the subcommands, such as `GET` for `CONFIG GET`.
        var subcommandWords: [String] {
            subcommands.map { String($0.name.split(separator: " ").last ?? "") }
        }

        /// The subcommand whose second word is `word`, compared case-insensitively.
        func subcommand(_ word: String) -> Command? {
            let wanted = "\(name) \(word.uppercased())"
            return subcommands.first { $0.name == wanted }
        }
    }
}
