/// How the rows of one FT.SEARCH are listed so that a recorded table does not depend on the
/// server's internal document numbers.
///
/// Those numbers follow the order in which the index met the keys; for keys that existed before
/// FT.CREATE, that is a keyspace scan, whose order changes with every server start. The server
/// breaks every tie with them, and without SORTBY a vector query is not even ranked by distance.
/// So the session asks for the value the rows are ranked by, often with an option the command
/// did not have and whose output never shows, and lists rows by that value and then by key.
struct SearchOrder: Sendable, Hashable {
    /// What ranks the rows before their keys break the ties.
    enum Rank: Sendable, Hashable {
        /// The score, highest first: a query without SORTBY or a vector distance.
        case score
        /// The server's SORTBY order, kept; only rows with equal sort keys change places.
        case sortKey
        /// The distance in this field, nearest first: a vector query without SORTBY.
        case distance(String)
    }

    /// What ranks the rows.
    var rank: Rank
    /// WITHSCORES was added only for the order: no score column.
    var hidesScores = false
    /// WITHSORTKEYS was added only for the order: no sortkey column.
    var hidesSortKeys = false
    /// A distance field added to RETURN only for the order: no column for it.
    var hiddenField: String?

    /// Whether the command sent differs from the command written.
    var addsArguments: Bool { hidesScores || hidesSortKeys || hiddenField != nil }

    /// The order for an FT.SEARCH sent as written, using whatever its reply carries.
    init(arguments: [[UInt8]]) {
        let layout = SearchTable.Layout(arguments: arguments)
        let vector = arguments.count > 2 ? VectorQuery(arguments[2]) : VectorQuery([])
        if layout.sortBy {
            rank = .sortKey
        } else if let field = vector.knnDistanceField ?? vector.rangeDistanceField {
            rank = .distance(field)
        } else {
            rank = .score
        }
    }

    /// The arguments to send so that the reply carries what the rank needs, and the order that
    /// hides what was added.
    static func planned(for arguments: [[UInt8]]) -> (arguments: [[UInt8]], order: SearchOrder) {
        var order = SearchOrder(arguments: arguments)
        var sent = arguments
        let layout = SearchTable.Layout(arguments: arguments)
        switch order.rank {
        case .score where !layout.withScores:
            sent.append(Array("WITHSCORES".utf8))
            order.hidesScores = true
        case .sortKey where !layout.withSortKeys:
            sent.append(Array("WITHSORTKEYS".utf8))
            order.hidesSortKeys = true
        case .distance(let field):
            let name = Array(field.utf8)
            if let position = layout.returnPosition, !layout.returned.isEmpty {
                guard !layout.returned.contains(name), layout.noContentPosition == nil else { break }
                sent[position] = Array(String(layout.returned.count + 1).utf8)
                sent.insert(name, at: position + 1 + layout.returned.count)
            } else if layout.noContent {
                // Keys only: ask for the distance alone, in place of the keys-only option.
                var removed = layout.noContentPosition
                if let position = layout.returnPosition {
                    sent[position] = Array("1".utf8)
                    sent.insert(name, at: position + 1)
                    if let at = removed, at > position { removed = at + 1 }
                } else {
                    sent += [Array("RETURN".utf8), Array("1".utf8), name]
                }
                if let removed { sent.remove(at: removed) }
            } else {
                // Every field comes back, the distance among them.
                break
            }
            order.hiddenField = field
        default:
            break
        }
        return (sent, order)
    }
}
