import Diagnostics
import Foundation
import Handbook
import Model
import Presentation
import Publishing
import Rendering
import Tools

/// `output/handbooks/`: one handbook per municipality and language, as single-file HTML
/// and PDF, and the list the site reads (`index.json`).
public struct HandbookStep: OutputStep {
    public let name = HandbookBuild.folderName
    public let summary = "one handbook per municipality and language (HTML and PDF)"
    public let templateFolder: String? = HandbookRenderer.folder

    public init() {}

    /// Parses the HTML and Typst templates, and records the view models' shapes.
    public func prepareCheck(root: URL) {
        TemplateStepCheck.prepare(root: root, folder: HandbookRenderer.folder)
        TemplateStepCheck.prepare(root: root, folder: HandbookRenderer.typstFolder)
        _ = HandbookRenderer.views
    }

    public func check(_ network: Network) -> [Diagnostic] {
        let strings = Strings(network: network, language: network.settings.defaultLanguage)
        let uiKeys = strings.keys, uiPlaceholders = strings.placeholders
        var out = TemplateStepCheck.check(network.tree, folder: HandbookRenderer.folder,
                                          required: HandbookRenderer.requiredTemplates,
                                          views: HandbookRenderer.views, uiKeys: uiKeys, uiPlaceholders: uiPlaceholders)
            + TemplateStepCheck.check(network.tree, folder: HandbookRenderer.typstFolder,
                                      required: HandbookRenderer.requiredTemplates,
                                      views: HandbookRenderer.views, uiKeys: uiKeys, uiPlaceholders: uiPlaceholders)
        let folderThere = network.tree.templates.contains { $0.hasPrefix(HandbookRenderer.folder + "/") }
        // A stylesheet the walk refused (a link, an unreadable file) is reported there already.
        let refused = network.tree.diagnostics.contains { $0.span.file == HandbookRenderer.stylesheet }
        if folderThere, !refused, !network.tree.templates.contains(HandbookRenderer.stylesheet) {
            out.append(.error("template-missing", "the handbook's stylesheet is missing",
                              at: .wholeFile(HandbookRenderer.stylesheet),
                              help: "restore \(HandbookRenderer.stylesheet)"))
        }
        return out
    }

