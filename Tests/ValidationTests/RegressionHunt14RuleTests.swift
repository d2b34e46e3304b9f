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

    /// An office that serves (pilot, open) publishes its address and its opening hours:
    /// each one absent is an error at the status, an empty list of hours at the list. A
    /// planned office (molins-de-rei, without either) may lack them.
    func testAnOfficeThatServesPublishesItsAddressAndHours() throws {
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:6:9: error[office-unpublished]: the office is a pilot, and an office that serves publishes its address; office.yaml has none\n"
                + "  = help: add 'address:' with street, postal_code and locality: the office's page, its handbook and the open data show them\n",
            "seeds/sant-feliu-de-llobregat/office.yaml:6:9: error[office-unpublished]: the office is a pilot, and an office that serves publishes its opening hours; office.yaml has none\n"
                + "  = help: add 'opening_hours:', a list of groups with days, opens and closes (HH:MM): the office's page, its handbook and the open data show them\n",
        ], ["office-unpublished"]) { t in
            try t.removeOfficeDetails()
        }
        try assertRendered([
            "seeds/sant-feliu-de-llobregat/office.yaml:13:16: error[office-unpublished]: the office is open, and an office that serves publishes its opening hours; office.yaml has none\n"
                + "   = note: the office's status at seeds/sant-feliu-de-llobregat/office.yaml:6:9\n"
                + "   = help: add 'opening_hours:', a list of groups with days, opens and closes (HH:MM): the office's page, its handbook and the open data show them\n",
        ], ["office-unpublished"]) { t in
            try t.replace(Self.office, "status: pilot\n", "status: open\n")
            try t.replace(Self.office, "opening_hours:\n  - days: [mo, tu, we, th, fr]\n    opens: \"09:00\"\n    closes: \"14:00\"\n", "opening_hours: []\n")
        }
    }
}
