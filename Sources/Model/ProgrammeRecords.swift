import Diagnostics
import Foundation
import Loading

/// Compares two semantic versions (`1.10.0` after `1.9.2`); pre-release tags are ignored.
public func semverLess(_ a: String, _ b: String) -> Bool {
    func parts(_ v: String) -> [Int] {
        v.split(ascii: "-").first.map { $0.split(ascii: ".").map { Int($0) ?? 0 } } ?? []
    }
    return parts(a).lexicographicallyPrecedes(parts(b))
}

/// An assessment of offices (`seeds/assessments/<id>.md`), as the rules and pages read it.
public struct AssessmentRecord: Sendable {
    /// The decisions an assessment may take on the expansion.
    public enum Outcome: String, Sendable, CaseIterable {
        case expand, expandWithChanges = "expand-with-changes", extendPilot = "extend-pilot", stop

        /// Whether the outcome lets the expansion waves go ahead.
        public var expands: Bool { self == .expand || self == .expandWithChanges }
    }

    public var document: Document
    public var id: String { document.id }
    public var offices: [String]
    public var start: Day?
    public var end: Day?
    public var outcome: Outcome?
    public var decisionDate: Day?
    /// The node of `decision.date`, for diagnostics.
    public var decisionDateNode: Node?
    /// The model version that came out of the assessment.
    public var modelVersion: String?
    public var modelVersionNode: Node?

    public init(_ document: Document) {
        self.document = document
        let root = document.root
        offices = root?.sequence(at: "offices")?.compactMap(\.string) ?? []
        start = root?["period"]?.string(at: "start").flatMap(Day.init)
        end = root?["period"]?.string(at: "end").flatMap(Day.init)
        let decision = root?["decision"]
        outcome = decision?.string(at: "outcome").flatMap(Outcome.init(rawValue:))
        decisionDateNode = decision?["date"]
        decisionDate = decisionDateNode?.string.flatMap(Day.init)
        modelVersionNode = decision?["model_version"]
        modelVersion = modelVersionNode?.string
    }

    /// Whether a quarter lies within the assessed period.
    public func covers(_ q: Quarter) -> Bool {
        guard let start, let end else { return false }
        return q.firstDay >= start && q.lastDay <= end
    }
}

/// The expansion plan (`seeds/expansion.yaml`): waves with dates, and the municipalities of
/// the area placed in a wave or at a stage before they have an office folder.
public struct ExpansionPlan: Sendable {
    public struct Wave: Sendable {
        public var id: String
        public var node: Node
        public var pilot: Bool
        public var start: Day?
        public var end: Day?

        /// Whether `day` is within the wave, its first and last days included; a wave
        /// without a start or an end is open on that side.
        public func holds(_ day: Day) -> Bool { (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true) }
    }

    public struct Entry: Sendable {
        public var name: String
        public var ineCode: String
        public var wave: String?
        /// `candidate` or `agreement`, for a municipality without an office folder.
        public var stage: String?
        /// The id of the council's adhesion agreement, among the programme's
        /// (`seeds/agreements/`), for a municipality without an office folder: the record of
        /// the stage `agreement` (`expansion-adhesion-missing`).
        public var agreement: String?
        public var node: Node
    }

    public var document: Document
    public var assessment: String?
    public var waves: [Wave]
    public var entries: [Entry]

    public init(_ document: Document) {
        self.document = document
        let root = document.root
        assessment = root?.string(at: "assessment")
        waves = (root?.sequence(at: "waves") ?? []).compactMap { w in
            guard let id = w.string(at: "id") else { return nil }
            return Wave(id: id, node: w, pilot: w["pilot"]?.bool == true,
                        start: w.string(at: "start").flatMap(Day.init), end: w.string(at: "end").flatMap(Day.init))
        }
        entries = (root?.sequence(at: "municipalities") ?? []).compactMap { e in
            guard let name = e.string(at: "name"), let code = e.string(at: "ine_code") else { return nil }
            return Entry(name: name, ineCode: code, wave: e.string(at: "wave"), stage: e.string(at: "stage"),
                         agreement: e.string(at: "agreement"), node: e)
        }
    }

    /// The entry of a municipality, by INE code.
    public func entry(ineCode: String) -> Entry? { entries.first { $0.ineCode == ineCode } }

    /// The adhesion agreement `entry` names when it is signed by `day`: the record of a
    /// municipality at the stage `agreement` without an office folder. Nil when the entry is
    /// at another stage (a candidate's is not read: its stage says it has not signed), names
    /// none, or names one that is no adhesion of the programme's agreements or is unsigned by
    /// `day`.
    public func signedAdhesion(_ entry: Entry, by day: Day, in network: Network) -> Document? {
        guard entry.stage == "agreement", let id = entry.agreement, let doc = network.modelDocument(.agreement, id),
              doc.agreementType == .adhesion, let signed = doc.signedOn, signed <= day else { return nil }
        return doc
    }

