@testable import Diagnostics
import XCTest

/// One error per token, the cause (`leavingOutSchemaEchoes`).
final class SchemaEchoTests: XCTestCase {
    func testTheSchemasEchoesOfACauseAreLeftOut() {
        func at(_ rule: String, _ file: String, _ line: Int, _ column: Int, _ severity: Severity = .error) -> Diagnostic {
            Diagnostic(severity, rule: rule, "\(rule) \(line):\(column)", at: SourceSpan(file: file, line: line, column: column))
        }
        let reading = [at("yaml-number-range", "a.yaml", 3, 7), at("yaml-duplicate-key", "b.yaml", 1, 1, .warning)]
        let rules = [
            at("schema-type", "a.yaml", 3, 7),         // the loader's refused number: left out
            at("ref-unknown", "a.yaml", 3, 7),         // not the schema's: kept
            at("schema-type", "a.yaml", 4, 7),         // another token: kept
            at("schema-format", "o.yaml", 30, 15),     // kept
            at("schema-pattern", "o.yaml", 30, 15),    // its format failed: left out
            at("schema-pattern", "o.yaml", 31, 15),    // alone: kept
            at("schema-type", "b.yaml", 1, 1),         // a warning causes nothing: kept
        ]
        XCTAssertEqual(rules.leavingOutSchemaEchoes(of: reading).map(\.message),
                       ["ref-unknown 3:7", "schema-type 4:7", "schema-format 30:15", "schema-pattern 31:15", "schema-type 1:1"])
        XCTAssertEqual(Array(rules.dropFirst(5)).leavingOutSchemaEchoes(of: []).map(\.message), ["schema-pattern 31:15", "schema-type 1:1"])
    }
}
