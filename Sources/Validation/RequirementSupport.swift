import Diagnostics
import Loading
import Model
import Resolution

extension ResolvedMunicipality {
    /// Whether a requirement that applies from `status` on applies to this office.
    func reached(_ status: OfficeStatus) -> Bool {
        guard let current = self.status else { return false }
        return current >= status
    }

    /// Where to report a problem of the whole municipality: the office's status line.
    var statusSpan: SourceSpan {
        files.office?.root?["status"]?.span ?? files.office.map { .wholeFile($0.path) } ?? .wholeFile("seeds/\(slug)")
    }
}
