import Diagnostics
import Foundation
import Loading
import Model
import Publishing
import Rendering

/// What can stop the site from being built.
public enum SiteError: Error, CustomStringConvertible {
    case templates([Diagnostic])
    case missingHandbook(String)
    /// A file of `templates/site/root/` that could not be read when it was copied.
    case unreadableRootFile(String, FileTree.FileProblem)

    public var description: String {
        switch self {
        case let .templates(problems):
            return "the site's templates have problems:\n" + problems.map { "  \($0.span): \($0.message)" }.joined(separator: "\n")
        case let .missingHandbook(path):
            return "the handbook list names \(path), which does not exist; build the handbooks again"
        case let .unreadableRootFile(path, problem):
            return "\(path) could not be copied to the site (\(problem)); `oae check` says why"
        }
    }
}

/// Writes the reviewers' site into a folder: every page in every language (rendered in
/// parallel), the root page that leads to the default language, the 404 page,
/// `sitemap.xml`, the styles and scripts, the open data and the handbooks.
public struct SiteBuild: Sendable {
    /// The templates the site needs in `templates/site/`.
    public static let templateNames = [
        "layout", "text", "chart", "home", "office", "service", "procedure", "model-index", "role",
        "training-module", "indicator", "communication", "comparison", "progress",
        "downloads", "search", "not-found", "root-index", "data", "offices",
        "not-found-anywhere",
        "agreements", "agreement", "proposals", "changelog", "charter", "assessment", "expansion",
        "budgets",
    ] + Pages.complianceTemplates
    /// The view model of each template (partials too), for `oae check`'s
    /// `template-unknown-variable`: a tag that names nothing of its template's view model.
    /// A partial is also checked where it is included, with the context of its tag.
    /// Read from `recordedViewShapes` (`RecordedViewShapes.swift`), which the tests keep
    /// equal to `viewModelShapes()`.
    public static let views: [String: ViewShape] = ViewShape.table(recordedViewShapes)

    /// The shape of the view model of each template, recorded from the types.
    public static func viewModelShapes() -> [String: ViewShape] { [
        "layout": ViewShape.of(PageView<LayoutView>.self),
        "text": ViewShape.of(PageView<TextView>.self),
        "chart": ViewShape.of(PageView<ChartView>.self),
        "home": ViewShape.of(PageView<HomeView>.self),
        "office": ViewShape.of(PageView<OfficeView>.self),
        "service": ViewShape.of(PageView<ServiceView>.self),
        "procedure": ViewShape.of(PageView<ProcedureView>.self),
        "model-index": ViewShape.of(PageView<ModelIndexView>.self),
        "role": ViewShape.of(PageView<RoleView>.self),
        "training-module": ViewShape.of(PageView<TrainingView>.self),
        "indicator": ViewShape.of(PageView<IndicatorView>.self),
        "communication": ViewShape.of(PageView<CommunicationView>.self),
        "comparison": ViewShape.of(PageView<ComparisonView>.self),
        "progress": ViewShape.of(PageView<ProgressView>.self),
        "downloads": ViewShape.of(PageView<DownloadsView>.self),
        "search": ViewShape.of(PageView<EmptyView>.self),
        "not-found": ViewShape.of(PageView<NotFoundView>.self),
        "root-index": ViewShape.of(RootIndexView.self),
        "data": ViewShape.of(PageView<DataPageView>.self),
        "offices": ViewShape.of(PageView<OfficesView>.self),
        "not-found-anywhere": ViewShape.of(PageView<NotFoundAnywhereView>.self),
        "agreements": ViewShape.of(PageView<AgreementsView>.self),
        "agreement": ViewShape.of(PageView<AgreementView>.self),
        "proposals": ViewShape.of(PageView<ProposalsView>.self),
        "changelog": ViewShape.of(PageView<ChangelogView>.self),
        "charter": ViewShape.of(PageView<CharterView>.self),
        "assessment": ViewShape.of(PageView<AssessmentView>.self),
        "expansion": ViewShape.of(PageView<ExpansionView>.self),
        "budgets": ViewShape.of(PageView<BudgetsView>.self),
    ].merging(Pages.complianceTemplates.map { ($0, ViewShape.of(PageView<ComplianceView>.self)) }) { a, _ in a } }

    /// The names the site writes at its root: a folder per language, the root's page and
    /// its 404 page, the sitemap, the styles and scripts (`assets/`), the open data
    /// (`data/`), the handbooks (`downloads/`) and the search index (`pagefind/`). A file of
    /// `templates/site/root/` may stand at none of them, nor inside one
    /// (`SiteSettings.rootFileProblems`).
    public static func ownRootNames(languages: [String]) -> Set<String> {
        Set(languages).union(["index.html", "404.html", "sitemap.xml", "assets", "data", "downloads", "pagefind"])
    }

