import Foundation
import Loading

/// The mark `oae new municipality` puts at the start of each text it makes up for the
/// writer to replace, so that `oae check` finds those left in an office that serves the
/// public (rule `placeholder-text`).
public enum Placeholder {
    public static let marker = "[to complete]"

    /// Whether a text still holds a scaffold's placeholder (by bytes: the rule reads every
    /// string of the tree).
    public static func isIn(_ text: String) -> Bool { text.utf8Contains(marker) }

    /// Whether a file's bytes may give a string that holds the marker: they hold its last
    /// word `complete]` (folding joins lines only at spaces, so a folded or multi-line
    /// scalar keeps that word whole), or a backslash (a double-quoted YAML string may
    /// write it with escapes). NFC, which the loader applies to every string, makes none
    /// of the marker's ASCII characters from other characters. False lets
    /// `placeholder-text` skip the file's nodes.
    public static func mayBeIn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            if memchr(base, Int32(UInt8(ascii: "\\")), buffer.count) != nil { return true }
            // Each ']' (memchr), and the eight bytes before it.
            let word = Array("complete]".utf8)
            var from = 0
            while from < buffer.count, let hit = memchr(base + from, Int32(UInt8(ascii: "]")), buffer.count - from) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                if end >= word.count, buffer[(end - word.count)..<end].elementsEqual(word) { return true }
                from = end
            }
            return false
        }
    }
}
