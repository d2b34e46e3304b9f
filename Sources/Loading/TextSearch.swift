#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on the UTF-8 bytes of a native Swift string, with the C library's
/// `memchr` and `memcmp`: the HTML passes that run on every page of the site (scroll
/// regions, the contents list, search marks) and the checks that run on every value of the
/// tree (placeholders, value references: ~500,000 strings at 947 municipalities) use it
/// instead of Foundation's `range(of:)`, which converts to UTF-16 and cost a third of the
/// site's build time (issue 13).
///
/// Needles are ASCII or whole UTF-8 sequences, so a byte match is a character match.
extension StringProtocol {
    /// The first range of `needle` in `self[from...]` (from the start when `from` is
    /// nil), by bytes; nil when there is none.
    public func utf8Range(of needle: String, from: Index? = nil) -> Range<Index>? {
        utf8Range(of: needle, in: (from ?? startIndex)..<endIndex)
    }

    /// The first range of `needle` inside `range`, by bytes.
    public func utf8Range(of needle: String, in range: Range<Index>) -> Range<Index>? {
        var needle = needle
        let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        let upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
        let found: Int?? = utf8.withContiguousStorageIfAvailable { hay in
            needle.withUTF8 { n -> Int? in
                guard n.count > 0, upper - lower >= n.count, let base = hay.baseAddress else { return nil }
                return find(n, in: UnsafeBufferPointer(rebasing: hay[lower..<upper])).map { lower + $0 }
            }
        }
        let offset: Int?
        if let found { offset = found } else {
            // A bridged or otherwise non-contiguous string: search a copy of its bytes.
            let bytes = Array(utf8[range])
            offset = bytes.withUnsafeBufferPointer { hay -> Int? in
                needle.withUTF8 { n -> Int? in
                    guard n.count > 0 else { return nil }
                    return find(n, in: hay).map { lower + $0 }
                }
            }
        }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// The last range of `needle` that ends at or before `end`, by bytes.
    public func utf8LastRange(of needle: String, before end: Index) -> Range<Index>? {
        var found: Range<Index>?
        var from = startIndex
        while let r = utf8Range(of: needle, in: from..<end) {
            found = r
            from = r.upperBound
        }
        return found
    }

    /// Whether `needle` occurs, by bytes (an empty needle occurs everywhere).
    public func utf8Contains(_ needle: String) -> Bool { needle.isEmpty || utf8Range(of: needle) != nil }

    /// Whether the text is empty or only spaces, tabs and line breaks: a text that shows
    /// nothing (a translation written `es: "   "` is none). Inlinable and stopping at the
    /// first other byte: the localizer asks it of every text it reads (through
    /// `allSatisfy` across modules, unspecialised, it was 7% of the handbooks' CPU).
    @inlinable public var isBlankText: Bool {
        @inline(__always) func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        // Most texts begin with a letter: answered by their first byte, without the
        // closure over their storage (each language of every text picked for a page asks).
        // The first byte by the view's iterator: `utf8.first` was a call into the standard
        // library (its index checks), 1.7% of a site build at 947 municipalities.
        var iterator = utf8.makeIterator()
        guard let first = iterator.next() else { return true }
        if !blank(first) { return false }
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            for byte in bytes where !blank(byte) { return false }
            return true
        }) { return found }
        for byte in utf8 where !blank(byte) { return false }
        return true
    }

    /// How many times `needle` occurs without overlapping, by bytes.
    public func utf8Count(of needle: String) -> Int {
        var count = 0
        var from = startIndex
        while let r = utf8Range(of: needle, from: from) {
            count += 1
            from = r.upperBound
        }
        return count
    }
}

/// The offset of the first `needle` in `hay`: `memchr` finds each candidate first byte,
/// `memcmp` compares the rest.
func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let n = needle.baseAddress, let h = hay.baseAddress, needle.count > 0, hay.count >= needle.count else { return nil }
    let first = Int32(n.pointee)
    let last = hay.count - needle.count
    var at = 0
    while at <= last {
        guard let hit = memchr(h + at, first, last - at + 1) else { return nil }
        let offset = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(h + offset, n, needle.count) == 0 { return offset }
        at = offset + 1
    }
    return nil
}

