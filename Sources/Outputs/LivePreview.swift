import Foundation
import Handbook
import Loading
import Model
import OpenData
import Publishing
import Rendering
import Resolution
import Site

/// The pages of `oae serve`, rendered when a browser asks for them (issue 13): after a
/// save, the preview checks the tree again and makes a new `LivePreview`, which costs
/// the templates and the site's shared views, not a page. A page, a handbook's HTML or
/// an open data file is rendered from it on request, so a save shows in the browser
/// after the check and the one page it asks for.
///
/// What needs every file to have been written stays on disk, from the last full
/// preview build: the handbook list with the sizes of the files, the sizes of the open
/// data on the data page, and the spreadsheet and the DCAT-AP catalogue of the open data.
public struct LivePreview: Sendable {
    /// The site, whose pages are rendered by path from the site root (`ca/index.html`) when asked.
    let site: SiteBuild
    let handbooks: HandbookRenderer
    let municipalities: [String: ResolvedMunicipality]
    let languages: Set<String>
    /// The open data files made from the tree, by path under `data/`: listed when the
    /// first one is asked for (listing them builds every table: at 947 municipalities
    /// a tenth of a second of every save, for pages that rarely ask).
    let data: DataFiles
    let root: URL

    /// What the pages show of the last full preview build (`output/.preview/`): its
    /// handbook list and the sizes of its open data files. Read once after that build,
    /// not on every save (at 947 municipalities 5% of a save).
    public struct Written: Sendable {
        let manifest: HandbookManifest?
        let dataFiles: [SiteFile]

        /// Reads them from `folder`, the last full preview build.
        public init(folder: URL) {
            manifest = try? HandbookManifest.read(folder: folder.appendingPathComponent(HandbookBuild.folderName, isDirectory: true))
            dataFiles = SiteStep.files(in: folder.appendingPathComponent(OpenDataStep.folderName, isDirectory: true))
        }
    }

    /// A preview of `input`, whose pages show `written` (the last full preview build).
    /// Throws `SiteError` when the site's templates have problems, and a description when
    /// the handbook's have.
    public init(input: BuildInput, written: Written) throws {
        let (renderer, problems) = HandbookRenderer.load(input)
        if !problems.isEmpty { throw HandbookBuildError.templates(problems) }
        handbooks = renderer
        var byslug: [String: ResolvedMunicipality] = [:]
        for r in input.resolved { byslug[r.slug] = r }
        municipalities = byslug
        languages = Set(input.languages)
        let list = written.manifest.map { LivePreview.handbookList($0, input: input, renderer: renderer, have: byslug) }
        let options = SiteStep.options(input, search: false, handbooks: list, dataFiles: { written.dataFiles })
        site = try SiteBuild(input: input, options: options)
        data = DataFiles(input: input)
        root = input.root
    }

    /// The bytes of the file at `path` (relative to the site's root, no leading `/`),
    /// rendered now; nil for a path this preview does not make (the server then looks in
    /// the last full build).
    public func file(_ path: String) -> Data? {
        if let page = site.pageUTF8(at: path) { return Data(page) }
        let parts = path.split(ascii: "/").map(String.init)
        // downloads/handbooks/<municipality>/<language>/handbook.html
        if parts.count == 5, parts[0] == "downloads", parts[1] == "handbooks", parts[4] == "handbook.html",
           let view = municipalities[parts[2]], languages.contains(parts[3]) {
            return Data(handbooks.render(view, language: parts[3]).utf8)
        }
        if parts.count == 2, parts[0] == OpenDataStep.folderName, let make = data.files[parts[1]] { return make() }
        // The stylesheet and scripts, from the tree as they are now.
        if parts.count >= 2, parts[0] == "assets", !parts.contains(".."), !parts.contains(".") {
            let relative = "\(SiteSettings.templateFolder)/assets/" + parts.dropFirst().joined(separator: "/")
            if case let .success(bytes) = FileTree.read(root: root, path: relative) { return Data(bytes) }
        }
        // A file of templates/site/root/ (CNAME, robots.txt), as the build copies it.
        if !parts.isEmpty, !parts.contains(".."), !parts.contains("."), !parts.contains(where: { $0.hasPrefix(".") }),
           !SiteBuild.ownRootNames(languages: Array(languages)).contains(parts[0]),
           case let .success(bytes) = FileTree.read(root: root, path: SiteSettings.rootFolder + "/" + parts.joined(separator: "/")) {
            return Data(bytes)
        }
        return nil
    }
}

extension LivePreview {
    /// The handbook list the pages show: the last full build's, without the municipalities
    /// and languages the tree no longer has, and with those added since, so that a new
    /// office's page and the downloads page link its handbook, which the preview renders on
    /// request. A handbook added since is rendered here for its size, on each save until the
    /// preview's next full build (a few per session); the others' sizes stay as the full
    /// build wrote them.
    static func handbookList(_ written: HandbookManifest, input: BuildInput, renderer: HandbookRenderer,
                             have municipalities: [String: ResolvedMunicipality]) -> HandbookManifest {
        let languages = Set(input.languages)
        var entries = written.entries.filter { municipalities[$0.municipality] != nil && languages.contains($0.language) }
        let listed = Set(entries.map { $0.municipality + "/" + $0.language })
        for view in input.resolved {
            for language in input.languages where !listed.contains(view.slug + "/" + language) {
                entries.append(.init(municipality: view.slug, name: HandbookBuild.officeName(input, view.slug, language),
                                     language: language, htmlBytes: renderer.render(view, language: language).utf8.count,
                                     pdfBytes: nil))
            }
        }
        return HandbookManifest(entries: entries)
    }

    /// Whether `path`, for which `file` made nothing, names a file of a kind this preview
    /// makes that the tree no longer has: a page under a language's folder that is not a
    /// page of the site now (a removed municipality's office), or a removed municipality's
    /// handbook. The server then answers 404 instead of the copy the last full build left
    /// on disk.
    public func isGone(_ path: String) -> Bool {
        let parts = path.split(ascii: "/").map(String.init)
        if parts.count >= 2, languages.contains(parts[0]), path.hasSuffix(".html") { return true }
        if parts.count >= 4, parts[0] == "downloads", parts[1] == "handbooks", municipalities[parts[2]] == nil { return true }
        // Any other path is a file of templates/site/root/ (`file` serves those the tree has).
        if let first = parts.first, !SiteBuild.ownRootNames(languages: Array(languages)).contains(first) { return true }
        return false
    }
}

/// The open data files of a `LivePreview`, listed once, on first use.
final class DataFiles: @unchecked Sendable {
    private let input: BuildInput
    private let lock = NSLock()
    private var listed: [String: @Sendable () -> Data]?

    init(input: BuildInput) { self.input = input }

    /// The files by path under `data/`, each made when called.
    var files: [String: @Sendable () -> Data] {
        lock.withLock {
            if let listed { return listed }
            var data: [String: @Sendable () -> Data] = [:]
            for file in OpenDataStep.export(input).fileList(keepingParts: false) { data[file.path] = file.make }
            listed = data
            return data
        }
    }
}