    /// The assets copied from `templates/site/assets/`, by extension.
    static let assetExtensions: Set<String> = ["css", "js", "svg", "png", "woff2"]

    let site: SiteContext

    /// Loads the templates; the problems found stop the build.
    public init(input: BuildInput, options: SiteOptions) throws {
        let (templates, problems) = Templates.load(root: input.root, folder: SiteSettings.templateFolder)
        let missing = templates.require(SiteBuild.templateNames, folder: SiteSettings.templateFolder)
        if !(problems + missing).isEmpty { throw SiteError.templates(problems + missing) }
        site = SiteContext(input: input, templates: templates, options: options)
    }

    /// Renders a route's page; shared by the closures of `pageJobs`.
    final class PageRenderer: Sendable {
        let pages: Pages
        let layout: Layout

        init(pages: Pages, layout: Layout) {
            self.pages = pages
            self.layout = layout
        }

        func render(_ route: SiteRoute, _ language: SiteLanguage) -> [UInt8] {
            layout.render(pages.content(route, language), route: route, language: language)
        }
    }

    /// The routes by their path under a language folder (`page(at:)`), made when first asked.
    private let routesByPath = Once<[String: SiteRoute]>()

    /// A page to render: where it is written, and how it is rendered (its UTF-8 bytes,
    /// written as they are: a page is never decoded into a `String` and validated again).
    struct PageJob: Sendable {
        var path: String
        /// Whether the page is made from every municipality (`SiteRoute.gathersNetwork`).
        var gathers = false
        /// Whether the page shows the open data's files (`SiteRoute.showsDataFiles`).
        var showsData = false
        var render: @Sendable () -> [UInt8]
    }

    /// Every page of the site, not yet rendered, in a stable order.
    func pageJobs() -> [PageJob] {
        let pages = Pages(site: site)
        let layout = Layout(site: site)
        // The routes once for every language, and one shared box for every page's closure
        // (capturing `pages` and `layout` copied two `SiteContext`s into each of the 17,000
        // closures that `oae serve` makes on every save at 947 municipalities).
        let routes = pages.routes()
        let renderer = PageRenderer(pages: pages, layout: layout)
        var jobs: [PageJob] = []
        jobs.reserveCapacity(routes.count * site.languages.count + 2)
        for language in site.languages {
            for route in routes {
                jobs.append(PageJob(path: route.path(language.code), gathers: route.gathersNetwork,
                                    showsData: route.showsDataFiles) { renderer.render(route, language) })
            }
        }
        if let language = site.languages.first(where: { $0.code == site.input.defaultLanguage }) ?? site.languages.first {
            let base = SiteSettings.basePath(of: site.options.baseURL)
            jobs.append(PageJob(path: "404.html") {
                layout.render(pages.notFoundAnywhere(language, base: base), route: .notFound,
                              language: language, path: "404.html", rootBase: base)
            })
            jobs.append(PageJob(path: "index.html") { [self] in Array(rootIndex(language).utf8) })
        }
        return jobs
    }

