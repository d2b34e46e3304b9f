import Diagnostics
import Loading
import Model

/// The official register of municipalities (`model/reference/municipalities-catalonia.csv`)
/// is read row by row: a row oae cannot take (a missing or extra field, a code that is not
/// five digits or not of a Catalan province, a province that is not the code's, `amb`
/// other than `yes`/`no`, a second row of one code, an unclosed quote) would otherwise be
/// left out or read wrong in silence, and every office, scaffold and expansion check that
/// looks the municipality up would then say its code is unknown. Each problem is one error
/// at the field (`MunicipalityRegister.Problem`); the row is not used.
struct RegisterRule: Rule {
    static let rules = [
        RuleInfo("register-row", "A row of the official register of municipalities cannot be read, or a value of it is wrong."),
    ]

    /// The rule reads the register alone.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        !delta.changed.contains { $0 == MunicipalityRegister.fileName || $0.hasSuffix("/" + MunicipalityRegister.fileName) }
    }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        guard let path = c.network.tree.references[MunicipalityRegister.fileName]?.path, let register = c.network.register else { return [] }
        return register.problems.map { p in
            .error("register-row", p.message,
                   at: SourceSpan(file: path, start: SourcePosition(line: p.line, column: p.column),
                                  end: SourcePosition(line: p.line, column: p.endColumn)),
                   help: p.help)
        }
    }
}
