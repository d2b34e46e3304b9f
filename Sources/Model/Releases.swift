import Loading

extension Kind {
    /// A proposal to change the model (`model/proposals/<id>.yaml`).
    public static let proposal: Kind = "proposal"
    /// The model's releases (`model/releases.yaml`).
    public static let releaseHistory: Kind = "release-history"
    /// What every office's service charter says beyond the tree (`model/charter.yaml`).
    public static let charterTemplate: Kind = "charter-template"
}

/// A semantic version (`1.1.0`), compared number by number.
public struct SemanticVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var major: Int, minor: Int, patch: Int

    /// Parses `MAJOR.MINOR.PATCH`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(ascii: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2], a >= 0, b >= 0, c >= 0 else { return nil }
        (major, minor, patch) = (a, b, c)
    }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}

/// One release of the model, from `model/releases.yaml`.
public struct ModelRelease: Sendable {
    public var version: String
    public var date: Day?
    /// The accepted proposals it publishes.
    public var proposals: [String]
    public var summary: Node?
    /// The release's item, for positions.
    public var node: Node
}

extension Network {
    /// The model's releases in the order of the file (oldest first).
    public var releases: [ModelRelease] {
        (modelDocuments(.releaseHistory).first?.root?.sequence(at: "releases") ?? []).compactMap { item in
            guard let version = item.string(at: "version") else { return nil }
            return ModelRelease(version: version, date: item.string(at: "date").flatMap(Day.init),
                                proposals: (item.sequence(at: "proposals") ?? []).compactMap(\.string),
                                summary: item["summary"], node: item)
        }
    }

    /// The releases after `version` up to the model's own version, oldest first: what
    /// changed since an adaptation's `base_model_version`.
    public func releases(after version: String) -> [ModelRelease] {
        guard let base = SemanticVersion(version) else { return [] }
        let current = SemanticVersion(settings.version)
        return releases.filter { r in
            guard let v = SemanticVersion(r.version) else { return false }
            return v > base && (current.map { v <= $0 } ?? true)
        }
    }
}
