import Diagnostics
import Foundation
import Handbook
import Model
import OpenData
import Presentation
import Publishing
import Rendering
import Site
import Tools

/// `output/site/`: the reviewers' site in every language, with the handbooks and the
/// open data of the same build linked in, and the search index.
public struct SiteStep: OutputStep {
    public let name = "site"
    public let summary = "the reviewers' site, every language, with search"
    public let templateFolder: String? = SiteSettings.templateFolder

    public init() {}

    /// Parses the site's templates, and records the view models' shapes.
    public func prepareCheck(root: URL) {
        TemplateStepCheck.prepare(root: root, folder: SiteSettings.templateFolder)
        _ = SiteBuild.views
    }

    /// The site's templates parse, are all there, and name only what their view models
    /// (`SiteBuild.views`) and the interface strings (`templates/strings/`) have.
    public func check(_ network: Network) -> [Diagnostic] {
        let strings = Strings(network: network, language: network.settings.defaultLanguage)
        return TemplateStepCheck.check(network.tree, folder: SiteSettings.templateFolder, required: SiteBuild.templateNames,
                                       views: SiteBuild.views, uiKeys: strings.keys, uiPlaceholders: strings.placeholders)
            + SiteAsset.missing(network.tree)
            + SiteBuild.untranslatedCompliancePages(network.tree.templates, languages: network.settings.languages,
                                                    defaultLanguage: network.settings.defaultLanguage)
            + [SiteSettings.baseURLProblem(root: network.tree.root)].compactMap { $0 }
            + SiteSettings.rootFileProblems(network.tree.templates, own: SiteBuild.ownRootNames(languages: network.settings.languages),
                                           root: network.tree.root)
    }

    /// One unit, the whole site: it reads every input and what the handbook and data
    /// steps wrote (their keys), and its bytes depend on oae's version, the tree's
    /// revision and date, the search indexer and `--as-of` (`BuildCache.asOf`, in every key).
    public func plan(_ input: BuildInput, settings: BuildSettings, cache: BuildCache) -> [PlannedUnit] {
        let pagefind = settings.skipSearch ? "no search" : Pagefind.locate(root: input.root, environment: settings.environment)?.path ?? "no Pagefind"
        let key = cache.key(reads: [InputDigest.all], [
            "site", input.toolVersion, input.sourceRevision, String(input.sourceEpoch), String(input.sourceModified), pagefind,
        ] + cache.keys(step: HandbookBuild.folderName) + cache.keys(step: OpenDataStep.folderName))
        return [PlannedUnit(name: name, unit: .init(key: key, reads: [InputDigest.all]), files: ["\(name)/index.html"])]
    }

    /// The notes on the handbooks the kept site links (`HandbookStep.linkedNotes`), from
    /// the output's handbook list, and the note that it has no search when Pagefind is not
    /// there (its key holds Pagefind's path: a kept site was built without it too).
    public func keptNotes(_ input: BuildInput, out: URL, cache: BuildCache, settings: BuildSettings) -> [String] {
        let manifest = try? HandbookManifest.read(folder: out.appendingPathComponent(HandbookBuild.folderName, isDirectory: true))
        var notes = HandbookStep.linkedNotes(manifest ?? nil, input, cache: cache)
        if !settings.skipSearch, Pagefind.locate(root: input.root, environment: settings.environment) == nil {
            notes.append(Pagefind.absenceNote(environment: settings.environment))
        }
        return notes
    }

    /// The open data: the pages start while it is written; those that show its files'
    /// sizes (`SiteRoute.showsDataFiles`, rendered last) and its link into the site wait
    /// for it.
    public var runsBeside: Set<String> { [OpenDataStep.folderName] }

    public func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
        let folder = try tree.folder(name)
        if let kept = try OutputSteps.keep(self, input, tree: tree, settings: settings) { return kept }
        let handbooks = tree.staging.appendingPathComponent(HandbookBuild.folderName, isDirectory: true)
        let manifest: HandbookManifest?
        do { manifest = try HandbookManifest.read(folder: handbooks) } catch {
            throw OutputError.step(name: name, message: "\(error)")
        }
        var lines: [String] = []
        if let cache = tree.cache { lines += HandbookStep.linkedNotes(manifest, input, cache: cache) }
        let pagefind = settings.skipSearch ? nil : Pagefind.locate(root: input.root, environment: settings.environment)
        if pagefind == nil, !settings.skipSearch {
            lines.append(Pagefind.absenceNote(environment: settings.environment))
        }
        let data = tree.staging.appendingPathComponent(OpenDataStep.folderName, isDirectory: true)
        // Once the open data is written; none when it failed (the build then fails with its error).
        let options = SiteStep.options(input, search: pagefind != nil, handbooks: manifest, dataFiles: {
            (try? tree.written(OpenDataStep.folderName)).map { SiteStep.files(in: data) } ?? []
        })
        let site: SiteBuild
        do { site = try SiteBuild(input: input, options: options) } catch {
            throw OutputError.step(name: name, message: "\(error)")
        }
        if settings.keepUntilExit { KeptUntilExit.keep(site) }
        do {
            // The open data is linked in, once written, while the pages are rendered.
            let linking = Background.start {
                try tree.written(OpenDataStep.folderName)
                if FileManager.default.fileExists(atPath: data.path) {
                    try HardLinks.clone(data, to: folder.appendingPathComponent("data", isDirectory: true))
                }
            }
            let written = Result { try site.write(to: folder, handbooksFolder: handbooks) }
            let linked = Result { try linking.wait() }
            // The pages' failure first: it says more than a link the same folder refused.
            try written.get()
            try linked.get()
        } catch let error as SiteError {
            throw OutputError.step(name: name, message: error.description)
        } catch {
            throw OutputError.unwritable(folder: folder.path, reason: OutputError.reason(error))
        }
        if let pagefind {
            do { try Pagefind.index(site: folder, program: pagefind) } catch {
                throw OutputError.step(name: name, message: "\(error)")
            }
        }
        return lines + ["site: 1 rendered, 0 reused (\(site.pageCount) pages in \(name)/)"]
    }

    /// What the site is built with: its address, the handbooks and the open data files
    /// (`files(in:)` of the data folder, asked when a page first needs them), the
    /// structured data of the offices and services.
    static func options(_ input: BuildInput, search: Bool, handbooks: HandbookManifest?,
                        dataFiles: @escaping @Sendable () -> [SiteFile]) -> SiteOptions {
        let export = OpenDataStep.export(input)
        return SiteOptions(
            baseURL: SiteSettings.baseURL(root: input.root), search: search, handbooks: handbooks,
            dataFiles: dataFiles(),
            structuredData: StructuredData(office: { export.office($0, language: $1) },
                                           service: { export.service($0, $1, language: $2) }),
            datasets: { export.datasets(present: Set($0.map(\.path))) }, licence: export.licence)
    }

    /// The files of a folder with their sizes, by path, sorted.
    static func files(in folder: URL) -> [SiteFile] {
        guard let names = FileManager.default.subpaths(atPath: folder.path) else { return [] }
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        return names.sorted().compactMap { name in
            // `lstat`, not `attributesOfItem` (a dictionary per file, 950 files at 947 municipalities).
            var st = stat()
            guard lstat(base + name, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
            return SiteFile(path: name, bytes: Int(st.st_size))
        }
    }
}
