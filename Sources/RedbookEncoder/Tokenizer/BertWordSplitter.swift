import Foundation

/// BERT's normalizer and pre-tokenizer: turns text into the words WordPiece splits.
///
/// The steps and their order follow the Rust `tokenizers` BertNormalizer and BertPreTokenizer:
/// 1. clean: drop NUL, U+FFFD, control, format and private-use characters (the word stays whole);
///    turn tab, LF, CR and every White_Space character into a space;
/// 2. put spaces around CJK ideographs;
/// 3. strip accents: canonical decomposition (NFD), then drop nonspacing marks (Mn);
/// 4. lower-case each scalar with its full, context-free mapping (so a final capital sigma becomes σ);
/// 5. split on whitespace, and make each punctuation character a word of its own.
///
/// ASCII characters, the common case, take a byte loop that never decodes scalars.
struct BertWordSplitter: Sendable {
    var lowercase: Bool
    var stripAccents: Bool
    var splitCJKIdeographs: Bool

    /// Calls `body` with each word's UTF-8 bytes, in order, until it returns false.
    ///
    /// ASCII bytes take a table lookup. Each run of non-ASCII characters is decoded and normalized
    /// on its own: every step is per scalar except NFD, and NFD never moves anything across an ASCII
    /// character (all of them are starters that decompose to themselves), so runs can be split there.
    ///
    /// - Returns: false when `body` stopped the walk.
    func forEachWord(
        in text: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var word = WordBuffer()
        let lowercase = self.lowercase
        return Self.asciiClasses.withUnsafeBufferPointer { classes in
            var index = 0
            while index < text.count {
                let byte = text[index]
                guard byte < 0x80 else {
                    var end = index + 1
                    while end < text.count && text[end] >= 0x80 { end += 1 }
                    guard addNonASCIIRun(UnsafeBufferPointer(rebasing: text[index..<end]), to: &word, body) else {
                        return false
                    }
                    index = end
                    continue
                }
                index += 1
                switch classes[Int(byte)] {
                case .removed:
                    continue
                case .space:
                    guard word.flush(body) else { return false }
                case .punctuation:
                    guard word.flush(body) else { return false }
                    word.bytes.append(byte)
                    guard word.flush(body) else { return false }
                case .upper:
                    word.bytes.append(lowercase ? byte | 0x20 : byte)
                case .other:
                    word.bytes.append(byte)
                }
            }
            return word.flush(body)
        }
    }

    // MARK: ASCII

    private enum ASCIIClass: UInt8 {
        case removed, space, punctuation, upper, other
    }

    private static let asciiClasses: [ASCIIClass] = (0..<128).map { (code: Int) -> ASCIIClass in
        switch code {
        case 0x09, 0x0A, 0x0D, 0x20: .space
        case 0x00..<0x20, 0x7F: .removed
        case 33...47, 58...64, 91...96, 123...126: .punctuation
        case 65...90: .upper
        default: .other
        }
    }

    // MARK: Unicode

    /// Normalizes a run of non-ASCII UTF-8 and adds its scalars to `word`.
    private func addNonASCIIRun(
        _ run: UnsafeBufferPointer<UInt8>,
        to word: inout WordBuffer,
        _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var cleaned = String.UnicodeScalarView()
        for scalar in String(decoding: run, as: UTF8.self).unicodeScalars {
            if scalar.isRemovedByBertCleaning { continue }
            if scalar.isBertWhitespace {
                cleaned.append(" ")
            } else if splitCJKIdeographs && scalar.isBertCJKIdeograph {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        guard !cleaned.isEmpty else { return true }
        var normalized = String(cleaned)
        if stripAccents {
            normalized = normalized.decomposedStringWithCanonicalMapping
        }
        for scalar in normalized.unicodeScalars {
            if stripAccents && scalar.isBertNonspacingMark {
                continue
            }
            if !lowercase {
                guard word.add(scalar, body) else { return false }
            } else if scalar.isASCII {
                let lowered = (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
                guard word.add(lowered, body) else { return false }
            } else if scalar.properties.changesWhenLowercased {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    guard word.add(lowered, body) else { return false }
                }
            } else {
                guard word.add(scalar, body) else { return false }
            }
        }
        return true
    }
}

/// The bytes of the word being collected.
private struct WordBuffer {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(64)
    }

    /// Hands the word to `body` unless it is empty, and starts a new one.
    @inline(__always)
    mutating func flush(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard !bytes.isEmpty else { return true }
        let proceed = bytes.withUnsafeBufferPointer(body)
        bytes.removeAll(keepingCapacity: true)
        return proceed
    }

    /// Adds one normalized scalar: whitespace ends the word, punctuation is a word of its own.
    mutating func add(_ scalar: Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if scalar.isBertWhitespace { return flush(body) }
        if scalar.isBertPunctuation {
            guard flush(body) else { return false }
            UTF8.encode(scalar) { bytes.append($0) }
            return flush(body)
        }
        UTF8.encode(scalar) { bytes.append($0) }
        return true
    }
}
