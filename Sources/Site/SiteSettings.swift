import Diagnostics
import Foundation
import Loading
import Model

/// Settings of the site kept as files under `templates/site/`, so that they change
/// without Swift.
public enum SiteSettings {
    /// The folder of the site's templates, styles, scripts and strings.
    public static let templateFolder = "templates/site"

    public static let rules = [
        RuleInfo("site-base-url", "templates/site/base-url.txt is not one absolute http or https address."),
        RuleInfo("site-root-file", "A file of templates/site/root/ stands where the site writes its own."),
    ]

    /// `templates/site/root/`: files copied as they are to the site's root, beside its
    /// pages, and served so by `oae serve`: `CNAME` (GitHub Pages' custom domain),
    /// `robots.txt`, `favicon.ico`, a search engine's verification file. Hidden files (a
    /// leading dot, `.nojekyll`) are not read, as nowhere in the tree.
    public static var rootFolder: String { TreeLayout.siteRootFolder }

    /// The files of `templates/site/root/` (paths from the tree's root, sorted) that the
    /// site cannot copy, each an error at the file: one that would stand where the site
    /// writes its own (`own`: `SiteBuild.ownRootNames`, compared without case, since a
    /// file system may not tell `Index.html` from `index.html`), so that the build never
    /// replaces a page with one, nor one with a page; and one that oae does not read (over
    /// `TextChecks.maxFileBytes`, unreadable), which the site would otherwise lack. And a
    /// warning for each hidden entry there (`.nojekyll`, `.well-known/`), which oae reads
    /// nowhere in the tree, so the site will not have it.
    public static func rootFileProblems(_ templates: [String], own: Set<String>, root: URL) -> [Diagnostic] {
        let prefix = rootFolder + "/"
        // A folder of the site's own is named with a `/` (`assets/`), a file as it is.
        func shown(_ name: String) -> String { name.contains(".") ? name : name + "/" }
        let refused = templates.filter { $0.hasPrefix(prefix) }.sorted().compactMap { path -> Diagnostic? in
            let relative = path.dropFirst(prefix.count)
            let first = String(relative.prefix { $0 != "/" })
            if let name = own.first(where: { $0.lowercased() == first.lowercased() }) {
                return .error("site-root-file", "\(path) would be copied to the site's \(relative), where the site writes its own \(shown(name))",
                              at: SourceSpan(file: path, line: 1, column: 1),
                              help: "rename or move it: \(own.sorted().map(shown).joined(separator: ", ")) are the site's")
            }
            switch FileTree.read(root: root, path: path) {
            case .success: return nil
            case let .failure(.tooLarge(size)): return TextChecks.tooLarge(file: path, size: size)
            case .failure: return .error("file-unreadable", "\(path) cannot be read, so the site would lack it", at: .wholeFile(path),
                                         help: "make it a regular file that oae can read, or remove it")
            }
        }
        return refused + hiddenEntries(root: root).map { path in
            .warning("site-root-file", "\(path) is hidden (its name begins with a dot), and oae reads no hidden file: the site will not have it",
                     at: .wholeFile(path),
                     help: "a site whose folders begin with no underscore needs no .nojekyll on GitHub Pages; a file under .well-known/ must be added where the site is published")
        }
    }

    /// The hidden entries (a leading dot) of `templates/site/root/` and its folders, by
    /// path from the tree's root, sorted: only their names are read. Not below a link.
    static func hiddenEntries(root: URL) -> [String] {
        var found: [String] = []
        // Each folder on the way a folder, not a link (whose entries are not the tree's).
        var prefix = ""
        for part in rootFolder.split(separator: "/") {
            prefix += (prefix.isEmpty ? "" : "/") + part
            var st = stat()
            guard lstat(root.appendingPathComponent(prefix).path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return [] }
        }
        var folders = [rootFolder]
        let fm = FileManager.default
        while let folder = folders.popLast() {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            guard let names = try? fm.contentsOfDirectory(atPath: url.path) else { continue }
            for name in names {
                let path = folder + "/" + name
                var st = stat()
                guard lstat(root.appendingPathComponent(path).path, &st) == 0 else { continue }
                if name.hasPrefix(".") {
                    found.append(path)
                } else if st.st_mode & S_IFMT == S_IFDIR {
                    folders.append(path)
                }
            }
        }
        return found.sorted()
    }

