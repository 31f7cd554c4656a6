import Foundation

/// A WordPiece vocabulary: token strings by id, and two byte-keyed hash tables for lookup.
///
/// The tokenizer looks pieces up by their UTF-8 bytes, so no `String` is built while tokenizing.
/// Word-initial pieces are looked up as written; continuation pieces (`##ing`) live in a second table
/// keyed by the bytes after `##`, so trying a continuation never builds a prefixed key.
struct WordPieceVocabulary: Sendable {
    /// The marker that starts a continuation piece.
    static let continuationPrefix: [UInt8] = Array("##".utf8)

    /// Every token's bytes, one after another.
    private let storage: [UInt8]
    /// Token `id` occupies `storage[offsets[id] ..< offsets[id + 1]]`.
    private let offsets: [Int32]
    /// Open-addressing table of every token: `id + 1`, or 0 for an empty slot.
    private let wholeSlots: [Int32]
    /// Open-addressing table of the `##` tokens, keyed by the bytes after `##`.
    private let continuationSlots: [Int32]
    private let slotMask: Int

    /// How many ids the vocabulary has (its line count).
    var count: Int { offsets.count - 1 }

    /// Builds the vocabulary from the contents of a `vocab.txt`: one token per line, ids by line number.
    ///
    /// A trailing CR is dropped from each line; a final newline does not add an empty token. When a
    /// token appears twice, the later line's id wins, as in the reference implementations.
    init(vocabText data: Data, path: String) throws(EncoderError) {
        var storage: [UInt8] = []
        storage.reserveCapacity(data.count)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(data.count / 4)
        let tooLarge = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count < Int(Int32.max) else { return true }
            var lineStart = 0
            var index = 0
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == 0x0A {
                    if index == bytes.count && lineStart == index { break }
                    var lineEnd = index
                    if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                    offsets.append(Int32(storage.count))
                    lineStart = index + 1
                }
                index += 1
            }
            return false
        }
        guard !tooLarge else { throw .invalidFile(path: path, reason: "the vocabulary is larger than 2 GiB") }
        guard offsets.count > 1 else { throw .invalidFile(path: path, reason: "the vocabulary is empty") }

        let tokenCount = offsets.count - 1
        var capacity = 16
        while capacity < tokenCount * 2 { capacity <<= 1 }
        self.storage = storage
        self.offsets = offsets
        self.slotMask = capacity - 1
        var whole = [Int32](repeating: 0, count: capacity)
        var continuation = [Int32](repeating: 0, count: capacity)
        let prefixLength = Self.continuationPrefix.count
        storage.withUnsafeBufferPointer { all in
            for id in 0..<tokenCount {
                let start = Int(offsets[id])
                let end = Int(offsets[id + 1])
                let token = UnsafeBufferPointer(rebasing: all[start..<end])
                Self.insert(id: id, key: token, keyOffset: 0, into: &whole, storage: all, offsets: offsets, mask: capacity - 1)
                if end - start > prefixLength,
                   all[start] == Self.continuationPrefix[0], all[start + 1] == Self.continuationPrefix[1] {
                    let rest = UnsafeBufferPointer(rebasing: all[(start + prefixLength)..<end])
                    Self.insert(id: id, key: rest, keyOffset: prefixLength, into: &continuation, storage: all, offsets: offsets, mask: capacity - 1)
                }
            }
        }
        self.wholeSlots = whole
        self.continuationSlots = continuation
    }

    /// The id of a token given by its bytes, as written (`##` included for continuation pieces).
    func id(of token: UnsafeBufferPointer<UInt8>) -> Int32? {
        lookup(token, in: wholeSlots, keyOffset: 0)
    }

    /// The id of `##` followed by `piece`.
    func continuationID(of piece: UnsafeBufferPointer<UInt8>) -> Int32? {
        lookup(piece, in: continuationSlots, keyOffset: Self.continuationPrefix.count)
    }

    /// The id of a token given as a string.
    func id(of token: String) -> Int32? {
        var token = token
        return token.withUTF8 { id(of: $0) }
    }

    /// The token string of an id, or nil when the id is out of range.
    func token(_ id: Int32) -> String? {
        let index = Int(id)
        guard index >= 0, index < count else { return nil }
        return String(decoding: storage[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
    }

    // MARK: Hash table

    /// FNV-1a, then a final mix so the low bits used for the slot depend on every byte.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        value ^= value >> 29
        value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 32
        return Int(truncatingIfNeeded: value)
    }

    /// Whether the token `id`, minus its first `keyOffset` bytes, equals `key`.
    @inline(__always)
    private static func matches(
        _ key: UnsafeBufferPointer<UInt8>, id: Int, keyOffset: Int,
        storage: UnsafeBufferPointer<UInt8>, offsets: [Int32]
    ) -> Bool {
        let start = Int(offsets[id]) + keyOffset
        let end = Int(offsets[id + 1])
        guard end - start == key.count else { return false }
        var index = 0
        while index < key.count {
            if storage[start + index] != key[index] { return false }
            index += 1
        }
        return true
    }

    private static func insert(
        id: Int, key: UnsafeBufferPointer<UInt8>, keyOffset: Int, into slots: inout [Int32],
        storage: UnsafeBufferPointer<UInt8>, offsets: [Int32], mask: Int
    ) {
        var slot = hash(key) & mask
        while true {
            let occupant = Int(slots[slot])
            if occupant == 0 || matches(key, id: occupant - 1, keyOffset: keyOffset, storage: storage, offsets: offsets) {
                slots[slot] = Int32(id + 1)
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private func lookup(_ key: UnsafeBufferPointer<UInt8>, in slots: [Int32], keyOffset: Int) -> Int32? {
        storage.withUnsafeBufferPointer { all in
            var slot = Self.hash(key) & slotMask
            while true {
                let occupant = Int(slots[slot])
                if occupant == 0 { return nil }
                if Self.matches(key, id: occupant - 1, keyOffset: keyOffset, storage: all, offsets: offsets) {
                    return Int32(occupant - 1)
                }
                slot = (slot + 1) & slotMask
            }
        }
    }
}
