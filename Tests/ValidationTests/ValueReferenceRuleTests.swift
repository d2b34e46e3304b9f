import Foundation
import Model
import XCTest

/// Model prose that names an adaptable value (`{{value …}}`).
final class ValueReferenceRuleTests: XCTestCase {
    static let service = "model/services/company-creation.md"

    func testAReferenceToAnAdaptableValueConforms() throws {
        try assertDiagnostics([]) { t in
            try t.replace(ValueReferenceRuleTests.service, "Acompanyament per crear una empresa;",
                          "Acompanyament per crear una empresa, amb primera cita en {{value service/company-creation/commitments/first-appointment/target}};")
        }
    }

    func testAReferenceThatLeadsNowhereOrToAFixedValue() throws {
        try assertDiagnostics([
            "value-ref-unknown model/services/company-creation.md:33:1: '{{value service/company-creation/commitments/second-appointment/target}}': service 'company-creation' has no value at 'commitments/second-appointment/target'",
            "value-ref-unknown model/services/company-creation.md:34:7: '{{value service/company-creation/area}}': field 'area' of service 'company-creation' is not adaptable, so every handbook shows the model's value",
            "value-ref-unknown model/services/company-creation.md:35:1: '{{value service/no-such-service/duration}}': no service 'no-such-service' in the model",
        ]) { t in
            try t.write(ValueReferenceRuleTests.service, try t.read(ValueReferenceRuleTests.service)
                + "\n{{value service/company-creation/commitments/second-appointment/target}}\nÀrea: {{value service/company-creation/area}}\n{{value service/no-such-service/duration}}\n")
        }
    }

    /// Double braces that are not a placeholder would be printed as written: an error at
    /// them, spanning to the closing braces (or the line's end). Code keeps its braces.
    func testDoubleBracesThatAreNotAPlaceholderAreAnError() throws {
        let body = "\nUn {{valeu service/company-creation/duration}} i {{ value service/company-creation/duration }} i {{value}} i `{{codi}}` i {{value service/x\n"
            + "```\n{{dins d'un bloc de codi}}\n```\nCanals: {{value service/company-creation/channels}}\n"
        try assertDiagnostics([
            "value-ref-syntax model/services/company-creation.md:33:4: '{{valeu service/company-creation/duration}}' is not a value placeholder, and would be printed as it is",
            "value-ref-syntax model/services/company-creation.md:33:50: '{{ value service/company-creation/duration }}' is not a value placeholder, and would be printed as it is",
            "value-ref-syntax model/services/company-creation.md:33:98: '{{value}}' is not a value placeholder, and would be printed as it is",
            "value-ref-syntax model/services/company-creation.md:33:123: '{{value service/x' is not a value placeholder, and would be printed as it is",
            "value-ref-unknown model/services/company-creation.md:37:9: '{{value service/company-creation/channels}}': 'channels' of service 'company-creation' holds a list, not one value",
        ]) { t in
            try t.write(ValueReferenceRuleTests.service, try t.read(ValueReferenceRuleTests.service) + body)
        }
    }
}
