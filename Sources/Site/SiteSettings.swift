import Foundation
import Loading

/// Settings of the site kept as files under `templates/site/`, so that they change
/// without Swift.
public enum SiteSettings {
    /// The folder of the site's templates, styles, scripts and strings.
    public static let templateFolder = "templates/site"

    /// The public address of the site (for `sitemap.xml` and the identifiers of the
    /// open data), from `templates/site/base-url.txt`; it always ends with `/`.
    public static func baseURL(root: URL) -> String {
        let text = FileTree.readText(root: root, path: "\(templateFolder)/base-url.txt") ?? ""
        let line = text.split(whereSeparator: \.isNewline).first.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? ""
        let url = line.isEmpty ? "https://xarxa-oae.example.cat/" : line
        return url.hasSuffix("/") ? url : url + "/"
    }
}
