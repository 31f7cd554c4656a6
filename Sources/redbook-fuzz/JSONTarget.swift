import Foundation
import RedbookDSL
import RedbookSession
import RedbookTables

extension FuzzTarget {
    /// The JSON reader (tables, steps) and the pretty-printer (recorded JSON replies).
    ///
    /// Whatever the printer accepts the reader accepts too, the printer's output prints to
    /// itself, and a value a step reads writes back as JSON that reads to the same value.
    static let json = FuzzTarget(name: "json", summary: "JSONReader, MarkdownTable(jsonRows:), JSONPrettyPrinter, Value.fromJSON") { bytes in
        let read = try? JSONReader.document(bytes, source: "fuzz.json")
        _ = try? MarkdownTable(jsonRows: Data(bytes), source: "fuzz.json").render()

        let pretty = JSONPrettyPrinter.format(bytes)
        if let pretty {
            if !bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                invariant(read != nil, "the pretty-printer accepts JSON that the reader refuses")
            }
            if let again = JSONPrettyPrinter.format(Array(pretty.utf8)) {
                invariant(again == pretty, "pretty-printing the printer's own output changed it")
            }
        }
        let ordered = JSONPrettyPrinter.format(bytes, memberOrder: [Array("b".utf8), Array("$.a".utf8), []])
        invariant((ordered == nil) == (pretty == nil), "putting members in order changed whether the text is JSON")
        _ = JSONPrettyPrinter.compact(bytes)
        // Several documents, as JSON.MGET returns them; an empty one stands for a missing key.
        _ = JSONPrettyPrinter.formatArray(bytes.split(separator: 0x1E, omittingEmptySubsequences: false).map { $0.isEmpty ? nil : Array($0) })
        _ = JSONPrettyPrinter.decodedString(bytes[...])

        if let value = try? Value.fromJSON(bytes, source: "fuzz.json"), let text = try? value.jsonText() {
            let back = try? Value.fromJSON(Array(text.utf8), source: "jsonText")
            invariant(back == value, "a value written as JSON reads back as another value: \(text)")
        }
    }
}
