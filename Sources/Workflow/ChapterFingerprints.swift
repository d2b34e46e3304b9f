import Foundation
import JSON
import Loading
import Model
import Rendering
import Resolution

/// A chapter of the handbook outline (`model/handbook/outline.yaml`).
public struct OutlineChapter: Sendable {
    public var id: String
    public var source: String
    public var title: LocalizedText?
    var node: Node

    /// The chapters of a network's outline, in order.
    static func all(_ network: Network) -> [OutlineChapter] {
        (network.modelDocument(.handbookOutline, "outline")?.root?["chapters"]?.sequence ?? []).compactMap { item in
            guard let id = item["id"]?.string else { return nil }
            return OutlineChapter(id: id, source: item["source"]?.string ?? id, title: network.text(item["title"]), node: item)
        }
    }
}

/// The fingerprint of each chapter of one municipality's handbook: a hash of exactly
/// the data the chapter shows (see `docs/integration/README.md`). Two trees whose
/// fingerprints agree give the same chapter. What every chapter shares (the model's
/// languages, the chapter's entry in the outline and its number, the handbook
/// templates and UI strings) is part of every fingerprint. The control page's source
/// revision and build date change with every commit and are left out.
public struct ChapterFingerprints {
    let network: Network
    let m: ResolvedMunicipality
    /// A hash of every file under templates/handbook/.
    let templates: String

    /// Chapter id → fingerprint.
    public static func compute(network: Network, resolved: ResolvedMunicipality, templates: String) -> [String: String] {
        let f = ChapterFingerprints(network: network, m: resolved, templates: templates)
        var out: [String: String] = [:]
        for (index, chapter) in OutlineChapter.all(network).enumerated() {
            var fp = Fingerprint()
            fp.add("languages", network.settings.languages.joined(separator: ",") + "/" + network.settings.defaultLanguage)
            fp.add("templates", templates)
            fp.add("chapter \(index)", chapter.node)
            f.addSource(chapter, to: &fp)
            out[chapter.id] = fp.digest
        }
        return out
    }

    /// A hash of the handbook's templates, styles and UI strings in a tree.
    public static func templatesHash(root: URL) -> String {
        var hash = ContentHash()
        for path in FileTree.files(root: root, folders: ["templates/handbook"]) {
            hash.update(path)
            if case let .success(bytes) = FileTree.read(root: root, path: path) { hash.update(bytes) } else { hash.update("unreadable") }
            hash.update([0])
        }
        return hash.hexDigest()
    }

    var model: Node? { network.modelDocument(.model, network.settings.id)?.root ?? network.modelDocuments(.model).first?.root }

    func title(_ kind: Kind, _ id: String?, _ field: String) -> Node? {
        id.flatMap { network.modelDocument(kind, $0)?.root?[field] }
    }

    /// The names of the documents a list of ids refers to.
    func addNames(_ label: String, _ kind: Kind, _ ids: [String], _ field: String, to fp: inout Fingerprint) {
        for id in ids { fp.add("\(label) \(id)", title(kind, id, field)) }
    }

    func addSource(_ chapter: OutlineChapter, to fp: inout Fingerprint) {
        switch chapter.source {
        case "control": control(&fp)
        case "office": office(&fp)
        case "governance": prose(chapter, &fp)
        case "catalogue": catalogue(&fp)
        case "procedures": procedures(&fp)
        case "staffing": staffing(&fp)
        case "communication": communication(&fp)
        case "indicators": indicators(&fp)
        case "checklist": checklist(&fp)
        case "differences": differences(&fp)
        case "glossary": fp.add("glossary", network.modelDocuments(.glossary).first?.root)
        default:
            // A source this version of oae does not know: it may show anything.
            for source in ["control", "office", "catalogue", "procedures", "staffing", "communication",
                           "indicators", "checklist", "differences"] {
                addSource(OutlineChapter(id: chapter.id, source: source, title: nil, node: chapter.node), to: &fp)
            }
            prose(chapter, &fp)
            fp.add("glossary", network.modelDocuments(.glossary).first?.root)
        }
    }

    /// Model version and title, the handbook's title, the office's and municipality's
    /// names. Not the source revision nor the build date.
    func control(_ fp: inout Fingerprint) {
        fp.add("model id", network.settings.id)
        fp.add("model version", network.settings.version)
        fp.add("model title", model?["title"])
        fp.add("outline title", network.modelDocument(.handbookOutline, "outline")?.root?["title"])
        fp.add("office name", m.files.office?.root?["name"])
        fp.add("municipality", m.files.office?.root?["municipality"])
    }

