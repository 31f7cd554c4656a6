/// A unified diff of two texts, line by line, for `redbook run --check`.
public enum LineDiff {
    private enum Step: Equatable {
        case same(Int, Int)
        case removed(Int)
        case added(Int)
    }

    /// The unified diff from `old` to `new`, or an empty string when they are equal.
    ///
    /// - Parameters:
    ///   - old: The text as it is.
    ///   - new: The text as it would become.
    ///   - oldLabel: The `---` header's name.
    ///   - newLabel: The `+++` header's name.
    ///   - context: Unchanged lines shown around each change.
    public static func unified(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        let steps = script(a, b)
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        var index = 0
        while index < steps.count {
            guard let change = steps[index...].firstIndex(where: { if case .same = $0 { false } else { true } }) else { break }
            var end = change
            // Extend the hunk while the next change is close enough that contexts would touch.
            while true {
                guard let next = steps[end...].firstIndex(where: { if case .same = $0 { true } else { false } }) else { end = steps.count; break }
                guard let following = steps[next...].firstIndex(where: { if case .same = $0 { false } else { true } }),
                      following - next <= 2 * context else { end = next; break }
                end = following
            }
            let start = max(index, change - context)
            let stop = min(steps.count, end + context)
            output += hunk(Array(steps[start..<stop]), a, b)
            index = stop
        }
        return output
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    private static func hunk(_ steps: [Step], _ a: [String], _ b: [String]) -> String {
        var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0
        var body = ""
        for step in steps {
            switch step {
            case .same(let i, let j):
                if oldCount == 0 && newCount == 0 { oldStart = i; newStart = j }
                oldCount += 1; newCount += 1
                body += " \(a[i])\n"
            case .removed(let i):
                if oldCount == 0 && newCount == 0 { oldStart = i; newStart = firstNew(steps) }
                oldCount += 1
                body += "-\(a[i])\n"
            case .added(let j):
                if oldCount == 0 && newCount == 0 { newStart = j; oldStart = firstOld(steps) }
                newCount += 1
                body += "+\(b[j])\n"
            }
        }
        let oldFrom = oldCount == 0 ? oldStart : oldStart + 1
        let newFrom = newCount == 0 ? newStart : newStart + 1
        return "@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n" + body
    }

    private static func firstOld(_ steps: [Step]) -> Int {
        for step in steps {
            switch step {
            case .same(let i, _), .removed(let i): return i
            case .added: continue
            }
        }
        return 0
    }

    private static func firstNew(_ steps: [Step]) -> Int {
        for step in steps {
            switch step {
            case .same(_, let j), .added(let j): return j
            case .removed: continue
            }
        }
        return 0
    }

    /// An edit script: common ends first, then a longest-common-subsequence table for the middle.
    private static func script(_ a: [String], _ b: [String]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var steps = (0..<prefix).map { Step.same($0, $0) }
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])
        if midA.count * midB.count > 4_000_000 {
            // Too big for the table: show the middle as replaced, which is still a correct diff.
            steps += midA.indices.map { .removed(prefix + $0) } + midB.indices.map { .added(prefix + $0) }
        } else {
            steps += middle(midA, midB, offset: prefix)
        }
        steps += (0..<suffix).map { .same(a.count - suffix + $0, b.count - suffix + $0) }
        return steps
    }

    private static func middle(_ a: [String], _ b: [String], offset: Int) -> [Step] {
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j]
                    ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var steps = [Step]()
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                steps.append(.same(offset + i, offset + j)); i += 1; j += 1
            } else if i < a.count, j == b.count || table[(i + 1) * width + j] >= table[i * width + j + 1] {
                steps.append(.removed(offset + i)); i += 1
            } else {
                steps.append(.added(offset + j)); j += 1
            }
        }
        return steps
    }
}
