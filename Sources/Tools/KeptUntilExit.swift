import Foundation

/// Values a command keeps until the process exits, instead of freeing them when it is done
/// with them: a build that exits once done does not free its millions of values one by one
/// on one core (0.1 s at 947 municipalities, issue 13). Only for commands that exit after
/// one build (`BuildSettings.keepUntilExit`), never for the preview.
public enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    public static func keep(_ value: Any) { lock.withLock { values.append(value) } }
}
