import RedbookTables

/// The orders tables fall back on where the server's own order depends on its document numbers.
enum RowOrder {
    /// Whether `x` comes before `y`: two numbers by value, anything else by its UTF-8 bytes.
    static func textPrecedes(_ x: String, _ y: String) -> Bool {
        if x == y { return false }
        if let p = Double(x), let q = Double(y), p != q { return p < q }
        return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
    }

    /// Whether one row comes before another: cell by cell, left to right, by ``textPrecedes(_:_:)``.
    /// An empty cell counts as empty text.
    static func cellsPrecede(_ left: [Cell], _ right: [Cell]) -> Bool {
        for (a, b) in zip(left, right) {
            let (x, y) = (text(a), text(b))
            if x == y { continue }
            return textPrecedes(x, y)
        }
        return false
    }

    /// `items` with each run of neighbours that share a `key` sorted by `areInIncreasingOrder`;
    /// the runs stay where they are, because the server has already put them in order.
    static func sortingRuns<Item, Key: Equatable>(
        _ items: [Item], key: (Item) -> Key, by areInIncreasingOrder: (Item, Item) -> Bool
    ) -> [Item] {
        var result = [Item]()
        result.reserveCapacity(items.count)
        var start = 0
        while start < items.count {
            let runKey = key(items[start])
            var end = start + 1
            while end < items.count, key(items[end]) == runKey { end += 1 }
            result += items[start..<end].sorted(by: areInIncreasingOrder)
            start = end
        }
        return result
    }

    private static func text(_ cell: Cell) -> String {
        if case .text(let value) = cell { return value }
        return ""
    }
}
