/// Maps a request target to a file under the served folder, refusing anything that
/// could leave it: `..` segments (raw or percent-encoded), backslashes, NUL bytes.
public enum SafePath {
    public enum Outcome: Equatable, Sendable {
        /// A path relative to the served folder (no leading slash; "" is the folder).
        case file(String)
        case refused
    }

    public static func resolve(_ target: String) -> Outcome {
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = percentDecode(pathPart) else { return .refused }
        if decoded.contains("\0") || decoded.contains("\\") { return .refused }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." || segment == "." { return .refused }
            segments.append(String(segment))
        }
        return .file(segments.joined(separator: "/"))
    }

    /// Decodes `%XX` escapes; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecode(_ s: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let b = utf8.first {
            if b == UInt8(ascii: "%") {
                guard utf8.count >= 3,
                      let v = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(b)
                utf8 = utf8.dropFirst()
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The content type of a file by its extension.
    public static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "jsonld": return "application/ld+json"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        // A site's root files (`templates/site/root/`): an icon, a web app's manifest, images.
        case "ico": return "image/vnd.microsoft.icon"
        case "webmanifest": return "application/manifest+json"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "woff2": return "font/woff2"
        case "pdf": return "application/pdf"
        case "wasm": return "application/wasm"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
