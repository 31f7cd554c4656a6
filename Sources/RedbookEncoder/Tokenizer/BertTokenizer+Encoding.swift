extension BertTokenizer {
    /// The wordpieces of `text`, without `[CLS]` and `[SEP]`.
    ///
    /// Continuation pieces keep their `##` prefix, and a word the vocabulary cannot spell shows as
    /// `[UNK]`. Meant for debugging and for showing what the model sees.
    ///
    /// - Parameter text: Any text; nothing is truncated.
    /// - Returns: One string per token id.
    public func tokens(_ text: String) -> [String] {
        var ids: [Int32] = []
        appendPieceIDs(of: text, to: &ids, limit: .max)
        return ids.map { vocabulary.token($0) ?? "" }
    }

    /// The model input ids of `text`: `[CLS]`, the wordpiece ids, `[SEP]`.
    ///
    /// Long text is truncated as sentence-transformers truncates it: the first `maxLength - 2`
    /// wordpieces are kept (a word can be cut between its pieces), then `[SEP]` ends the sequence.
    /// Tokenization stops once the limit is reached, so very long text costs no more than it keeps.
    ///
    /// - Parameters:
    ///   - text: Any text.
    ///   - maxLength: The most ids to return, `[CLS]` and `[SEP]` included; values below 2 act as 2.
    /// - Returns: Between 2 and `max(maxLength, 2)` ids.
    public func encode(_ text: String, maxLength: Int) -> [Int32] {
        let pieceLimit = max(maxLength, 2) - 2
        var ids: [Int32] = [clsTokenID]
        ids.reserveCapacity(min(pieceLimit, 254) + 2)
        appendPieceIDs(of: text, to: &ids, limit: pieceLimit + 1)
        ids.append(sepTokenID)
        return ids
    }

    /// Appends the ids of `text`'s special tokens and wordpieces until `ids` holds `limit` ids.
    func appendPieceIDs(of text: String, to ids: inout [Int32], limit: Int) {
        guard ids.count < limit else { return }
        var text = text
        text.withUTF8 { bytes in
            var segmentStart = 0
            var position = 0
            while position < bytes.count {
                guard let special = specialTokens.match(in: bytes, at: position) else {
                    position += 1
                    continue
                }
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<position])
                guard appendWordPieces(of: segment, to: &ids, limit: limit) else { return }
                ids.append(special.id)
                guard ids.count < limit else { return }
                position += special.length
                segmentStart = position
            }
            _ = appendWordPieces(of: UnsafeBufferPointer(rebasing: bytes[segmentStart...]), to: &ids, limit: limit)
        }
    }

    /// Normalizes and splits text that holds no special token; false once `ids` is full.
    private func appendWordPieces(of segment: UnsafeBufferPointer<UInt8>, to ids: inout [Int32], limit: Int) -> Bool {
        guard !segment.isEmpty else { return true }
        return splitter.forEachWord(in: segment) { word in
            vocabulary.appendPieces(of: word, to: &ids, unknownID: unknownTokenID)
            guard ids.count < limit else {
                ids.removeSubrange(limit...)
                return false
            }
            return true
        }
    }
}
