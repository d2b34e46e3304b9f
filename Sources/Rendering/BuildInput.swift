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
    /// The day the writer asked the build to be as of (`--as-of`), or nil: see `stateDay`.
    public let asOf: Day?
    /// The whole build's `stateDay` (`--as-of`, else the day of the tree's `SourceInfo`: the
    /// check's day), kept in a handbook's input, whose own source day is its stamp's.
    public let buildStateDay: Day

    public init(root: URL, network: Network, resolved: [ResolvedMunicipality], sourceRevision: String,
                sourceEpoch: Int, toolVersion: String, sourceModified: Bool = false, stamps: SourceStamps? = nil,
                asOf: Day? = nil, buildStateDay: Day? = nil) {
        self.root = root
        self.network = network
        self.resolved = resolved
        self.sourceRevision = sourceRevision
        self.sourceEpoch = sourceEpoch
        self.toolVersion = toolVersion
        self.sourceModified = sourceModified
        self.stamps = stamps ?? SourceStamps(uniform: .init(revision: sourceRevision, epoch: sourceEpoch, modified: sourceModified))
        self.asOf = asOf
        self.buildStateDay = buildStateDay ?? asOf ?? Day(unixSeconds: sourceEpoch)
    }

    /// The input a municipality's handbooks are rendered from: this one, with the revision
    /// and date of the last change to the handbook's own inputs (`SourceStamps.handbook`).
    public func handbook(_ municipality: String) -> BuildInput {
        let stamp = stamps.handbook(municipality)
        return BuildInput(root: root, network: network, resolved: resolved, sourceRevision: stamp.revision,
                          sourceEpoch: stamp.epoch, toolVersion: toolVersion, sourceModified: stamp.modified, stamps: stamps,
                          asOf: asOf, buildStateDay: buildStateDay)
    }

    /// The day of the source (dates printed in outputs come from it, never from the clock).
    public var sourceDay: Day { Day(unixSeconds: sourceEpoch) }

    /// The day the site tells states as of: whether an agreement is in force or has
    /// expired, whether an open follow-up issue is overdue, how many of an office's posts
    /// are filled and its training done (the expansion page); a handbook tells its
    /// records' as of `recordStateDay`. `--as-of` when the writer gave it (the check's rules about time are run as
    /// of the same day), else the source's day: the outputs never read the clock. What
    /// the outputs say of the source itself (its revision and date in every footer and on
    /// the control page, a dataset's period, a sitemap's dates) stays the source's.
    public var stateDay: Day { asOf ?? sourceDay }

    /// The day a municipality's handbooks tell the states of its office's records as of
    /// (the agreements it relies on, the issues of its follow-up): `--as-of` when given;
    /// else the latest day after the handbook's own date (`SourceStamps.handbook`), up to
    /// the build's (`buildStateDay`, the check's day), on which one of those states changes
    /// (`Document.agreementStateChanges`, `FollowUpIssueState.changes`, `FollowUpActionState.changes`), or the handbook's
    /// own date when none does. The handbook then tells each state as it stands on the
    /// check's day, and keeps its bytes (and its PDF) until a state changes: a handbook
    /// carries the date of its own inputs (issue 13). Session 28's trial found a renewal
    /// due (`agreement-expiring` in the check) told "in force" in a handbook whose office
    /// had not changed; session 29's, an issue the check and the site called overdue told
    /// "open".
    public func recordStateDay(_ municipality: String) -> Day {
        if let asOf { return asOf }
        let own = Day(unixSeconds: stamps.handbook(municipality).epoch)
        let changes = network.reliedAgreements(municipality).compactMap(\.document).flatMap(\.agreementStateChanges)
            + FollowUpIssueState.changes(network.municipalities[municipality]?.single(.followUp)?.root)
            + FollowUpActionState.changes(network.municipalities[municipality]?.single(.followUp)?.root)
        return changes.filter { $0 > own && $0 <= buildStateDay }.max() ?? own
    }

    public var languages: [String] { network.settings.languages }
    public var defaultLanguage: String { network.settings.defaultLanguage }

    public func localizer(_ language: String) -> Localizer {
        Localizer(language: language, defaultLanguage: defaultLanguage)
    }
}
