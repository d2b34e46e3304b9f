import Foundation
import Model

/// Where a command may write its output folder. oae replaces its output folder whole, in
/// one exchange (`OutputTree`), and reads the tree's `model/`, `seeds/` and `templates/`:
/// an output folder that is the tree's root, holds it, or lies inside what oae reads (or
/// inside `.git`) would put a copy of the tree, as it was when the build began, in the
/// place of the writer's files, or write pages into the tree.
public enum OutputPlace {
    /// Why `out` cannot be the output folder of the tree at `root`; nil when it can. Paths
    /// are compared with symbolic links resolved (`out` need not exist).
    public static func refusal(_ out: URL, root: URL) -> String? {
        let target = resolved(out), tree = resolved(root)
        let shown = out.path
        if target == tree || tree.hasPrefix(target == "/" ? "/" : target + "/") {
            return "\(shown) is the tree's root or a folder that holds it: oae replaces its output folder whole, "
                + "so it would replace the tree; choose a folder outside the tree's folders (the default is output/ under the root)"
        }
        for folder in TreeLayout.contentFolders + [".git"] {
            let inside = tree + "/" + folder
            if target == inside || target.hasPrefix(inside + "/") {
                return "\(shown) is inside the tree's \(folder)/, "
                    + (folder == ".git" ? "which git keeps" : "which oae reads")
                    + ": choose a folder outside \(TreeLayout.contentFolders.map { $0 + "/" }.joined(separator: ", ")) and .git/ "
                    + "(the default is output/ under the root)"
            }
        }
        return nil
    }

    /// Creates the output folder `folder` (and its parents) if it does not exist. Throws
    /// `OutputError.unwritable` naming it as `shown`: "it is a file, not a folder" when a
    /// file stands there, else the reason of `OutputError.reason` (a system file system,
    /// permissions…), whose advice to write elsewhere is `elsewhere`'s.
    public static func create(_ folder: URL, shown: String, elsewhere: String? = OutputError.useOut) throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw OutputError.unwritable(folder: shown, reason: "it is a file, not a folder")
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.unwritable(folder: shown, reason: OutputError.reason(error, at: folder.path, elsewhere: elsewhere))
        }
    }

    /// The output folder a command writes when it is given `out`: `out` itself, or, when
    /// `out` is a symbolic link, the folder the link leads to (links resolved; it need not
    /// exist yet), so that a build swaps that folder and the link stays. A build swapped
    /// the link itself for a folder of its own, and the link's target kept only a lock
    /// (session 41's trial: an `output/` linked to another disk).
    public static func followingLink(_ out: URL) -> URL {
        var st = stat()
        guard lstat(out.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK,
              let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: out.path) else { return out }
        let target = destination.hasPrefix("/") ? URL(fileURLWithPath: destination)
            : out.deletingLastPathComponent().appendingPathComponent(destination)
        return URL(fileURLWithPath: resolved(target), isDirectory: true)
    }

    /// The absolute path of `url` with the symbolic links of its longest existing part
    /// resolved, and the rest appended as written.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for part in rest { path += (path.hasSuffix("/") ? "" : "/") + part }
        return path
    }
}
