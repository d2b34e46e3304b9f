import Loading
import Model
import Resolution

/// How far an office has come: its opening checklist, its staff's training and its
/// quarterly reports, counted from its files.
struct OfficeProgress: Sendable {
    struct Report: Sendable {
        var quarter: Quarter
        var document: Document
        var values: [String: Double]
    }

    var checklistDone: Int
    var checklistTotal: Int
    var trainingCompleted: Int
    var trainingPlanned: Int
    var staffCount: Int
    var fte: Double
    var reports: [Report]

    init(_ municipality: ResolvedMunicipality, network: Network) {
        let template = network.model[.checklistTemplate]?.values.first?.root?.sequence(at: "items") ?? []
        let items = municipality.files.checklist?.root?.sequence(at: "items") ?? []
        let done = Set(items.filter { $0["done"]?.bool == true }.compactMap { $0.string(at: "item") })
        checklistTotal = template.count
        checklistDone = template.filter { $0.string(at: "id").map(done.contains) ?? false }.count
        let staff = municipality.files.staffing?.root?.sequence(at: "staff") ?? []
        staffCount = staff.count
        fte = staff.compactMap { $0["fte"]?.number }.reduce(0, +)
        let training = staff.flatMap { $0.sequence(at: "training") ?? [] }
        trainingPlanned = training.count
        trainingCompleted = training.filter { $0["completed"] != nil && $0["completed"]?.isNull == false }.count
        reports = municipality.files.reports.compactMap { doc in
            guard let y = doc.root?["period"]?["year"]?.int, let q = doc.root?["period"]?["quarter"]?.int else { return nil }
            var values: [String: Double] = [:]
            for v in doc.root?.sequence(at: "values") ?? [] {
                if let id = v.string(at: "indicator"), let n = v["value"]?.number { values[id] = n }
            }
            return Report(quarter: Quarter(year: y, quarter: q), document: doc, values: values)
        }.sorted { $0.quarter < $1.quarter }
    }

    /// The posts of a staffing plan filled by `day`: those whose `start_date` is on or
    /// before it (a post without one is not yet filled). The progress and expansion pages
    /// count them alike.
    static func filled(_ staff: [Node], by day: Day) -> [Node] {
        staff.filter { ($0.string(at: "start_date")).flatMap(Day.init).map { $0 <= day } ?? false }
    }

    /// The value of a node comes from the municipality's files (not the model's).
    static func isLocal(_ node: Node?) -> Bool { node?.span.file.hasPrefix("seeds/") ?? false }
}
