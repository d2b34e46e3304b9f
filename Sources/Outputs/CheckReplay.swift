import Foundation
import Loading
import Model
import Publishing
import Rendering
import Tools

/// A warm `oae build` without the check (issue 13): when nothing a build reads has changed
/// since the build that wrote the output, that build's check is replayed (its warnings,
/// kept in the dependency record) and its outputs are kept, without loading the tree.
///
/// The key (`CheckReplay.key`) is a SHA-256 of everything the check and the outputs'
/// units depend on besides the bytes of the files, and of the stamps of the files:
/// - every entry of the walk of `model/`, `seeds/` and `templates/` that the check reads
///   (`FileTree.list`; a build loads the tree from this same walk): each file's path, size,
///   modification and change times (nanoseconds), device and inode; each entry the walk
///   refused (a link, a special file, an unreadable folder, a name not in UTF-8) with its
///   reason;
/// - the `oae` binary that runs (`/proc/self/exe`: device, inode, size, modification and
///   change times), so another or a rebuilt binary checks again;
/// - the day the rules are checked as of, and the tree's revision, date and where the
///   date comes from (`SourceInfo`); in a git repository also the output of
///   `git status --porcelain` over the content folders (the handbooks' own revisions come
///   from HEAD's history, fixed by HEAD's revision, and from that status);
/// - the steps asked for and the build's settings (municipalities, languages, PDF
///   options, search), the environment variables oae reads (`PATH`, `OAE_PYTHON`,
///   `OAE_PAGEFIND`, `SOURCE_DATE_EPOCH`, `OAE_TEMPLATE_ENGINE`), the current folder, and
///   the tools a unit's key names (the PDF engine and its version, the Python of the
///   spreadsheet, Pagefind).
///
/// A file changed after its stamp was taken always changes its change time, which the
/// system sets and no one can set back, except within the clock's resolution: a file
/// whose change time is less than `CheckReplay.settle` before the walk is "racy" (as in
/// git's index), and a build that sees one records no key, so that the next build checks
/// again. The binary's stamp stands for its bytes: a binary replaced by another with the
/// same inode, size and times (only by setting the clock back) would not be seen.
public enum CheckReplay {
    /// The key of a build, and whether it may be recorded (`racy` is false).
    public struct Key: Sendable, Equatable {
        public var hex: String
        /// True when a file changed too recently for its stamp to stand for its bytes.
        public var racy: Bool
    }

    /// How long before the walk a file's last change must be for its stamp to count.
    public static let settle: Double = 2

    /// The stamp of the running binary (`/proc/self/exe`), "unknown" when it cannot be
    /// read (then the key never matches a build made by a binary whose stamp was read).
    public static var binary: String { BuildCache.binary }

