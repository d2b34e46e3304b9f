import Foundation

/// Unicode Normalization Form C (UAX #15) with a quick check first: a text whose every
/// scalar is below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing
/// modifiers) or one of the common punctuation marks of U+2010–U+203A, U+20AC and U+2122
/// has NFC_Quick_Check = Yes for every scalar and no combining mark, so it is already in
/// NFC and is returned as it is. Only other texts go through Foundation's normalizer,
/// which costs a bridge to UTF-16 and back (a tenth of `oae check` at 947
/// municipalities, issue 13).
public enum NFC {
    /// `text` in NFC.
    public static func normalize(_ text: String) -> String {
        isQuickYes(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar of `text` is one that no normalization changes and that
    /// never combines with its neighbours (see the type's comment).
    /// The text of UTF-8 bytes in NFC. Bytes below 0xCC (every scalar below U+0300, and
    /// continuation bytes) are stable without looking further: most scalars of a tree.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return hasByteFromCC(bytes) ? normalize(text) : text
    }

    /// `isQuickYes`, read through the UTF-8 bytes first: a text without a byte of 0xCC or
    /// more (every scalar below U+0300: a Catalan text's accents are two bytes from 0xC3) is
    /// answered by one pass over its bytes, without decoding a scalar. For a whole file (a
    /// Markdown body): the scalars' pass cost 1.5% of `oae check` at 200 municipalities.
    public static func isQuickYesFast(_ text: String) -> Bool {
        var text = text
        let high = text.withUTF8 { hasByteFromCC($0) }
        return !high || isQuickYes(text)
    }

    /// Whether any byte is 0xCC or more: eight bytes at a time where none of the eight
    /// has its high bit (ASCII), byte by byte in the words that have one. Every scalar a
    /// tree loads is asked: byte by byte, 0.9% of the instructions of `oae check` at 36
    /// municipalities (issue 13).
    @inline(__always)
    static func hasByteFromCC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= n {
                if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    for j in i..<(i + 8) where bytes[j] >= 0xCC { return true }
                }
                i += 8
            }
        }
        while i < n {
            if bytes[i] >= 0xCC { return true }
            i += 1
        }
        return false
    }

    public static func isQuickYes(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 } || text.unicodeScalars.allSatisfy { isStable($0.value) }
    }

    static func isStable(_ v: UInt32) -> Bool {
        v < 0x300 || (0x2010...0x203A).contains(v) || v == 0x20AC || v == 0x2122
    }
}
