import Foundation

/// Runs git in a folder (through `ChildProcess`, so it dies with oae).
public enum Git {
    public typealias Output = ToolOutput

    /// The output of `git -C root ARGS`, or nil when git cannot be started.
    public static func run(_ args: [String], in root: URL) -> Output? {
        guard let git = ChildProcess.which("git") else { return nil }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        // oae only reads the repository: `git status` then leaves the index as it is rather
        // than taking `.git/index.lock` to refresh it, which a git killed mid-run (Ctrl-C)
        // would leave behind for the writer's next `git add`.
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        return try? ChildProcess.run(git, ["-c", "core.quotepath=off", "-C", root.path] + args, environment: environment)
    }
}
