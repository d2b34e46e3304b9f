import Diagnostics
import Foundation
import Tools
import Loading
import Model
import Presentation
import Publishing
import Rendering
import Resolution

/// What to build and how.
public struct HandbookBuildOptions: Sendable {
    /// Municipality slugs; empty means every municipality.
    public var municipalities: [String] = []
    /// Languages; empty means every language of the model.
    public var languages: [String] = []
    /// Fail when Typst is missing instead of building the HTML only.
    public var requirePDF = false
    /// The Typst engine to use, found by the caller in its environment
    /// (`TypstEngine.find`); nil: none, the handbooks are HTML only (or the build fails,
    /// `requirePDF`). Never looked for here: a build given an environment without Typst
    /// found the one of oae's own (session 42: a kept site's test rendered a PDF its key
    /// said had no engine).
    public var typst: TypstEngine?
    /// Never render PDFs (the HTML only), even when Typst is there.
    public var skipPDF = false
    /// Also write each handbook's Typst source (`handbook.typ`, the PDF's source) beside it.
    public var typstSource = false
    /// How many Typst workers run at once.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var progress: ProgressStyle = .silent
    /// Where progress and messages go (standard error for the command line).
    public var write: @Sendable (String) -> Void = { _ in }
    /// Handbooks (`<municipality>/<language>`) whose inputs did not change since the
    /// previous build (`BuildCache`): their files are kept from the previous output, not
    /// rendered again.
    public var reuse: Set<String> = []
    /// The PDF cache keys of the kept handbooks, which the cache keeps.
    public var reusedPDFKeys: Set<String> = []

    public init() {}
}

/// What a build did: the handbooks of the folder, and how many PDFs were rendered
/// and how many were reused from the cache.
public struct HandbookBuildReport: Sendable {
    public var manifest: HandbookManifest
    /// The handbooks this build rendered (`<municipality>/<lang>`).
    public var built: [String]
    /// The handbooks kept from the previous output (`HandbookBuildOptions.reuse`).
    public var kept: [String] = []
    /// PDFs rendered, and PDFs of the rendered handbooks found in the cache.
    public var rendered: Int
    public var reused: Int
    /// The PDF cache key of each rendered handbook's PDF (`<municipality>/<lang>`).
    public var pdfKeys: [String: String] = [:]
    /// True when PDFs were wanted but Typst is missing.
    public var pdfEngineMissing: Bool
}

public enum HandbookBuildError: Error, CustomStringConvertible {
    case unknownMunicipality(String, known: [String])
    case unknownLanguage(String, known: [String])
    case templates([String])
    case pdfEngineMissing
    case renderFailed([(String, String)])
    /// Typst could not show characters of the text with the handbook's fonts: where they are.
    case unshowable([UnshowableText])

    /// True for what the command line named wrongly (a municipality, a language): a usage
    /// error, exit status 2, as for every command.
    public var isUsage: Bool {
        switch self {
        case .unknownMunicipality, .unknownLanguage: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case let .unknownMunicipality(m, known):
            // The folder meant: one whose name holds every word typed (`molins` for
            // molins-de-rei, as `oae show` finds it; session 26's trial), else the closest.
            let typed = m.lowercased().split(separator: "-")
            let holding = known.filter { k in !typed.isEmpty && typed.allSatisfy(Set(k.split(separator: "-")).contains) }
            let meant = holding.isEmpty ? Suggestions.didYouMean(m, in: known)
                : "did you mean " + holding.prefix(3).map { "'\($0)'" }.joined(separator: " or ") + "?"
            // A network of 947 is too long a list: the closest names, and where to see all.
            if known.count <= 12 {
                return "unknown municipality '\(m)' (\(meant.map { "\($0); " } ?? "")the tree has: \(known.joined(separator: ", ")))"
            }
            return "unknown municipality '\(m)'" + (meant.map { " (\($0))" } ?? "")
                + "; `oae list office` lists the \(known.count) municipalities' folders"
        case let .unknownLanguage(l, known):
            let meant = LanguageNames.meant(l, in: known).map { "did you mean '\($0)'? " } ?? ""
            return "unknown language '\(l)' (\(meant)the model's languages: \(known.joined(separator: ", ")))"
        case let .templates(problems):
            return "the handbook templates are incomplete:\n  " + problems.joined(separator: "\n  ")
        case .pdfEngineMissing:
            return "Typst is missing and --require-pdf was given; \(PythonSetting.hint(TypstEngine.installHint, package: "typst"))"
        case let .renderFailed(failures):
            // The same error in many handbooks (a template's, most often): said once, with
            // the handbooks it stopped. The same error is the same first line (its place and
            // words): the line Typst quotes may hold each handbook's own text.
            var groups: [(message: String, labels: [String])] = []
            let head = { (message: String) in message.prefix { $0 != "\n" } }
            // In the handbooks' order, not in the order they failed in: the quote shown is
            // the first handbook's.
            for (label, message) in failures.sorted(by: { $0.0 < $1.0 }) {
                if let i = groups.firstIndex(where: { head($0.message) == head(message) }) { groups[i].labels.append(label) }
                else { groups.append((message, [label])) }
            }
            return "Typst failed:\n" + groups.map { group in
                let labels = group.labels
                let who = labels.count <= 3 ? labels.joined(separator: ", ")
                    : labels.prefix(3).joined(separator: ", ") + " and \(labels.count - 3) more \(labels.count == 4 ? "handbook" : "handbooks")"
                return "  \(who):\n" + group.message.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n")
            }.joined(separator: "\n")
        case let .unshowable(texts):
            return "the handbook PDFs' fonts cannot show \(texts.count == 1 ? "a character" : "\(texts.count) characters") of the text "
                + "(PDF/UA-1 needs a font for every character); write \(texts.count == 1 ? "it" : "them") another way or leave "
                + "\(texts.count == 1 ? "it" : "them") out of the texts the handbooks show:\n  "
                + texts.flatMap(\.lines).joined(separator: "\n  ")
        }
    }
}

