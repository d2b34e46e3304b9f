import Diagnostics
import Foundation
import Model
import OAECommands
import XCTest

/// The faults s14's regression hunt found in the check's rules (`/work/notes/s14-regressions.md`
/// LOW 7), each for its whole kind, each asserting the exact diagnostic.
extension FreshUserRuleTests {
    /// An override of a procedure (or service, or indicator) that names nothing: one
    /// error at its key, `ref-unknown` with its did-you-mean (there were two, the other
    /// `override-unknown-target` without a hint). An override of a service the office
    /// does not offer stays `override-unknown-target`.
    func testAnOverrideOfAnUnknownTargetIsOneErrorWithItsDidYouMean() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:9:5: error[ref-unknown]: unknown procedure 'welcome-and-triag'\n"
                + "  = help: did you mean 'welcome-and-triage'?\n",
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:12:5: error[ref-unknown]: unknown service 'company-creatio'\n"
                + "   = help: did you mean 'company-creation'?\n",
        ], ["override-unknown-target", "ref-unknown"]) { t in
            try t.replace(Self.adaptation, "overrides:\n  services:\n    company-creation:\n", """
                overrides:
                  procedures:
                    welcome-and-triag:
                      steps: []
                  services:
                    company-creatio:

                """)
        }
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/adaptation.yaml:9:5: error[override-unknown-target]: override of service 'grants-information': the municipality does not offer it (omitted, or optional and not adopted)\n"
                + "  = help: remove the override\n",
        ], ["override-unknown-target", "ref-unknown"]) { t in
            try t.replace(Self.adaptation, "overrides:\n  services:\n", "overrides:\n  services:\n    grants-information:\n      channels: [phone]\n")
        }
    }
}
