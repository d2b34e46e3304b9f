import Diagnostics
import Foundation
import Model
import OpenData
import Presentation
import Publishing
import Rendering
import Site

/// `output/data/`: the catalogue as CPSV-AP JSON-LD, the offices as schema.org, CSV.
public struct OpenDataStep: OutputStep {
    public static let folderName = "data"
    public let name = OpenDataStep.folderName
    public let summary = "the open data (CPSV-AP JSON-LD, schema.org, CSV)"
    public let templateFolder: String? = nil

    public init() {}

    public func check(_ network: Network) -> [Diagnostic] { [] }

    public func write(_ input: BuildInput, into tree: OutputTree, settings: BuildSettings) throws -> [String] {
        let folder = try tree.folder(name)
        let files = OpenDataStep.export(input).files()
        do {
            for file in files { try writeFile(folder.appendingPathComponent(file.path), file.data) }
        } catch {
            throw OutputError.unwritable(folder: folder.path, reason: OutputError.reason(error))
        }
        return ["data: \(files.count) files in \(name)/"]
    }

    /// The export of a build input, with the public address of the site.
    static func export(_ input: BuildInput) -> OpenDataExport {
        OpenDataExport(input: input, baseURL: SiteSettings.baseURL(root: input.root), labels: labels(input))
    }

    /// The words and formats of each language, from the interface strings
    /// (`templates/strings/`), the same the handbooks and the site write.
    static func labels(_ input: BuildInput) -> Labels {
        Dictionary(uniqueKeysWithValues: input.languages.map { ($0, ValueFormatter(network: input.network, language: $0)) })
    }
}
