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

    /// The path of the site on its server (`/`, `/oae/`): the path of the public address,
    /// which root-relative links start with (the 404 page, sent for any missing address).
    public static func basePath(of baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
        return path.hasSuffix("/") ? path : path + "/"
    }
}