    public func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
        var options = HandbookBuildOptions()
        options.municipalities = settings.municipalities
        options.languages = settings.languages
        options.requirePDF = settings.requirePDF
        options.skipPDF = settings.skipPDF
        options.typstSource = settings.typstSource
        options.jobs = settings.jobs
        options.progress = settings.terminal ? .terminal : .plain
        options.write = settings.write
        if !settings.skipPDF {
            options.typst = HandbookStep.engine(root: input.root, environment: settings.environment)
        }
        let planned = tree.cache.map { plan(input, settings: settings, cache: $0) } ?? []
        if let cache = tree.cache {
            for unit in planned where cache.unchanged(unit.name, key: unit.unit.key, files: unit.files) {
                options.reuse.insert(String(unit.name.dropFirst(name.count + 1)))
                if let pdf = unit.unit.pdf { options.reusedPDFKeys.insert(pdf) }
            }
        }
        let report = try HandbookBuild.run(input, tree: tree, options: options)
        for unit in planned {
            var record = unit.unit
            let id = String(unit.name.dropFirst(name.count + 1))
            if let pdf = report.pdfKeys[id] { record.pdf = pdf } else if !report.kept.contains(id) { record.pdf = nil }
            tree.cache?.record(unit.name, record)
        }
        var lines: [String] = []
        if report.pdfEngineMissing {
            // The handbooks the last build gave a PDF: this one has none, and the output is
            // replaced as a whole (the trial of session 31: a build from a shell without
            // OAE_PYTHON dropped the 12 published PDFs under a note).
            let dropped = planned.filter { tree.cache?.previous.units[$0.name]?.pdf != nil }
                .map { String($0.name.dropFirst(name.count + 1)) }
            if dropped.isEmpty {
                lines.append(HandbookStep.typstNote)
            } else {
                let named = dropped.prefix(3).joined(separator: ", ") + (dropped.count > 3 ? ", …" : "")
                lines.append("warning: Typst was not found, so the handbooks were built as HTML only: the PDFs of \(dropped.count) "
                             + "\(dropped.count == 1 ? "handbook" : "handbooks") the last build made (\(named)) are not in this output; "
                             + "\(PythonSetting.hint(TypstEngine.installHint, package: "typst")); `oae build --require-pdf` stops instead of leaving them out")
            }
        } else if !settings.skipPDF {
            lines.append("PDF: \(report.rendered) rendered, \(report.reused) reused")
        }
        lines.append("handbooks: \(report.built.count) rendered, \(report.kept.count) reused")
        return lines
    }

    /// Said when the handbooks are built as HTML only for want of Typst.
    static var typstNote: String {
        "note: Typst was not found, so the handbooks were built as HTML only; \(PythonSetting.hint(TypstEngine.installHint, package: "typst"))"
    }

    /// The note that the handbooks have no PDF when Typst is not there and PDFs were asked
    /// for (their keys hold the engine: kept handbooks were built without it too).
    public func keptNotes(_ input: BuildInput, out: URL, cache: BuildCache, settings: BuildSettings) -> [String] {
        !settings.skipPDF && HandbookStep.engine(root: input.root, environment: settings.environment) == nil ? [HandbookStep.typstNote] : []
    }

    /// Each handbook the build would write (`handbooks/<municipality>/<language>`): it
    /// reads the inputs every handbook reads and its municipality's folder, and its bytes
    /// depend on oae's version, the revision and date it carries (`SourceStamps.handbook`),
    /// the day its records' states are told as of (`BuildInput.recordStateDay`), the
    /// PDF engine and whether its Typst source is written too.
    public func plan(_ input: BuildInput, settings: BuildSettings, cache: BuildCache) -> [PlannedUnit] {
        let slugs = input.resolved.map(\.slug).filter { settings.municipalities.isEmpty || settings.municipalities.contains($0) }
        let languages = input.languages.filter { settings.languages.isEmpty || settings.languages.contains($0) }
        let engine = settings.skipPDF ? nil : HandbookStep.engine(root: input.root, environment: settings.environment)
        // Without the engine PDFs were required: the step must run, and fail.
        if engine == nil, settings.requirePDF, !settings.skipPDF { return [] }
        let pdf = settings.skipPDF ? "no PDF" : engine.map { "typst \($0.version) \(TypstEngine.fontFolders)" } ?? "no engine"
        return slugs.flatMap { slug in
            let reads = HandbookStep.reads(slug)
            return languages.map { language in
                let unit = "\(name)/\(slug)/\(language)"
                let shows = HandbookStep.shows(input, slug: slug, language: language)
                let key = cache.key(reads: reads, shows + [pdf, String(settings.typstSource)])
                var files = ["handbook.html"]
                if engine != nil { files.append("handbook.pdf") }
                if settings.typstSource { files.append("handbook.typ") }
                let previous = cache.previous.units[unit]
                return PlannedUnit(name: unit, unit: .init(key: key, reads: reads, pdf: previous?.key == key ? previous?.pdf : nil,
                                                           content: HandbookStep.content(input, slug: slug, language: language, cache: cache)),
                                   files: files.map { "\(unit)/\($0)" })
            }
        }
    }

    /// The input groups a municipality's handbooks read.
    static func reads(_ slug: String) -> [String] { [InputDigest.shared, InputDigest.municipality(slug)] }

    /// What a handbook's bytes depend on besides its inputs and how it is written: oae's
    /// version, its language, the revision and date it carries, and the day its records'
    /// states are told as of (they may change with the tree's day, its inputs unchanged).
    static func shows(_ input: BuildInput, slug: String, language: String) -> [String] {
        let stamp = input.stamps.handbook(slug)
        return ["handbook", input.toolVersion, language, stamp.revision, String(stamp.epoch), String(stamp.modified),
                input.recordStateDay(slug).description]
    }

    /// The key of what a handbook shows (`BuildRecord.Unit.content`): its inputs, the
    /// program, `shows` and the day the build tells states as of, whether `--as-of` gave it
    /// or it is the tree's (a handbook built either way on the same day has the same bytes).
    static func content(_ input: BuildInput, slug: String, language: String, cache: BuildCache) -> String {
        cache.key(reads: reads(slug), shows(input, slug: slug, language: language) + [input.stateDay.description], asOf: "")
    }

    /// The handbooks the site links, against the tree's now: how many of the tree's
    /// (each municipality in each language) are not in `manifest`, and, of those that
    /// are and whose record says what they show, which were built from other inputs,
    /// by another oae or as of another day (`BuildRecord.Unit.content`), by
    /// `<municipality>/<language>`. `oae build site` links the handbooks it finds, and says so.
    public static func linked(_ manifest: HandbookManifest?, _ input: BuildInput, cache: BuildCache)
        -> (total: Int, missing: Int, compared: Int, stale: [String]) {
        var present = Set<String>()
        var stale: [String] = []
        var compared = 0
        let slugs = Set(input.resolved.map(\.slug)), languages = Set(input.languages)
        for entry in manifest?.entries ?? [] where slugs.contains(entry.municipality) && languages.contains(entry.language) {
            let id = "\(entry.municipality)/\(entry.language)"
            present.insert(id)
            guard let recorded = cache.unit("\(HandbookBuild.folderName)/\(id)")?.content else { continue }
            compared += 1
            if recorded != content(input, slug: entry.municipality, language: entry.language, cache: cache) { stale.append(id) }
        }
        let total = slugs.count * languages.count
        return (total, total - present.count, compared, stale)
    }

    /// The notes of `oae build site` on the handbooks it links (`linked`): none when they
    /// are the tree's, all of them.
    public static func linkedNotes(_ manifest: HandbookManifest?, _ input: BuildInput, cache: BuildCache) -> [String] {
        let (total, missing, compared, stale) = linked(manifest, input, cache: cache)
        guard missing > 0 || !stale.isEmpty else { return [] }
        let build = "`oae build\(input.asOf.map { " --as-of \($0)" } ?? "")`"
        var notes: [String] = []
        if missing > 0 {
            notes.append("note: \(missing) of the tree's \(total) handbooks are not in the output, so the site does not link them; \(build) builds them with the site")
        }
        if !stale.isEmpty {
            let named = stale.prefix(3).joined(separator: ", ") + (stale.count > 3 ? ", …" : "")
            notes.append("note: \(stale.count) of the \(compared) handbooks the site links (\(named)) were built from another state of the tree, by another build of oae or as of another day; \(build) builds them again with the site")
        }
        return notes
    }

    /// The PDF engine (`TypstEngine.find`), looked for once per process and environment:
    /// planning and writing the handbooks both need it.
    static func engine(root: URL, environment: [String: String]) -> TypstEngine? {
        let key = "\(root.path)\u{0}\(environment["OAE_PYTHON"] ?? "")\u{0}\(environment["PATH"] ?? "")"
        engines.lock.lock()
        defer { engines.lock.unlock() }
        if let found = engines.found[key] { return found }
        let engine = TypstEngine.find(root: root, environment: environment)
        engines.found[key] = engine
        return engine
    }

    static let engines = Engines()
    final class Engines: @unchecked Sendable {
        let lock = NSLock()
        var found: [String: TypstEngine?] = [:]
    }
}
