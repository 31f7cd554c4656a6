/// Names and their values for one level of nesting: a block's top level (kept across blocks),
/// a closure call, a loop body.
final class Scope {
    /// A binding: its value, and whether `var` made it assignable.
    struct Binding {
        var value: Value
        var isMutable: Bool
    }

    let parent: Scope?
    private var bindings: [String: Binding] = [:]

    init(parent: Scope? = nil) {
        self.parent = parent
    }

    /// The binding for `name` here or in an enclosing scope.
    func lookup(_ name: String) -> Binding? {
        bindings[name] ?? parent?.lookup(name)
    }

    /// Binds `name` at this level, replacing what it held here.
    func declare(_ name: String, _ value: Value, mutable: Bool) {
        bindings[name] = Binding(value: value, isMutable: mutable)
    }

    /// Changes the innermost binding of `name`; `false` when there is none.
    func assign(_ name: String, _ value: Value) -> Bool {
        if bindings[name] != nil {
            bindings[name]!.value = value
            return true
        }
        return parent?.assign(name, value) ?? false
    }

    /// Every name bound at this level, sorted, for `:vars`-style listings.
    var names: [String] { bindings.keys.sorted() }

    /// Removes every binding at this level.
    func removeAll() { bindings.removeAll() }
}
