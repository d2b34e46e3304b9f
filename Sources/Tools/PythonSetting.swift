import Foundation

/// What `OAE_PYTHON` says, for the notes of a build that found no Python for a tool: a
/// variable that names a file that is not there (a `.venv` not made on this machine) is
/// said as such, rather than as "not found, set OAE_PYTHON" (session 35's trial).
public enum PythonSetting {
    /// Why `OAE_PYTHON` names no Python: the path it names does not exist, is a folder, or
    /// is not an executable file. Nil when it is unset, empty, `off` (no Python, on purpose) or an
    /// executable file.
    public static func problem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let configured = environment["OAE_PYTHON"], !configured.isEmpty, configured != "off" else { return nil }
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if !fm.fileExists(atPath: configured, isDirectory: &isFolder) { return "OAE_PYTHON names \(configured), which does not exist" }
        if isFolder.boolValue { return "OAE_PYTHON names \(configured), a folder, not the Python in it (such as .venv/bin/python)" }
        if !fm.isExecutableFile(atPath: configured) { return "OAE_PYTHON names \(configured), which is not an executable file" }
        return nil
    }

    /// The hint of a note about a tool whose Python was not found: `problem` with what to
    /// do about it (`package`: the Python package the tool needs), else `hint` as it is.
    public static func hint(_ hint: String, package: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let problem = problem(environment: environment) else { return hint }
        return "\(problem): unset it, or set it to a Python that has \(package) (scripts/setup.sh makes .venv/ with it)"
    }
}
