import Diagnostics
import Foundation
import Model

/// Characters the handbook PDF's fonts cannot show, found in the sources. PDF/UA-1 (ISO
/// 14289-1, 7.21.7) needs every character of the text in an embedded font, so Typst stops
/// where the template's fonts (Liberation Sans, DejaVu Sans: see `handbook.mustache` and
/// `scripts/setup.sh`) have no glyph for one. Typst names the character and its own
/// generated source; the writer needs the file, line and column they wrote it at.
public struct UnshowableText: Sendable, Equatable {
    /// The character, as Typst named it.
    public var text: String
    /// Where it is in the tree: `path:line:column` (columns in Unicode scalars, from 1), the
    /// first few in path order.
    public var places: [String]
    /// How many places hold it in all.
    public var count: Int

    public init(text: String, places: [String], count: Int) {
        self.text = text
        self.places = places
        self.count = count
    }

    /// The characters Typst's failure messages say no font could show, in order, once each.
    /// Typst's words: "the text `"欢"` could not be displayed with font `"Liberation Sans"`".
    public static func characters(inFailures messages: [String]) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "the text `\"(.+?)\"` could not be displayed")
        var found: [String] = []
        for message in messages {
            let range = NSRange(message.startIndex..., in: message)
            for match in pattern.matches(in: message, range: range) {
                if let r = Range(match.range(at: 1), in: message), !found.contains(String(message[r])) {
                    found.append(String(message[r]))
                }
            }
        }
        return found
    }

    /// Where each of `characters` is written in the documents of `tree` (read again from
    /// the tree's root: only on a failed build), at most `limit` places each.
    public static func locate(_ characters: [String], in tree: LoadedTree, limit: Int = 5) -> [UnshowableText] {
        var out = characters.map { UnshowableText(text: $0, places: [], count: 0) }
        for path in tree.documents.map(\.path).sorted() {
            guard let data = FileManager.default.contents(atPath: tree.root.appendingPathComponent(path).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            var line = 1, column = 1
            for character in text {
                if character == "\n" || character == "\r\n" { line += 1; column = 1; continue }
                for i in out.indices where out[i].text == String(character) {
                    out[i].count += 1
                    if out[i].places.count < limit { out[i].places.append("\(path):\(line):\(column)") }
                }
                // Columns count Unicode scalars, as every report of oae does: by characters,
                // a letter after '✈️' (two scalars) was placed a column before where
                // `oae check` placed it (session 44's trial).
                column += character.unicodeScalars.count
            }
        }
        return out
    }

    /// The lines of the build's error: each character with its code point and places.
    public var lines: [String] {
        let code = text.unicodeScalars.map(VisibleText.codePoint).joined(separator: " ")
        let more = count > places.count ? " (and \(count - places.count) more)" : ""
        guard !places.isEmpty else { return ["'\(text)' (\(code)): not found in the tree's documents (a template?)"] }
        return places.enumerated().map { i, place in
            "\(place): '\(text)' (\(code))" + (i == places.count - 1 ? more : "")
        }
    }
}