    func office(_ fp: inout Fingerprint) {
        fp.add("office", m.files.office?.root)
        fp.add("staffing", m.files.staffing?.root)
        fp.add("phases", model?["phases"])
    }

    /// A prose chapter: `model/handbook/<source>.md` (or `<id>.md`) and its translations.
    func prose(_ chapter: OutlineChapter, _ fp: inout Fingerprint) {
        let doc = network.modelDocument(.handbookChapter, chapter.source) ?? network.modelDocument(.handbookChapter, chapter.id)
        fp.add(document: doc, in: network)
    }

    func strings(_ node: Node?) -> [String] {
        if let s = node?.string { return [s] }
        return (node?.sequence ?? []).compactMap(\.string)
    }

    func catalogue(_ fp: inout Fingerprint) {
        let areas = model?["areas"]?.sequence ?? []
        for s in m.services {
            fp.add("service \(s.id) \(s.adoption.rawValue)", s.fields)
            fp.add(document: s.document, in: network)
            let area = s.fields["area"]?.string
            fp.add("area", areas.first { $0["id"]?.string == area })
            addNames("role", .role, strings(s.fields["owner_role"]), "title", to: &fp)
            addNames("procedure", .procedure, strings(s.fields["procedures"]), "title", to: &fp)
            addNames("indicator", .indicator, strings(s.fields["indicators"]), "name", to: &fp)
            for related in strings(s.fields["related_services"]) {
                let local = m.services.first { $0.id == related }
                fp.add("related \(related)", local?.fields["name"] ?? title(.service, related, "name"))
            }
        }
    }

    func procedures(_ fp: inout Fingerprint) {
        for p in m.procedures {
            fp.add("procedure \(p.id)", p.fields)
            fp.add("local owner", p.localOwner?.role)
            // A variant replaces the model's text; the model procedure is only named.
            fp.add(document: p.variant ?? p.model, in: network)
            if p.variant != nil { fp.add("replaces", p.model?.root?["title"]) }
            var roles = strings(p.fields["owner_role"]) + (p.localOwner.map { [$0.role] } ?? [])
            roles += (p.fields["steps"]?.sequence ?? []).compactMap { $0["role"]?.string }
            addNames("role", .role, roles, "title", to: &fp)
            for service in strings(p.fields["services"]) {
                let resolved = m.services.first { $0.id == service }
                fp.add("service \(service)", resolved?.fields["name"] ?? title(.service, service, "name"))
            }
            addNames("indicator", .indicator, strings(p.fields["indicators"]), "name", to: &fp)
        }
    }

    func staffing(_ fp: inout Fingerprint) {
        fp.add("staffing", m.files.staffing?.root)
        fp.add("requirements", model?["requirements"])
        for doc in network.modelDocuments(.role) { fp.add(document: doc, in: network) }
        for doc in network.modelDocuments(.trainingModule) { fp.add(document: doc, in: network) }
    }

    func communication(_ fp: inout Fingerprint) {
        let plan = m.files.communicationPlan?.root
        fp.add("plan", plan)
        fp.add(document: network.modelDocuments(.communicationStrategy).first, in: network)
        let actions = plan?["actions"]?.sequence ?? []
        addNames("role", .role, actions.compactMap { $0["owner"]?.string }, "title", to: &fp)
        addNames("indicator", .indicator, actions.compactMap { $0["indicator"]?.string }, "name", to: &fp)
    }

    func indicators(_ fp: inout Fingerprint) {
        for i in m.indicators { fp.add("indicator \(i.id)", i.fields) }
        for report in m.files.reports.sorted(by: { $0.id < $1.id }) { fp.add("report \(report.id)", report.root) }
    }

    func checklist(_ fp: inout Fingerprint) {
        fp.add("checklist", m.files.checklist?.root)
        fp.add("template", network.modelDocuments(.checklistTemplate).first?.root)
    }

    /// What the municipality changed, without the file positions the diff carries.
    func differences(_ fp: inout Fingerprint) {
        let diff = DiffReport.json(ModelDiff(network: network, resolved: m))
        fp.add("differences", ChapterFingerprints.withoutPositions(diff).serialized(pretty: false))
        fp.add("notes", m.files.adaptation?.root?["notes"])
    }

    static func withoutPositions(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .object(pairs):
            return .object(pairs.filter { !["at", "model_at"].contains($0.0) }.map { ($0.0, withoutPositions($0.1)) })
        case let .array(items):
            return .array(items.map(withoutPositions))
        default:
            return value
        }
    }
}