    /// The files of `templates/site/root/` the site copies, as `(path from the tree's root,
    /// path from the site's root)`, sorted; those that stand where the site writes its own
    /// (`rootFileProblems`) are left out.
    public static func rootFiles(root: URL, own: Set<String>) -> [(path: String, sitePath: String)] {
        let prefix = rootFolder + "/"
        let names = Set(own.map { $0.lowercased() })
        return FileTree.files(root: root, folders: [rootFolder]).compactMap { path in
            let relative = String(path.dropFirst(prefix.count))
            return names.contains(relative.prefix { $0 != "/" }.lowercased()) ? nil : (path, relative)
        }
    }

    /// `templates/site/base-url.txt`, relative to the root.
    public static var baseURLPath: String { "\(templateFolder)/base-url.txt" }

    /// What is wrong with `templates/site/base-url.txt`, when something is: its first line
    /// must be one absolute `https://` (or `http://`) address with a host and no space,
    /// query or fragment, since every page's links, the sitemap and the open data's
    /// identifiers are made from it (a space in it broke the 404 page's styles and every
    /// `<loc>`); an empty file gives the example address, which a published site must not
    /// carry. Nil when the file is absent (the example address, on purpose) or right.
    public static func baseURLProblem(root: URL) -> Diagnostic? {
        guard let text = FileTree.readText(root: root, path: baseURLPath) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.first.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 } ?? ""
        let line = first.trimmingCharacters(in: .whitespaces)
        let help = "write the public address of the site on the first line, like https://xarxa-oae.example.cat/ (a path is allowed: https://example.cat/oae/)"
        let whole = SourceSpan(file: baseURLPath, start: SourcePosition(line: 1, column: 1),
                               end: SourcePosition(line: 1, column: max(2, first.count + 1)))
        if line.isEmpty {
            return .warning("site-base-url", "the site's address is empty, so the example address https://xarxa-oae.example.cat/ is used in the sitemap and the open data's identifiers",
                            at: whole, help: help)
        }
        let leading = first.prefix { $0 == " " || $0 == "\t" }.count
        if let bad = line.firstIndex(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 } }) {
            let column = leading + line.distance(from: line.startIndex, to: bad) + 1
            return .error("site-base-url", "the site's address '\(line)' holds a space", at: SourceSpan(file: baseURLPath, line: 1, column: column),
                          help: help)
        }
        guard let url = URL(string: line), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil, url.user == nil else {
            return .error("site-base-url", "the site's address '\(line)' is not an absolute http or https address with a host", at: whole, help: help)
        }
        for (i, rest) in lines.enumerated().dropFirst() where !rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .error("site-base-url", "base-url.txt holds one address; line \(i + 1) is another",
                          at: SourceSpan(file: baseURLPath, line: i + 1, column: 1), help: "keep the address on the first line alone")
        }
        return nil
    }

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
        guard let slash = rest.firstIndex(ofASCII: "/") else { return "/" }
        let path = String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
        return path.hasSuffix("/") ? path : path + "/"
    }
}

/// The files of `templates/site/assets/` the pages link by name. `oae check` reports one
/// that is missing (`template-missing`): a stylesheet renamed left every page unstyled,
/// and nothing said so (session 43's trial).
public enum SiteAsset {
    /// Every page's stylesheet (`layout.mustache`).
    public static let stylesheet = "assets/site.css"
    /// Every page's icon.
    public static let favicon = "assets/favicon.svg"
    /// The assessment report's print styles.
    public static let reportPrint = "assets/report-print.css"
    /// The service charter's styles.
    public static let charter = "assets/charter.css"
    /// The search page's script.
    public static let search = "assets/search.js"
    /// The page-not-found script (it suggests the page in another language).
    public static let notFound = "assets/not-found.js"
    public static let all = [stylesheet, favicon, reportPrint, charter, search, notFound]

    /// `template-missing` for each linked asset the tree's templates do not hold, when
    /// `templates/site/` is there (its absence is the folder's one error); not for a file,
    /// or a file of a folder, the walk refused (a link, an unreadable file), reported there already.
    public static func missing(_ tree: LoadedTree) -> [Diagnostic] {
        let folder = SiteSettings.templateFolder
        guard tree.templates.contains(where: { $0.hasPrefix(folder + "/") }) else { return [] }
        let present = Set(tree.templates)
        // The file, or a folder on its way (`assets` a symbolic link), refused by the walk.
        let refused = tree.diagnostics.map(\.span.file)
        let isRefused = { (path: String) in refused.contains { $0 == path || path.hasPrefix($0 + "/") } }
        return all.map { "\(folder)/\($0)" }.filter { !present.contains($0) && !isRefused($0) }.map { path in
            .error("template-missing", "\(path) is missing: the site's pages link it by this name",
                   at: .wholeFile(path),
                   help: "restore \(path) (the pages link it by this name; to change the look, edit it rather than rename it)")
        }
    }
}