/// Builds `handbooks/` in a build's staging tree: for each municipality and language,
/// `handbook.html` and (with Typst) `handbook.pdf`, and `index.json`. The staging
/// tree takes the output's place only when the whole build succeeds (`OutputTree`); a
/// build of some handbooks starts from the previous folder and replaces only those.
public enum HandbookBuild {
    public static let folderName = "handbooks"

    /// Builds the handbooks alone into `out`, in a staging tree of their own that replaces
    /// `out` when they are all written (for tests and tools; `oae build` runs the
    /// handbook step in its pipeline).
    public static func run(_ input: BuildInput, out: URL, options: HandbookBuildOptions) throws -> HandbookBuildReport {
        let tree = try OutputTree.begin(out, rebuilding: [folderName])
        do {
            let report = try run(input, tree: tree, options: options)
            try tree.commit()
            return report
        } catch {
            tree.abandon()
            throw error
        }
    }

    /// Writes the handbooks into `tree`. Throws `HandbookBuildError` (unknown
    /// municipality or language, incomplete templates, PDF failures) or `OutputError`.
    public static func run(_ input: BuildInput, tree: OutputTree, options: HandbookBuildOptions) throws -> HandbookBuildReport {
        let slugs = input.resolved.map(\.slug)
        for m in options.municipalities where !slugs.contains(m) {
            throw HandbookBuildError.unknownMunicipality(m, known: slugs)
        }
        for l in options.languages where !input.languages.contains(l) {
            throw HandbookBuildError.unknownLanguage(l, known: input.languages)
        }
        let views = input.resolved.filter { options.municipalities.isEmpty || options.municipalities.contains($0.slug) }
        let languages = input.languages.filter { options.languages.isEmpty || options.languages.contains($0) }
        let isPartial = views.count < input.resolved.count || languages.count < input.languages.count

        let (renderer, problems) = HandbookRenderer.load(input)
        if !problems.isEmpty { throw HandbookBuildError.templates(problems) }

        var typst: TypstEngine?
        var missing = false
        if !options.skipPDF {
            typst = options.typst
            if typst == nil {
                if options.requirePDF { throw HandbookBuildError.pdfEngineMissing }
                missing = true
            }
        }

        // The HTML of every handbook, in parallel: a pure function of the input.
        struct Item: Sendable {
            var slug: String; var language: String; var view: ResolvedMunicipality
            var id: String { "\(slug)/\(language)" }
        }
        let wanted = views.flatMap { v in languages.map { Item(slug: v.slug, language: $0, view: v) } }
        let items = wanted.filter { !options.reuse.contains($0.id) }
        let kept = wanted.filter { options.reuse.contains($0.id) }.map(\.id)
        let staging = try tree.folder(folderName)
        var rendered = 0, reused = 0
        var manifest = HandbookManifest(entries: [])
        var sources: [String] = []
        var keys: [String] = []
        let cache = PDFCache(out: tree.staging)
        // Typst writes into the live output's cache (`<out>/.cache/pdf`, under the build's
        // lock; no page links to it), and each PDF is then linked into this build's: a PDF
        // finished before the build stops (Ctrl-C, another handbook's failed render) is kept
        // for the next build, which finds it in the cache its staging tree starts from.
        let finished = PDFCache(out: tree.target)
        do {
            if isPartial || !kept.isEmpty {
                try seed(staging, from: tree.previous(folderName), keep: Set(slugs), languages: Set(input.languages),
                         replacing: Set(items.map(\.id)))
            }
            // Every handbook rendered on every core and written as soon as it is made, so
            // that the build never holds them all (2,841 handbooks at 947 municipalities
            // are about 900 MB of HTML). The HTML is a pure function of the input.
            let wantTypst = typst != nil || options.typstSource
            let typstSource = options.typstSource
            let results = parallelMap(items) { item -> (typst: String?, error: String?) in
                let folder = staging.appendingPathComponent("\(item.slug)/\(item.language)")
                do {
                    try writeFile(folder.appendingPathComponent("handbook.html"), renderer.renderUTF8(item.view, language: item.language))
                    // The Typst source of the PDF, from the same view models: its hash is the cache key.
                    guard wantTypst else { return (nil, nil) }
                    let source = renderer.renderTypst(item.view, language: item.language)
                    if typstSource { try writeFile(folder.appendingPathComponent("handbook.typ"), source) }
                    return (source, nil)
                } catch {
                    return (nil, OutputError.reason(error))
                }
            }
            if let failure = results.lazy.compactMap(\.error).first {
                throw OutputError.unwritable(folder: staging.path, reason: failure)
            }
            sources = wantTypst ? results.map { $0.typst ?? "" } : []
            keys = typst.map { t in
                zip(items, sources).map { item, source in
                    PDFCache.key(source: Data(source.utf8), toolVersion: input.toolVersion, engineVersion: t.version,
                                 fonts: TypstEngine.fontFolders, timestamp: input.stamps.handbook(item.slug).epoch)
                }
            } ?? []
            if let typst {
                try cache.prepare()
                try finished.prepare()
                var jobs: [PDFJobs.Job] = []
                var queued = Set<String>()
                for (i, item) in items.enumerated() where !cache.contains(keys[i]) && !queued.contains(keys[i]) {
                    queued.insert(keys[i])
                    jobs.append(.init(label: item.id, source: sources[i], key: keys[i],
                                      timestamp: input.stamps.handbook(item.slug).epoch))
                }
                rendered = jobs.count
                reused = items.count - jobs.count
                let runner = PDFJobs(engine: typst, root: tree.staging, cache: finished, jobs: options.jobs, style: options.progress, write: options.write)
                let failures = runner.run(jobs)
                for job in jobs where finished.contains(job.key) && !cache.contains(job.key) {
                    try place(finished.url(job.key), at: cache.url(job.key))
                }
                if !failures.isEmpty {
                    let characters = UnshowableText.characters(inFailures: failures.map(\.1))
                    if !characters.isEmpty { throw HandbookBuildError.unshowable(UnshowableText.locate(characters, in: input.network.tree)) }
                    let templates = input.network.tree.templates.filter { $0.hasPrefix(HandbookRenderer.typstFolder + "/") }.sorted()
                        .compactMap { path in FileTree.readText(root: input.root, path: path).map { (path: path, text: $0) } }
                    throw HandbookBuildError.renderFailed(failures.map { ($0.0, TypstFailure.explain($0.1, templates: templates)) })
                }
                for (i, item) in items.enumerated() {
                    try place(cache.url(keys[i]), at: staging.appendingPathComponent("\(item.slug)/\(item.language)/handbook.pdf"))
                }
            }
            manifest = HandbookManifest.scan(staging) { m, lang in officeName(input, m, lang) }
            try writeFile(staging.appendingPathComponent(HandbookManifest.fileName), manifest.text)
        } catch let error as HandbookBuildError {
            throw error
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError.unwritable(folder: staging.path, reason: OutputError.reason(error))
        }
        if typst != nil, !isPartial { cache.prune(keeping: Set(keys).union(options.reusedPDFKeys)) }
        return HandbookBuildReport(manifest: manifest, built: items.map(\.id), kept: kept,
                                   rendered: rendered, reused: reused,
                                   pdfKeys: Dictionary(zip(items.map(\.id), keys)) { a, _ in a },
                                   pdfEngineMissing: missing)
    }

