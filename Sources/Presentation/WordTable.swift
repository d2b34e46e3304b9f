#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Words by key: the interface words of a language (`Strings.all`), as templates read them
/// (`{{ui.key}}`) and as the pages and handbooks look them up, hundreds per page.
///
/// An open-addressing table of its own rather than a `[String: String]`: a `String` key is
/// hashed with SipHash-1-3 (`Hasher`) and compared by canonical equivalence, some 480
/// instructions for a lookup of a word of 20 bytes, and the pages' lookups of interface
/// words were 1.9% of a site build's instructions at 36 municipalities (issue 13). Here a
/// key is hashed by a short multiply-and-shift hash of its UTF-8 bytes, eight at a time
/// (`hash`), and found by comparing the bytes, read where the caller's string keeps them:
/// the key is not copied. The hash is not keyed against collisions an attacker would choose:
/// the keys are the project's own (the strings files, the templates' names). A precomposed
/// "é" and "e" + U+0301 are two keys, as they are two names in a file. The words are kept
/// in the order they were first set, which is the order of iteration.
public struct WordTable: Sendable, Codable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    /// The table, shared by copies (a language's words are in every page's view) until one
    /// of them changes it: a copy of the table is one retain.
    private var storage: Storage

    fileprivate final class Storage: @unchecked Sendable {
        /// The bytes of every key, one after another; the key of entry `i` ends at `keyEnds[i]`.
        var keyBytes: [UInt8] = []
        var keyEnds: [Int] = []
        var keys: [String] = []
        var values: [String] = []
        var hashes: [UInt64] = []
        /// The entry at each slot, or -1; a power of two long, at most half full.
        var slots: [Int32] = []

        init() {}

        func copy() -> Storage {
            let c = Storage()
            (c.keyBytes, c.keyEnds, c.keys, c.values, c.hashes, c.slots) = (keyBytes, keyEnds, keys, values, hashes, slots)
            return c
        }

        /// The entry of the key whose bytes are `key`, or nil.
        func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !slots.isEmpty else { return nil }
            let h = WordTable.hash(key)
            return slots.withUnsafeBufferPointer { slots -> Int? in
                hashes.withUnsafeBufferPointer { hashes -> Int? in
                    let mask = slots.count - 1
                    var s = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let e = Int(slots[s])
                        if e < 0 { return nil }
                        if hashes[e] == h, sameKey(e, key) { return e }
                        s = (s + 1) & mask
                    }
                }
            }
        }

        func sameKey(_ e: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
            keyEnds.withUnsafeBufferPointer { ends in
                let start = e == 0 ? 0 : ends[e - 1]
                guard ends[e] - start == key.count else { return false }
                guard key.count > 0 else { return true }
                return keyBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
            }
        }

        func append(_ key: String, _ value: String) {
            let h = WordTable.hash(key, seed: 0)
            keyBytes.append(contentsOf: key.utf8)
            keyEnds.append(keyBytes.count)
            keys.append(key)
            values.append(value)
            hashes.append(h)
            if slots.count < values.count * 2 {
                rehash(to: Swift.max(16, slots.count * 2))
            } else {
                place(values.count - 1)
            }
        }

        func remove(at i: Int) {
            let start = i == 0 ? 0 : keyEnds[i - 1]
            let length = keyEnds[i] - start
            keyBytes.removeSubrange(start..<keyEnds[i])
            keyEnds.remove(at: i)
            for k in i..<keyEnds.count { keyEnds[k] -= length }
            keys.remove(at: i)
            values.remove(at: i)
            hashes.remove(at: i)
            rehash(to: slots.count)
        }

        func reserve(_ n: Int) {
            keyEnds.reserveCapacity(n); keys.reserveCapacity(n); values.reserveCapacity(n); hashes.reserveCapacity(n)
            var size = 16
            while size < n * 2 { size *= 2 }
            if size > slots.count { rehash(to: size) }
        }

        func rehash(to size: Int) {
            slots = Array(repeating: -1, count: size)
            for e in values.indices { place(e) }
        }

        func place(_ e: Int) {
            let mask = slots.count - 1
            var s = Int(truncatingIfNeeded: hashes[e]) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(e)
        }
    }

    public init() { storage = Storage() }

    /// The words of a dictionary, in its order.
    public init(_ words: [String: String]) {
        self.init()
        storage.reserve(words.count)
        for (key, word) in words { self[key] = word }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init()
        for (key, word) in elements { self[key] = word }
    }

    /// The word of `key`, or nil. Setting nil removes the key.
    public subscript(key: String) -> String? {
        get {
            guard let i = index(of: key) else { return nil }
            return storage.values[i]
        }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            if let i = index(of: key) {
                if let newValue { storage.values[i] = newValue } else { storage.remove(at: i) }
                return
            }
            guard let newValue else { return }
            storage.append(key, newValue)
        }
    }

    /// Sets `word` for `key` when the key has none; whether it had none (one lookup).
    public mutating func insertIfAbsent(_ key: String, _ word: String) -> Bool {
        guard index(of: key) == nil else { return false }
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.append(key, word)
        return true
    }

    public var count: Int { storage.values.count }
    public var isEmpty: Bool { storage.values.isEmpty }

    /// The keys, in the order they were set.
    public var keys: [String] { storage.keys }

    /// Whether `key` has a word.
    public func contains(_ key: String) -> Bool { index(of: key) != nil }

    /// The words as a dictionary (for swift-mustache and the encoders).
    public var dictionary: [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(count)
        for (key, word) in self { out[key] = word }
        return out
    }

    /// Whether `other` is this same table (the same storage): a language's table, shared by
    /// every page, is compared without reading it.
    public func isSameStorage(as other: WordTable) -> Bool { storage === other.storage }

    public func makeIterator() -> Iterator { Iterator(storage: storage) }

    /// The pairs of key and word, in the order they were set.
    public struct Iterator: IteratorProtocol {
        fileprivate let storage: Storage
        var i = 0
        fileprivate init(storage: Storage) { self.storage = storage }
        public mutating func next() -> (key: String, value: String)? {
            guard i < storage.values.count else { return nil }
            defer { i += 1 }
            return (storage.keys[i], storage.values[i])
        }
    }

    /// As a dictionary of strings.
    public func encode(to encoder: Encoder) throws { try dictionary.encode(to: encoder) }

    public init(from decoder: Decoder) throws { self.init(try [String: String](from: decoder)) }

    /// The same keys (byte for byte) with the same words, in any order.
    public static func == (a: WordTable, b: WordTable) -> Bool {
        guard a.storage !== b.storage else { return true }
        guard a.count == b.count else { return false }
        for (key, word) in a where b[key] != word { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Independent of the order: the sum of each pair's hash.
        var sum: UInt64 = 0
        for i in 0..<count { sum = sum &+ (storage.hashes[i] ^ WordTable.hash(storage.values[i], seed: 1)) }
        hasher.combine(count)
        hasher.combine(sum)
    }

    /// The entry of `key`, or nil; the key's bytes are read where the string keeps them.
    private func index(of key: String) -> Int? {
        if let found = key.utf8.withContiguousStorageIfAvailable({ storage.find($0) }) { return found }
        var key = key
        return key.withUTF8 { storage.find($0) }
    }

    /// The hash of `text`'s UTF-8 bytes (`hash(_:)` of the bytes, with `seed`).
    static func hash(_ text: String, seed: UInt64) -> UInt64 {
        if let h = text.utf8.withContiguousStorageIfAvailable({ hash($0, seed: seed) }) { return h }
        var text = text
        return text.withUTF8 { hash($0, seed: seed) }
    }

    /// Each eight bytes (the last ones padded with zeros) mixed in by a multiplication,
    /// with the length and `seed` at the start, and the result finished by MurmurHash3's
    /// 64-bit finaliser (`fmix64`), so that the low bits, which pick a slot, depend on
    /// every byte.
    static func hash(_ b: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = seed ^ (UInt64(b.count) &* k)
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= b.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
                h ^= h >> 29
                i += 8
            }
            if i < b.count {
                var word: UInt64 = 0
                var shift: UInt64 = 0
                while i < b.count {
                    word |= UInt64(b[i]) << shift
                    shift += 8
                    i += 1
                }
                h = (h ^ word) &* k
                h ^= h >> 29
            }
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

/// A set of texts, each found by its bytes as `WordTable` finds a key: for sets asked
/// thousands of times of long texts (the open data's identifiers, a graph's nodes each
/// looked up as it is added: SipHash over an address of 80 bytes, issue 13).
public struct TextSet: Sendable {
    private var table = WordTable()

    public init() {}

    /// Adds `text`; whether it was not there.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool { table.insertIfAbsent(text, "") }

    public func contains(_ text: String) -> Bool { table.contains(text) }

    public var count: Int { table.count }
}
