/// String-keyed members in insertion order, like a JSON object as it was written.
public struct Object: Hashable {
    /// The keys, in order.
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]

    /// Creates an empty object.
    public init() {}

    /// Creates an object from members in order; a repeated key keeps its first place and last value.
    public init(_ members: [(String, Value)]) {
        for (key, value) in members { self[key] = value }
    }

    /// The value for a key, or `nil` when there is none; setting `nil` removes the key.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The members in order.
    public var members: [(key: String, value: Value)] {
        keys.map { ($0, storage[$0]!) }
    }

    /// How many members there are.
    public var count: Int { keys.count }

    public static func == (a: Object, b: Object) -> Bool {
        a.keys == b.keys && a.storage == b.storage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
    }
}