    /// The wave of a municipality, by INE code.
    public func wave(ineCode: String) -> Wave? {
        guard let id = entry(ineCode: ineCode)?.wave else { return nil }
        return waves.first { $0.id == id }
    }
}

extension Network {
    /// The expansion plan, when the tree has one.
    public var expansionPlan: ExpansionPlan? { modelDocuments(.expansion).first.map(ExpansionPlan.init) }

    /// The assessments, by id.
    public var assessments: [AssessmentRecord] { modelDocuments(.assessment).map(AssessmentRecord.init) }

    /// The assessment the expansion plan names, else the latest decided one.
    public var expansionAssessment: AssessmentRecord? {
        let all = assessments
        if let id = expansionPlan?.assessment, let a = all.first(where: { $0.id == id }) { return a }
        return all.filter { $0.decisionDate != nil }.max { $0.decisionDate! < $1.decisionDate! }
    }

    /// The official register of municipalities (`model/reference/municipalities-catalonia.csv`),
    /// read once per network.
    public var register: MunicipalityRegister? {
        memo.register { tree.references[MunicipalityRegister.fileName].map { MunicipalityRegister(csv: $0.text) } }
    }
}

/// An item of the tree whose decision is deferred to a programme event (`decide_at:
/// assessment`): the document, the mapping that holds the field, and the field's node.
public struct DeferredItem: Sendable {
    public var document: Document
    /// The mapping that carries `decide_at` (an omission, an issue, a whole adaptation).
    public var item: Node
    public var field: Node

    /// The key that defers an item's decision to a programme event.
    public static let key = "decide_at"

    /// Whether a file's bytes may give a `decide_at` key: they hold those bytes (a key
    /// has no line break or space in it to fold, and NFC makes none of its ASCII
    /// characters from others), or a backslash (a double-quoted key may write it with
    /// escapes). False lets `Network.deferredItems` skip the file's nodes: most files of a
    /// network defer nothing, and walking all of them was 1% of the site's CPU at 947
    /// municipalities (issue 13).
    public static func mayBeIn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            if memchr(base, Int32(UInt8(ascii: "\\")), buffer.count) != nil { return true }
            // Each '_' (memchr), with the six bytes before it and the two after.
            let before = Array("decide".utf8), after = Array("at".utf8)
            var from = 0
            while from < buffer.count, let hit = memchr(base + from, Int32(UInt8(ascii: "_")), buffer.count - from) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at >= before.count, at + 1 + after.count <= buffer.count,
                   buffer[(at - before.count)..<at].elementsEqual(before),
                   buffer[(at + 1)..<(at + 1 + after.count)].elementsEqual(after) { return true }
                from = at + 1
            }
            return false
        }
    }
}

extension Network {
    /// Every item of the tree marked `decide_at: <event>`, by file then line.
    public func deferredItems(to event: String) -> [DeferredItem] {
        var out: [DeferredItem] = []
        // Through the buffers, by index, each node passed by its address: iterating copied
        // (retained and released) every pair and item of the whole tree, and so did passing
        // a node read from a buffer to `walk` (the site's first assessment page paid for
        // both, 1.7% of its pages' CPU at 947 municipalities, issue 13).
        func walk(_ node: UnsafePointer<Node>, _ doc: Document) {
            switch node.pointee.value {
            case let .mapping(pairs):
                pairs.withUnsafeBufferPointer { pairs in
                    for i in pairs.indices {
                        let pair = pairs.baseAddress! + i
                        if case let .string(key) = pair.pointee.key.value, key == DeferredItem.key,
                           case let .string(value) = pair.pointee.value.value, value == event {
                            out.append(DeferredItem(document: doc, item: node.pointee, field: pair.pointee.value))
                        } else {
                            walk(Network.valueNode(of: pair), doc)
                        }
                    }
                }
            case let .sequence(items):
                items.withUnsafeBufferPointer { items in
                    for i in items.indices { walk(items.baseAddress! + i, doc) }
                }
            default: break
            }
        }
        tree.documents.withUnsafeBufferPointer { documents in
            for d in documents.indices where documents[d].language == nil && documents[d].root != nil && documents[d].mayHoldDeferral {
                let doc = documents[d]
                withUnsafePointer(to: doc.root!) { walk($0, doc) }
            }
        }
        return out.sorted { ($0.document.path, $0.field.span.start.line) < ($1.document.path, $1.field.span.start.line) }
    }

    /// The address of a pair's value node, for walking a tree without copying its nodes.
    private static func valueNode(of pair: UnsafePointer<Node.Pair>) -> UnsafePointer<Node> {
        UnsafeRawPointer(pair).advanced(by: pairValueOffset).assumingMemoryBound(to: Node.self)
    }

    /// Where a pair's value node starts in the pair, in bytes.
    private static let pairValueOffset = MemoryLayout<Node.Pair>.offset(of: \Node.Pair.value)!
}
