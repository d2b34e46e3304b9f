import Foundation

/// Values a command keeps until the process exits, instead of freeing them when it is done
/// with them: a build that exits once done does not free its millions of values one by one
/// on one core (0.1 s at 947 municipalities, issue 13). Only for commands that exit after
/// one build (`BuildSettings.keepUntilExit`), never for the preview.
public enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    public static func keep(_ value: Any) { lock.withLock { values.append(value) } }

    /// Frees `value` on a thread of its own, once `gate` is signalled (when the caller has
    /// dropped its own references): its memory is then free for what the build makes next,
    /// and its freeing off the build's path.
    public static func free(_ value: Any, after gate: DispatchSemaphore) {
        nonisolated(unsafe) var held: Any? = value
        DispatchQueue.global(qos: .utility).async {
            gate.wait()
            held = nil
        }
    }
}