    /// The office's name in a language, for the manifest.
    public static func officeName(_ input: BuildInput, _ slug: String, _ language: String) -> String {
        let office = input.network.municipalities[slug]?.office?.root
        let name = input.localizer(language).string(office?["name"])
        return name.isEmpty ? (office?["municipality"]?.string(at: "name").map(Typography.prose) ?? slug) : name
    }

    /// Starts a partial build's staging folder from the previous handbooks (hard links,
    /// so nothing is copied), leaving out the handbooks being rebuilt and those of
    /// municipalities or languages the tree no longer has.
    static func seed(_ staging: URL, from previous: URL, keep municipalities: Set<String>, languages: Set<String>,
                     replacing: Set<String>) throws {
        let fm = FileManager.default
        for m in (try? fm.contentsOfDirectory(atPath: previous.path)) ?? [] where municipalities.contains(m) {
            for lang in (try? fm.contentsOfDirectory(atPath: previous.appendingPathComponent(m).path)) ?? []
                where languages.contains(lang) && !replacing.contains("\(m)/\(lang)") {
                let from = previous.appendingPathComponent("\(m)/\(lang)")
                let to = staging.appendingPathComponent("\(m)/\(lang)")
                try fm.createDirectory(at: to, withIntermediateDirectories: true)
                for file in (try? fm.contentsOfDirectory(atPath: from.path)) ?? [] {
                    try place(from.appendingPathComponent(file), at: to.appendingPathComponent(file))
                }
            }
        }
    }

    static func place(_ source: URL, at target: URL) throws { try HardLinks.place(source, at: target) }
}