/// `split(separator:)`, `firstIndex(of:)` and `lastIndex(of:)` with the standard library's
/// results, fast for an ASCII separator other than CR and LF in an ASCII text (every
/// character is then one byte, and the search runs on the bytes); any other separator or
/// text goes through the character versions. The character versions step through grapheme
/// clusters; on the paths and dotted names that the check splits (every file's path, every
/// link, every template name) they were 3.5% of `oae check`'s instructions at 200
/// municipalities (issue 13).
extension Substring {
    /// The pieces between the `separator`s, as `split(separator:maxSplits:omittingEmptySubsequences:)`.
    public func split(ascii separator: Character, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        guard let byte = ASCIIText.byte(separator), ASCIIText.isASCII(utf8) else {
            return split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
        }
        return ASCIIText.split(self, at: byte, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }

    /// The index of the first `character`, as `firstIndex(of:)`.
    public func firstIndex(ofASCII character: Character) -> Index? {
        guard let byte = ASCIIText.byte(character), ASCIIText.isASCII(utf8) else { return firstIndex(of: character) }
        return utf8.firstIndex(of: byte)
    }

    /// The index of the last `character`, as `lastIndex(of:)`.
    public func lastIndex(ofASCII character: Character) -> Index? {
        guard let byte = ASCIIText.byte(character), ASCIIText.isASCII(utf8) else { return lastIndex(of: character) }
        return utf8.lastIndex(of: byte)
    }
}

/// The same on a whole string, through its substring of every character: the pieces and
/// indices are the string's own.
extension String {
    /// The pieces between the `separator`s, as `split(separator:maxSplits:omittingEmptySubsequences:)`.
    public func split(ascii separator: Character, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        self[...].split(ascii: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }

    /// The index of the first `character`, as `firstIndex(of:)`.
    public func firstIndex(ofASCII character: Character) -> Index? { self[...].firstIndex(ofASCII: character) }

    /// The index of the last `character`, as `lastIndex(of:)`.
    public func lastIndex(ofASCII character: Character) -> Index? { self[...].lastIndex(ofASCII: character) }
}

/// The byte tests behind `split(ascii:)`.
enum ASCIIText {
    /// The byte of an ASCII character that is a grapheme cluster of its own in an ASCII
    /// text (all but CR and LF, which join as CR LF), or nil.
    static func byte(_ c: Character) -> UInt8? {
        // From the character's one UTF-8 byte: `asciiValue` cost ~300 instructions a call
        // (a character of two or more bytes, CR LF among them, has none).
        let utf8 = c.utf8
        guard utf8.count == 1, let b = utf8.first, b < 0x80, b != 0x0A, b != 0x0D else { return nil }
        return b
    }

    /// The standard library's `split` (the same pieces for the same limit and choice of
    /// empty pieces) of an ASCII text at `byte`, over its contiguous bytes.
    static func split(_ text: Substring, at byte: UInt8, maxSplits: Int, omittingEmptySubsequences: Bool) -> [Substring] {
        precondition(maxSplits >= 0, "Must take zero or more splits")
        let utf8 = text.utf8
        let found = utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
            let start = utf8.startIndex
            func piece(_ from: Int, _ to: Int) -> Substring {
                text[utf8.index(start, offsetBy: from)..<utf8.index(start, offsetBy: to)]
            }
            var result: [Substring] = []
            if maxSplits == 0 || bytes.isEmpty {
                if !(bytes.isEmpty && omittingEmptySubsequences) { result.append(text) }
                return result
            }
            // Room for every piece at once: growing the array as pieces came was a third of
            // the split's cost.
            var separators = 0
            for b in bytes where b == byte { separators += 1 }
            result.reserveCapacity(min(separators, maxSplits) + 1)
            var pieceStart = 0
            for i in 0..<bytes.count where bytes[i] == byte {
                let appended = !(pieceStart == i && omittingEmptySubsequences)
                if appended { result.append(piece(pieceStart, i)) }
                pieceStart = i + 1
                if appended && result.count == maxSplits { break }
            }
            if pieceStart != bytes.count || !omittingEmptySubsequences { result.append(piece(pieceStart, bytes.count)) }
            return result
        }
        return found ?? utf8.split(separator: byte, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences).map { Substring($0) }
    }

    /// Whether every byte is ASCII.
    static func isASCII<V: Collection>(_ bytes: V) -> Bool where V.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { buffer in
            // Eight bytes at a time: a text is ASCII when no byte has its high bit set.
            var i = 0, all: UInt64 = 0
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                while i + 8 <= buffer.count {
                    all |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    i += 8
                }
            }
            var tail: UInt8 = 0
            while i < buffer.count { tail |= buffer[i]; i += 1 }
            return all & 0x8080_8080_8080_8080 == 0 && tail < 0x80
        } ?? bytes.allSatisfy { $0 < 0x80 }
    }
}
