import Crypto

/// SHA-256 (FIPS 180-4), for cache keys: a handbook is rendered again only when the hash of
/// its inputs changes. The hashing is swift-crypto's (`SHA256`, BoringSSL's code on Linux).
public struct ContentHash: Sendable {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) { return done }
        update(Array(bytes))
    }

    /// Hashes a run of bytes without copying them.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// Hashes a text and a separator after it, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        update(CollectionOfOne(0))
    }

    /// The digest of what was hashed so far, as 64 lowercase hexadecimal digits.
    public func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in hasher.finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The digest of a text's UTF-8 bytes (no separator).
    public static func hex(_ string: String) -> String {
        var h = ContentHash()
        h.update(string.utf8)
        return h.hexDigest()
    }
}
