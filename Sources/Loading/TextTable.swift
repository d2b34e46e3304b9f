#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A table keyed by texts that is read far more often than it is written: the interface
/// words every page looks up (`WordTable`), the identifiers of an open data graph
/// (`TextSet`), the texts a schema's pattern was tried on.
///
/// Open addressing of its own rather than a `Dictionary` with `String` keys: a `String` is
/// hashed with SipHash-1-3 (`Hasher`) and compared by canonical equivalence, some 480
/// instructions for a lookup of a key of 20 bytes (issue 13). Here a key is hashed by a short
/// multiply-and-shift hash of its UTF-8 bytes, eight at a time (`hash`), and found by
/// comparing the bytes, read where the caller's string keeps them: the key is not copied.
/// The hash is not keyed against collisions an attacker would choose: the keys are the
/// project's own or a tree's. A precomposed "é" and "e" + U+0301 are two keys, as they are
/// two names in a file. Entries are kept in the order they were first set. One class holds
/// the table, so a copy is one retain; a change copies it when it is shared.
public struct TextTable<Value> {
    private var storage: Storage

    final class Storage: @unchecked Sendable {
        /// The bytes of every key, one after another; the key of entry `i` ends at `keyEnds[i]`.
        var keyBytes: [UInt8] = []
        var keyEnds: [Int] = []
        var keys: [String] = []
        var values: [Value] = []
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
            let h = TextTable.hash(key)
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

        func append(_ key: String, _ value: Value) {
            let h = TextTable.hash(key, seed: 0)
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

    /// Room for `count` entries without growing.
    public mutating func reserve(_ count: Int) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.reserve(count)
    }

    /// The value of `key`, or nil. Setting nil removes the key.
    public subscript(key: String) -> Value? {
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

    /// Sets `value` for `key` when the key has none; whether it had none (one lookup).
    public mutating func insertIfAbsent(_ key: String, _ value: Value) -> Bool {
        guard index(of: key) == nil else { return false }
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.append(key, value)
        return true
    }

    public var count: Int { storage.values.count }
    public var isEmpty: Bool { storage.values.isEmpty }

    /// The keys, in the order they were set.
    public var keys: [String] { storage.keys }

    /// Whether `key` has a value.
    public func contains(_ key: String) -> Bool { index(of: key) != nil }

    /// The key and the value of entry `i` (`0..<count`, in the order they were set), and
    /// the key's hash.
    public func key(at i: Int) -> String { storage.keys[i] }
    public func value(at i: Int) -> Value { storage.values[i] }
    public func keyHash(at i: Int) -> UInt64 { storage.hashes[i] }

    /// Whether `other` is this same table (the same storage).
    public func isSameStorage(as other: TextTable) -> Bool { storage === other.storage }

    /// The entry of `key`, or nil; the key's bytes are read where the string keeps them.
    private func index(of key: String) -> Int? {
        if let found = key.utf8.withContiguousStorageIfAvailable({ storage.find($0) }) { return found }
        var key = key
        return key.withUTF8 { storage.find($0) }
    }

    /// The hash of `text`'s UTF-8 bytes (`hash(_:)` of the bytes, with `seed`).
    public static func hash(_ text: String, seed: UInt64) -> UInt64 {
        if let h = text.utf8.withContiguousStorageIfAvailable({ hash($0, seed: seed) }) { return h }
        var text = text
        return text.withUTF8 { hash($0, seed: seed) }
    }

    /// Each eight bytes (the last ones padded with zeros) mixed in by a multiplication,
    /// with the length and `seed` at the start, and the result finished by MurmurHash3's
    /// 64-bit finaliser (`fmix64`), so that the low bits, which pick a slot, depend on
    /// every byte.
    public static func hash(_ b: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
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

/// A table is shared between threads as its values are: its storage is changed only
/// through a table that holds it alone (copied first otherwise).
extension TextTable: @unchecked Sendable where Value: Sendable {}
