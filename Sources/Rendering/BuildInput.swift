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
    /// The git commit of the tree (`git rev-parse HEAD`), or `SourceInfo.unversioned`.
    public let sourceRevision: String
    /// Seconds since 1970 of the source: SOURCE_DATE_EPOCH, else the last commit's date.
    public let sourceEpoch: Int
    public let toolVersion: String
    /// True when `sourceRevision` is HEAD's with uncommitted changes to what is built.
    public let sourceModified: Bool
    /// The revision and date of each output's own inputs (`SourceStamps`); every stamp is
    /// `sourceRevision` and `sourceEpoch` unless given.
    public let stamps: SourceStamps

    public init(root: URL, network: Network, resolved: [ResolvedMunicipality], sourceRevision: String,
                sourceEpoch: Int, toolVersion: String, sourceModified: Bool = false, stamps: SourceStamps? = nil) {
        self.root = root
        self.network = network
        self.resolved = resolved
        self.sourceRevision = sourceRevision
        self.sourceEpoch = sourceEpoch
        self.toolVersion = toolVersion
        self.sourceModified = sourceModified
        self.stamps = stamps ?? SourceStamps(uniform: .init(revision: sourceRevision, epoch: sourceEpoch, modified: sourceModified))
    }

    /// The input a municipality's handbooks are rendered from: this one, with the revision
    /// and date of the last change to the handbook's own inputs (`SourceStamps.handbook`).
    public func handbook(_ municipality: String) -> BuildInput {
        let stamp = stamps.handbook(municipality)
        return BuildInput(root: root, network: network, resolved: resolved, sourceRevision: stamp.revision,
                          sourceEpoch: stamp.epoch, toolVersion: toolVersion, sourceModified: stamp.modified, stamps: stamps)
    }

    /// The day of the source (dates printed in outputs come from it, never from the clock).
    public var sourceDay: Day { Day(unixSeconds: sourceEpoch) }

    public var languages: [String] { network.settings.languages }
    public var defaultLanguage: String { network.settings.defaultLanguage }

    public func localizer(_ language: String) -> Localizer {
        Localizer(language: language, defaultLanguage: defaultLanguage)
    }
}
