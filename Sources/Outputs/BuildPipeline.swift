import Diagnostics
import Foundation
import Model
import Publishing
import Rendering

/// Every output step of `oae build`, in the order they run: a step may read the folders
/// of the steps before it (the site links the handbooks and the open data). Adding an
/// output is adding a step here.
public enum OutputSteps {
    public static let all: [any OutputStep] = [HandbookStep(), OpenDataStep(), SiteStep()]

    /// The steps of the given names, in registry order.
    public static func named(_ names: Set<String>) -> [any OutputStep] { all.filter { names.contains($0.name) } }

    /// Every step's check, for `oae check`: what would make a build fail or write wrong
    /// output, found before any build.
    public static func check(_ network: Network) -> [Diagnostic] { all.flatMap { $0.check(network) } }
}

/// Runs output steps over one checked build input into one staging tree, which replaces
/// the output folder in one atomic exchange when every step has succeeded (`OutputTree`).
/// A step that fails leaves the previous output whole.
public enum BuildPipeline {
    /// What a build did.
    public struct Report: Sendable {
        /// The lines the steps reported, in order.
        public var lines: [String]
        /// Seconds each step took, by step name.
        public var seconds: [(String, Double)]
    }

    /// Runs `steps` into `out`. Throws `OutputError` (another build running, a folder that
    /// cannot be written, a step that failed) or a step's own error; the output is then
    /// as it was.
    public static func run(_ input: BuildInput, out: URL, steps: [any OutputStep],
                           settings: BuildSettings = BuildSettings()) throws -> Report {
        let tree = try OutputTree.begin(out, rebuilding: Set(steps.map(\.name)))
        var report = Report(lines: [], seconds: [])
        do {
            for step in steps {
                let started = Date()
                report.lines += try step.write(input, into: tree, settings: settings)
                report.seconds.append((step.name, Date().timeIntervalSince(started)))
            }
            try tree.commit()
        } catch {
            tree.abandon()
            throw error
        }
        return report
    }
}
