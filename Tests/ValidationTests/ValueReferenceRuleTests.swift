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
}
