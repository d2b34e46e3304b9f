import Dispatch

/// The queue oae handles SIGINT and SIGTERM on (a build's, `oae serve`'s): a serial queue of
/// its own, which libdispatch runs on an overcommitting thread, one it makes even while a
/// build keeps every thread of the global queue busy. On `.global()` a Ctrl-C during a
/// build or a preview's rebuild waited for a thread to come free (1 to 4 s in session 38's
/// trial of `oae serve`).
public enum SignalQueue {
    public static let queue = DispatchQueue(label: "oae.signals")
}
