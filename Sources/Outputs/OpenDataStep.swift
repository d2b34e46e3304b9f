import Diagnostics
import Foundation
import Model
import OpenData
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

    /// The words of enumerations in each language, from the site's interface strings.
    static func labels(_ input: BuildInput) -> Labels {
        let strings = input.network.tree.uiStrings
        var table: [String: [String: String]] = [:]
        for language in input.languages {
            let ui = UIStrings(language: language, own: strings["site/\(language)"]?.node,
                               fallback: strings["site/\(input.defaultLanguage)"]?.node)
            table[language] = ui.dictionary
        }
        let frozen = table
        return { language, key in frozen[language]?[key] }
    }
}
