import RedbookRedis
import RedbookTables

/// An FT.INFO reply as two Markdown tables: the index's main properties, then its schema.
///
/// The first table lists `index_name`, the definition's `key_type`, `prefixes` (each quoted, so
/// an empty prefix shows as `""`) and `filter` when there is one, then `num_docs`,
/// `hash_indexing_failures` and `percent_indexed`. The second has one row per field:
/// `identifier`, `attribute`, `type` and `options`, where options are written as the server
/// lists them, a flag alone (`SORTABLE`) and a setting with its value (`dim 384`), separated by
/// commas. Memory sizes, timings and statistics are left out: they vary from run to run.
enum IndexInfoTable {
    /// Options the server lists without a value; every other option name is followed by one.
    static let flags: Set<String> = [
        "SORTABLE", "UNF", "NOSTEM", "NOINDEX", "CASESENSITIVE", "WITHSUFFIXTRIE", "INDEXEMPTY", "INDEXMISSING",
    ]

    /// One schema field as FT.INFO describes it.
    struct Field {
        var identifier: String
        var attribute: String
        var type: String
        var options: [(name: String, value: Reply?)]
    }

    /// The reply as Markdown, or `nil` when it is not shaped like an FT.INFO reply.
    static func render(_ reply: Reply) -> String? {
        guard let info = properties(of: reply), let name = info["index_name"]?.string else { return nil }
        var rows: [[Cell]] = [[.text("index_name"), .text(name)]]
        if let definition = info["index_definition"].flatMap(properties(of:)) {
            if let keyType = definition["key_type"]?.string { rows.append([.text("key_type"), .text(keyType)]) }
            if let prefixes = definition["prefixes"]?.elements {
                let text = prefixes.map { CLIFormatter.quoted(Array(($0.string ?? "").utf8)) }.joined(separator: ", ")
                rows.append([.text("prefixes"), .text(text)])
            }
            if let filter = definition["filter"]?.string { rows.append([.text("filter"), .text(filter)]) }
        }
        for key in ["num_docs", "hash_indexing_failures", "percent_indexed"] {
            if let value = info[key] { rows.append([.text(key), .text(CellText.plain(value))]) }
        }
        var output = MarkdownTable(columns: ["property", "value"], rows: rows).render()

        guard let attributes = info["attributes"]?.elements else { return output }
        var fieldRows = [[Cell]]()
        for attribute in attributes {
            guard let field = field(from: attribute) else { return nil }
            let options = field.options.map { option in
                guard let value = option.value else { return option.name }
                return option.name + " " + optionValue(value)
            }
            fieldRows.append([.text(field.identifier), .text(field.attribute), .text(field.type),
                              .text(options.joined(separator: ", "))])
        }
        if !fieldRows.isEmpty {
            output += "\n\n" + MarkdownTable(columns: ["identifier", "attribute", "type", "options"], rows: fieldRows).render()
        }
        return output
    }

    /// Names of VECTOR fields in an FT.INFO reply: both identifiers and attribute names, since a
    /// hash search returns fields under their identifiers and a RETURN ... AS under attributes.
    static func vectorFieldNames(_ reply: Reply) -> Set<String> {
        guard let attributes = properties(of: reply)?["attributes"]?.elements else { return [] }
        var names = Set<String>()
        for attribute in attributes {
            guard let field = field(from: attribute), field.type.uppercased() == "VECTOR" else { continue }
            names.insert(field.identifier)
            names.insert(field.attribute)
        }
        return names
    }

    /// `[name, value, name, value, ...]` as a dictionary (first occurrence wins).
    static func properties(of reply: Reply) -> [String: Reply]? {
        guard case .array(let items) = reply, items.count % 2 == 0 else { return nil }
        var result = [String: Reply]()
        var index = 0
        while index < items.count {
            guard let name = items[index].string, !items[index].isError else { return nil }
            if result[name] == nil { result[name] = items[index + 1] }
            index += 2
        }
        return result
    }

    private static func field(from reply: Reply) -> Field? {
        guard case .array(let items) = reply else { return nil }
        var identifier: String?
        var attribute: String?
        var type: String?
        var index = 0
        // The three names come first; everything after them is options.
        while index + 1 < items.count, identifier == nil || attribute == nil || type == nil {
            switch items[index].string {
            case "identifier": identifier = items[index + 1].string
            case "attribute": attribute = items[index + 1].string
            case "type": type = items[index + 1].string
            default: return nil
            }
            index += 2
        }
        guard let identifier, let attribute, let type else { return nil }
        var options = [(name: String, value: Reply?)]()
        while index < items.count {
            let name = CellText.plain(items[index])
            if flags.contains(name.uppercased()) || index + 1 >= items.count {
                options.append((name, nil))
                index += 1
            } else {
                options.append((name, items[index + 1]))
                index += 2
            }
        }
        return Field(identifier: identifier, attribute: attribute, type: type, options: options)
    }

    /// An option's value; an empty one or one with a comma or space is quoted so it stays visible.
    private static func optionValue(_ reply: Reply) -> String {
        let text = CellText.plain(reply)
        if text.isEmpty || text.contains(",") || text.contains(" ") {
            return CLIFormatter.quoted(Array(text.utf8))
        }
        return text
    }
}