    /// The page at `path` (from the site root: `ca/offices/x.html`), rendered now; nil when
    /// the site has no page there. The preview renders the one page a browser asks for
    /// after each save: this finds it among the routes by their paths under a language
    /// (made once per build, when first asked) instead of making every page's path in
    /// every language and a closure for each (17,000 at 947 municipalities, 12% of a save).
    public func page(at path: String) -> String? {
        pageUTF8(at: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The page at `path` as UTF-8 bytes (`page(at:)`), as the preview serves it.
    public func pageUTF8(at path: String) -> [UInt8]? {
        let pages = Pages(site: site)
        let layout = Layout(site: site)
        if path == "404.html" || path == "index.html" {
            // As `pageJobs`: the root's pages.
            guard let language = site.languages.first(where: { $0.code == site.input.defaultLanguage }) ?? site.languages.first
            else { return nil }
            if path == "index.html" { return Array(rootIndex(language).utf8) }
            let base = SiteSettings.basePath(of: site.options.baseURL)
            return layout.render(pages.notFoundAnywhere(language, base: base), route: .notFound,
                                 language: language, path: "404.html", rootBase: base)
        }
        guard let slash = path.firstIndex(ofASCII: "/"),
              let language = site.languages.first(where: { $0.code == path[..<slash] }),
              let route = routesByPath.value({ Dictionary(pages.routes().map { ($0.pathInLanguage, $0) }, uniquingKeysWith: { a, _ in a }) })[
                String(path[path.index(after: slash)...])]
        else { return nil }
        return layout.render(pages.content(route, language), route: route, language: language)
    }

    /// Every page as `(path from the site root, HTML)`, in a stable order.
    public func pages() -> [(path: String, html: String)] {
        parallelMap(pageJobs()) { ($0.path, String(decoding: $0.render(), as: UTF8.self)) }
    }

    /// The page at the root: it sends visitors to the default language, and lists the
    /// languages for those whose browser does not follow the refresh.
    func rootIndex(_ language: SiteLanguage) -> String {
        site.templates.render("root-index", RootIndexView(
            lang: language.code,
            csp: ContentSecurityPolicy.header(webAssembly: false),
            site_title: site.siteTitle(language),
            default_href: SiteRoute.home.path(language.code),
            languages: site.languages.map { other in
                .init(code: other.code, href: SiteRoute.home.path(other.code), enter: other["enter_in_language"])
            }))
    }

    /// How many pages the site has (every language, the 404 and root pages included).
    public var pageCount: Int { Pages(site: site).routes().count * site.languages.count + 2 }

    /// `sitemap.xml`.
    public func sitemap() -> String {
        Sitemap.xml(routes: Pages(site: site).routes(), languages: site.languages.map(\.code),
                    baseURL: site.options.baseURL, lastModified: site.input.sourceDay.description)
    }

    /// Writes the whole site into `folder` (which should be empty). Handbook files are
    /// linked from `handbooksFolder`.
    public func write(to folder: URL, handbooksFolder: URL) throws {
        // Rendered and written in parallel, each page dropped once written; each page's
        // path joined to the folder's as text (`writeFile(path:_:)`).
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        // The sitemap and the pages that gather the whole network first: the cores take the
        // jobs in order, and a long page taken last kept one core alone at the end (issue 13).
        // The pages that show the open data's files last: they wait for it to be written.
        let pages = pageJobs()
        let jobs = [PageJob(path: "sitemap.xml", gathers: true) { [self] in Array(sitemap().utf8) }]
            + pages.filter { $0.gathers && !$0.showsData } + pages.filter { !$0.gathers && !$0.showsData }
            + pages.filter(\.showsData)
        let failures = parallelMap(jobs) { job -> (any Error)? in
            do { try writeFile(path: base + job.path, job.render()) } catch { return error }
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        try copyAssets(to: folder.appendingPathComponent("assets"))
        try copyRootFiles(to: folder)
        // The handbooks of the tree's municipalities and languages: not those a build left
        // of a municipality removed since (the trial of session 30: `oae build site` published
        // them, linked from no page).
        let slugs = Set(site.input.resolved.map(\.slug)), languages = Set(site.input.languages)
        for entry in site.options.handbooks?.entries ?? [] where slugs.contains(entry.municipality) && languages.contains(entry.language) {
            for path in [entry.html] + (entry.pdf.map { [$0] } ?? []) {
                try publish(handbooksFolder.appendingPathComponent(path),
                            to: folder.appendingPathComponent(HandbookManifest.sitePath(path)), name: path)
            }
        }
    }

    func copyAssets(to folder: URL) throws {
        let root = site.input.root
        let paths = FileTree.files(root: root, folders: ["\(SiteSettings.templateFolder)/assets"])
        for path in paths {
            let ext = path.split(ascii: ".").last.map(String.init) ?? ""
            guard SiteBuild.assetExtensions.contains(ext) else { continue }
            let relative = String(path.dropFirst("\(SiteSettings.templateFolder)/assets/".count))
            guard case let .success(bytes) = FileTree.read(root: root, path: path) else { continue }
            try writeFile(folder.appendingPathComponent(relative), Data(bytes))
        }
    }

    /// Copies the files of `templates/site/root/` to the site's root, as they are (the
    /// check refuses one it cannot read: `SiteSettings.rootFileProblems`).
    func copyRootFiles(to folder: URL) throws {
        let root = site.input.root
        for file in SiteSettings.rootFiles(root: root, own: SiteBuild.ownRootNames(languages: site.input.languages)) {
            switch FileTree.read(root: root, path: file.path) {
            case let .success(bytes): try writeFile(folder.appendingPathComponent(file.sitePath), Data(bytes))
            case let .failure(problem): throw SiteError.unreadableRootFile(file.path, problem)
            }
        }
    }

    /// Puts a handbook file into the site: a hard link when the file system allows it
    /// (no copy of large PDFs), else a copy.
    func publish(_ source: URL, to target: URL, name: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: source.path) else { throw SiteError.missingHandbook(name) }
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try fm.linkItem(at: source, to: target)
        } catch {
            try fm.copyItem(at: source, to: target)
        }
    }
}

/// The view model of `root-index.mustache`: the page at the site's root.
struct RootIndexView: ViewModel {
    /// The home page of one language.
    struct Language: ViewModel { var code: String; var href: String; var enter: String }

    var lang: String
    var csp: String
    var site_title: String
    var default_href: String
    var languages: [Language]
}
