import Foundation
import RedbookTestSupport

/// Reads the committed fixtures that scripts/fixtures/make-table-fixtures wrote from pandas.
enum TableFixtures {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let columns: [String]
        let escaped: Bool
        var description: String { name }
    }

    static let folder = PackageRoot.url("Tests/RedbookTablesTests/Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    /// The cases listed in an index.json (ours or the shared one).
    static func cases(inIndex url: URL) -> [Case] {
        guard let data = try? Data(contentsOf: url),
              let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = index["cases"] as? [[String: Any]] else { return [] }
        return cases.compactMap { entry in
            guard let name = entry["name"] as? String, let columns = entry["columns"] as? [String] else { return nil }
            return Case(name: name, columns: columns, escaped: entry["escaped"] as? Bool ?? false)
        }
    }

    static var ownCases: [Case] { cases(inIndex: folder.appendingPathComponent("index.json")) }

    /// The JSON array in `name` as Foundation objects, for tests that compare against Python.
    static func jsonArray(_ name: String) throws -> [[String: Any]] {
        (try JSONSerialization.jsonObject(with: try data(name)) as? [[String: Any]]) ?? []
    }
}
