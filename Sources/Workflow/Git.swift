import Foundation

import Model
import Tools

/// The git commands `oae impact` needs, on top of `Git.run` (Model).
extension Git {
    /// Runs git and returns its output, or throws with git's message.
    static func check(_ args: [String], in root: URL, what: String) throws -> Output {
        guard let result = run(args, in: root) else { throw WorkflowError("could not run git") }
        guard result.status == 0 else {
            let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw WorkflowError("\(what) failed" + (message.isEmpty ? "" : ": \(message)"))
        }
        return result
    }

    /// NUL-separated paths (`-z` output).
    static func paths(_ data: Data) -> [String] {
        data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
    }
}