    /// The key of a build of the tree at `root` as of `asOf` (given with `--as-of`, or
    /// not: `ValidationContext.asOfGiven`), running `steps` with `settings`; `tool` stands
    /// for the binary, `now` for the time of the walk (taken before it); `today`, the day the
    /// dates of what was done are compared with without `--as-of`. `listing` is the
    /// walk, when the build made it to load the tree from it too (else it is made here).
    public static func key(root: URL, asOf: Day, asOfGiven: Bool = false, today: Day? = nil, source: SourceInfo, steps: [String],
                           settings: BuildSettings, tool: String = binary, now: Date = Date(),
                           git: SourceStamps.GitAnswers? = nil, listing: FileTree.Listing? = nil) -> Key {
        var hash = ContentHash()
        func part(_ text: String) {
            hash.update(text)
            hash.update([0])
        }
        part("oae check replay 1")
        part(tool)
        part(root.standardizedFileURL.path)
        part(FileManager.default.currentDirectoryPath)
        part(asOf.description + (asOfGiven ? " given" : ""))
        // The day dates of what was done are compared with: a replay on another day may not
        // pass what it passed (a quarter not over then is over now, and the reverse).
        part(today.map { "today \($0)" } ?? "no today")
        part("\(source.revision) \(source.epoch) \(source.dateOrigin.rawValue)")
        let environment = settings.environment
        for name in ["PATH", "OAE_PYTHON", "OAE_PAGEFIND", "SOURCE_DATE_EPOCH", Templates.engineVariable] {
            part(name + (environment[name].map { "=" + $0 } ?? " unset"))
        }
        part(steps.joined(separator: ","))
        part(settings.municipalities.joined(separator: ","))
        part(settings.languages.joined(separator: ","))
        part("\(settings.requirePDF) \(settings.skipPDF) \(settings.typstSource) \(settings.skipSearch)")
        // The tools the units' keys name, found as the steps find them.
        let engine = settings.skipPDF ? nil : HandbookStep.engine(root: root, environment: environment)
        part(engine.map { "typst \($0.version) \($0.python.path) \(TypstEngine.fontFolders)" } ?? "no engine")
        part(Spreadsheet.locatePython(root: root, environment: environment)?.path ?? "no Python")
        part(settings.skipSearch ? "no search" : Pagefind.locate(root: root, environment: environment)?.path ?? "no Pagefind")
        if source.revision != SourceInfo.unversioned {
            let status = git.map { $0.status } ?? Git.run(SourceStamps.statusArguments, in: root)
            part(status.map { "\($0.status) " + String(decoding: $0.stdout, as: UTF8.self) } ?? "no git")
        }
        let listing = listing ?? FileTree.list(root: root, folders: TreeLayout.contentFolders)
        let recent = Int((now.timeIntervalSince1970 - settle) * 1_000_000_000)
        var racy = false
        for (path, stamp) in zip(listing.files, listing.stamps) {
            part(path)
            part("\(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.device) \(stamp.inode)")
            if stamp.changed >= recent || stamp.modified >= recent { racy = true }
        }
        part("refused")
        for skipped in listing.skipped {
            part(skipped.path)
            part("\(skipped.reason)")
        }
        return Key(hex: hash.hexDigest(), racy: racy)
    }

    /// What a replayed build reports: the lines a build that kept every unit prints, and
    /// the warnings of the check it replays (`JSONReport.compact`).
    public struct Replayed: Sendable, Equatable {
        public var lines: [String]
        public var warnings: String
    }

    /// The replay of the build that wrote `out`, when its record holds `key` and every
    /// file its units need is still there; nil otherwise (the build then checks and
    /// plans as usual). Confirmed holding the output's lock, so that no build was writing.
    public static func replay(out: URL, key: Key) throws -> Replayed? {
        guard !key.racy else { return nil }
        // The record read first, kept for the look under the lock while its file is the same
        // (the same stamp): a warm build read and decoded it twice.
        var first: (stamp: FileTree.FileStamp, check: BuildRecord.Check?)?
        func record() -> BuildRecord.Check? {
            if let first {
                var st = stat()
                if stat(out.appendingPathComponent(BuildRecord.path).path, &st) == 0,
                   (st.st_mode & S_IFMT) == S_IFREG, FileTree.FileStamp(st) == first.stamp {
                    return first.check
                }
            }
            guard let read = BuildRecord.check(out: out) else { return nil }
            first = (read.stamp, read.check)
            return read.check
        }
        func look() -> Replayed? {
            guard let check = record(), check.key == key.hex,
                  check.files.allSatisfy({ FileManager.default.fileExists(atPath: out.appendingPathComponent($0).path) })
            else { return nil }
            return Replayed(lines: check.lines, warnings: check.warnings)
        }
        // Looked for first without the lock: a miss costs no staging folder.
        guard look() != nil else { return nil }
        var found: Replayed?
        // A build that began meanwhile: given up (its staging folder removed), the build checks.
        try OutputTree.begin(out, rebuilding: [], unless: {
            found = look()
            return found != nil
        })?.abandon()
        return found
    }
}
