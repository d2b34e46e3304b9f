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
        let template = network.model[.checklistTemplate]?.values.first?.root?["items"]?.sequence ?? []
        let items = municipality.files.checklist?.root?["items"]?.sequence ?? []
        let done = Set(items.filter { $0["done"]?.bool == true }.compactMap { $0["item"]?.string })
        checklistTotal = template.count
        checklistDone = template.filter { $0["id"]?.string.map(done.contains) ?? false }.count
        let staff = municipality.files.staffing?.root?["staff"]?.sequence ?? []
        staffCount = staff.count
        fte = staff.compactMap { $0["fte"]?.number }.reduce(0, +)
        let training = staff.flatMap { $0["training"]?.sequence ?? [] }
        trainingPlanned = training.count
        trainingCompleted = training.filter { $0["completed"] != nil && $0["completed"]?.isNull == false }.count
        reports = municipality.files.reports.compactMap { doc in
            guard let y = doc.root?["period"]?["year"]?.int, let q = doc.root?["period"]?["quarter"]?.int else { return nil }
            var values: [String: Double] = [:]
            for v in doc.root?["values"]?.sequence ?? [] {
                if let id = v["indicator"]?.string, let n = v["value"]?.number { values[id] = n }
            }
            return Report(quarter: Quarter(year: y, quarter: q), document: doc, values: values)
        }.sorted { $0.quarter < $1.quarter }
    }

    /// The value of a node comes from the municipality's files (not the model's).
    static func isLocal(_ node: Node?) -> Bool { node?.span.file.hasPrefix("seeds/") ?? false }
}
