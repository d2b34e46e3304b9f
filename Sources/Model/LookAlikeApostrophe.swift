import Foundation

/// The characters written for an apostrophe that are not one (`text-apostrophe`): an acute
/// accent (U+00B4, C2 B4), a backtick (U+0060), an opening quotation mark (U+2018, E2 80 98)
/// and a prime (U+2032, E2 80 B2).
public enum LookAlikeApostrophe {
    /// False when `bytes` hold none of them: the rule then skips the file. Each of the
    /// last bytes is looked for with `memchr` (most files hold none of 60, B4 and 98, and
    /// the B2 of 'ò' is told from a prime's by the bytes before it): the same test, byte by
    /// byte in the rule, was a sixth of `oae check`'s instructions.
    public static func mayBeIn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            if memchr(base, 0x60, buffer.count) != nil { return true }
            for (last, before) in [(UInt8(0xB4), [UInt8(0xC2)]), (0x98, [0xE2, 0x80]), (0xB2, [0xE2, 0x80])] {
                var from = 0
                while from < buffer.count, let hit = memchr(base + from, Int32(last), buffer.count - from) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if at >= before.count, buffer[(at - before.count)..<at].elementsEqual(before) { return true }
                    from = at + 1
                }
            }
            return false
        }
    }
}
