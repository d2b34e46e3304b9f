import Foundation

/// Hashing and comparing texts by their UTF-8 bytes, for the keys of the build's caches
/// (`ViewPartCache`, `BodyCache`, and `ChapterCache` through `TextView` and `BodyView`). `String`'s own `Hashable` normalizes non-ASCII text to
/// NFC on every hash and compares by canonical equivalence; the keys of service and
/// procedure sheets hold Catalan and Spanish names and whole bodies, so at 947
/// municipalities that was about 3% of the handbooks' CPU (issue 13). Byte equality is
/// stricter than canonical equivalence: two texts that differ only in their normalization
/// are two keys (their output bytes differ too), never one.
enum ByteKeys {
    /// Feeds the bytes of `text`, then its length (so that `["ab", "c"]` and `["a", "bc"]`
    /// hash apart), into `hasher`.
    static func combine(_ text: String, into hasher: inout Hasher) {
        var text = text
        let count = text.withUTF8 { bytes -> Int in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return bytes.count
        }
        hasher.combine(count)
    }

    static func combine(_ text: String?, into hasher: inout Hasher) {
        if let text {
            hasher.combine(true)
            combine(text, into: &hasher)
        } else {
            hasher.combine(false)
        }
    }

    static func combine(_ texts: [String], into hasher: inout Hasher) {
        hasher.combine(texts.count)
        for text in texts { combine(text, into: &hasher) }
    }

    /// True when both texts have the same UTF-8 bytes.
    static func equal(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.count == 0 || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    static func equal(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return equal(a, b)
        default: return false
        }
    }

    static func equal(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    }

    static func equal(_ a: [String?], _ b: [String?]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    }

    // The views the sheets' keys hold, field by field (the same fields as their
    // synthesized conformances).

    static func combine(_ v: TextView, into h: inout Hasher) {
        combine(v.text, into: &h)
        h.combine(v.fallback)
        combine(v.lang, into: &h)
        combine(v.note, into: &h)
    }

    static func equal(_ a: TextView, _ b: TextView) -> Bool {
        a.fallback == b.fallback && equal(a.text, b.text) && equal(a.lang, b.lang) && equal(a.note, b.note)
    }

    static func combine(_ v: LinkView, into h: inout Hasher) {
        combine(v.link_anchor, into: &h)
        h.combine(v.xref)
        combine(v.label, into: &h)
        h.combine(v.not_offered)
    }

    static func equal(_ a: LinkView, _ b: LinkView) -> Bool {
        a.xref == b.xref && a.not_offered == b.not_offered && equal(a.link_anchor, b.link_anchor) && equal(a.label, b.label)
    }

    static func combine(_ v: BodyView, into h: inout Hasher) {
        combine(v.html, into: &h)
        combine(v.id, into: &h)
        combine(v.path, into: &h)
        h.combine(v.fallback)
        combine(v.lang, into: &h)
    }

    static func equal(_ a: BodyView, _ b: BodyView) -> Bool {
        a.fallback == b.fallback && equal(a.id, b.id) && equal(a.path, b.path) && equal(a.lang, b.lang) && equal(a.html, b.html)
    }

    static func equal(_ a: BodyView?, _ b: BodyView?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return equal(a, b)
        default: return false
        }
    }
}

/// A list of texts as a key, hashed once by their bytes (`ByteKeys`), before a cache's lock
/// is taken.
struct TextsKey: Hashable, Sendable {
    let texts: [String]
    let hash: Int

    init(_ texts: [String]) {
        self.texts = texts
        var hasher = Hasher()
        ByteKeys.combine(texts, into: &hasher)
        hash = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (a: TextsKey, b: TextsKey) -> Bool { a.hash == b.hash && ByteKeys.equal(a.texts, b.texts) }
}

// The texts and bodies every chapter's view holds by the hundred are hashed and compared by
// their bytes (the chapters' cache, `ChapterCache`, hashes whole views).

extension TextView {
    public func hash(into hasher: inout Hasher) { ByteKeys.combine(self, into: &hasher) }
    public static func == (a: TextView, b: TextView) -> Bool { ByteKeys.equal(a, b) }
}

extension BodyView {
    public func hash(into hasher: inout Hasher) { ByteKeys.combine(self, into: &hasher) }
    public static func == (a: BodyView, b: BodyView) -> Bool { ByteKeys.equal(a, b) }
}
