/// Names and their values for one level of nesting: a block's top level (kept across blocks),
/// a closure call, a loop body.
final class Scope {
    /// A binding: its value, and whether `var` made it assignable.
    struct Binding {
        var value: Value
        var isMutable: Bool
    }

    let parent: Scope?
    /// Most scopes hold a name or two (a closure's `$0`, a loop's variable), and searching a
    /// short list is cheaper than hashing; past ``listLimit`` names they move to `table`.
    private var list: [(name: String, binding: Binding)] = []
    private var table: [String: Binding] = [:]
    private var usesTable = false
    private static let listLimit = 8

    init(parent: Scope? = nil) {
        self.parent = parent
    }

    /// The binding for `name` here or in an enclosing scope.
    func lookup(_ name: String) -> Binding? {
        var scope: Scope? = self
        while let current = scope {
            if let binding = current.own(name) { return binding }
            scope = current.parent
        }
        return nil
    }

    private func own(_ name: String) -> Binding? {
        if usesTable { return table[name] }
        for entry in list where entry.name == name { return entry.binding }
        return nil
    }

    /// Binds `name` at this level, replacing what it held here.
    func declare(_ name: String, _ value: Value, mutable: Bool) {
        let binding = Binding(value: value, isMutable: mutable)
        if usesTable {
            table[name] = binding
        } else if let index = list.firstIndex(where: { $0.name == name }) {
            list[index].binding = binding
        } else if list.count < Self.listLimit {
            list.append((name, binding))
        } else {
            table = Dictionary(list, uniquingKeysWith: { _, last in last })
            table[name] = binding
            list = []
            usesTable = true
        }
    }

    /// Changes the innermost binding of `name`; `false` when there is none.
    func assign(_ name: String, _ value: Value) -> Bool {
        var scope: Scope? = self
        while let current = scope {
            if current.usesTable {
                if current.table[name] != nil {
                    current.table[name]!.value = value
                    return true
                }
            } else if let index = current.list.firstIndex(where: { $0.name == name }) {
                current.list[index].binding.value = value
                return true
            }
            scope = current.parent
        }
        return false
    }

    /// Every name bound at this level, sorted, for `:vars`-style listings.
    var names: [String] { usesTable ? table.keys.sorted() : list.map(\.name).sorted() }

    /// Removes every binding at this level.
    func removeAll() {
        list = []
        table = [:]
        usesTable = false
    }
}
