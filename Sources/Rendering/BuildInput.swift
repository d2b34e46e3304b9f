import Foundation
import Loading
import Model
import Resolution

/// What every output is built from: the checked network, each municipality's resolved
/// view, and the source revision and date that make the build reproducible.
public struct BuildInput: Sendable {
    public let root: URL
    public let network: Network
    public let resolved: [ResolvedMunicipality]
    /// The git commit of the tree (`git rev-parse HEAD`), or "unversioned".
    public let sourceRevision: String
    /// Seconds since 1970 of the source: SOURCE_DATE_EPOCH, else the last commit's date.
    public let sourceEpoch: Int
    public let toolVersion: String

    public init(root: URL, network: Network, resolved: [ResolvedMunicipality], sourceRevision: String,
                sourceEpoch: Int, toolVersion: String) {
        self.root = root
        self.network = network
        self.resolved = resolved
        self.sourceRevision = sourceRevision
        self.sourceEpoch = sourceEpoch
        self.toolVersion = toolVersion
    }

    /// The day of the source (dates printed in outputs come from it, never from the clock).
    public var sourceDay: Day { Day(unixSeconds: sourceEpoch) }

    public var languages: [String] { network.settings.languages }
    public var defaultLanguage: String { network.settings.defaultLanguage }

    public func localizer(_ language: String) -> Localizer {
        Localizer(language: language, defaultLanguage: defaultLanguage)
    }
}
