extension WordPieceVocabulary {
    /// Words with more characters than this become a single unknown token without being split.
    static let maxCharactersPerWord = 100

    /// Appends the ids of one word's pieces: greedy longest-match-first, `##` pieces after the first.
    ///
    /// A word longer than ``maxCharactersPerWord`` characters, or one with a stretch no piece
    /// matches, becomes `unknownID` alone. Pieces always end on character boundaries.
    ///
    /// - Parameters:
    ///   - word: The word's UTF-8 bytes, already normalized; must not be empty.
    ///   - ids: Where the ids go.
    ///   - unknownID: The id of `[UNK]`.
    func appendPieces(of word: UnsafeBufferPointer<UInt8>, to ids: inout [Int32], unknownID: Int32) {
        var characters = 0
        for byte in word where !Self.isContinuationByte(byte) {
            characters += 1
        }
        guard characters <= Self.maxCharactersPerWord else {
            ids.append(unknownID)
            return
        }
        let mark = ids.count
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while end > start {
                let piece = UnsafeBufferPointer(rebasing: word[start..<end])
                found = start == 0 ? id(of: piece) : continuationID(of: piece)
                if found != nil { break }
                end -= 1
                while end > start && Self.isContinuationByte(word[end]) { end -= 1 }
            }
            guard let found else {
                ids.removeSubrange(mark...)
                ids.append(unknownID)
                return
            }
            ids.append(found)
            start = end
        }
    }

    /// Whether a byte continues a UTF-8 sequence rather than starting a character.
    @inline(__always)
    static func isContinuationByte(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
