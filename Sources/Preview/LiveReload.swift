/// The script the preview adds to every page it serves (never to built files): it
/// listens to /__oae/events, reloads on a good build and shows the errors of a broken
/// one in an overlay with file, line and message. Text only goes in with textContent.
public enum LiveReload {
    public static let scriptPath = "/__oae/live.js"
    public static let eventsPath = "/__oae/events"

    public static let script = """
        (function () {
          "use strict";
          var overlay = null;
          function clear() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(report) {
            clear();
            overlay = document.createElement("div");
            overlay.id = "oae-error-overlay";
            overlay.setAttribute("role", "alert");
            var s = overlay.style;
            s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
            s.background = "rgba(20, 20, 20, 0.94)"; s.color = "#fff"; s.padding = "2rem";
            s.font = "15px/1.5 ui-monospace, monospace";
            var title = document.createElement("h2");
            var n = report.diagnostics.length;
            title.textContent = "oae check: " + n + (n === 1 ? " problem" : " problems") + "; the preview shows the last good build";
            title.style.color = "#ff8a80";
            overlay.appendChild(title);
            report.diagnostics.forEach(function (d) {
              var p = document.createElement("p");
              p.textContent = (d.file ? d.file + ":" + d.line + ":" + d.column + ": " : "") + d.severity + "[" + d.rule + "]: " + d.message;
              overlay.appendChild(p);
              if (d.help) {
                var h = document.createElement("p");
                h.textContent = "  help: " + d.help;
                h.style.color = "#b0bec5";
                overlay.appendChild(h);
              }
            });
            document.body.appendChild(overlay);
          }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function () { clear(); window.location.reload(); });
          source.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
        })();

        """

    /// Adds the script to an HTML page, before `</body>` (or at the end).
    public static func inject(_ html: String) -> String {
        let tag = "<script src=\"\(scriptPath)\" defer></script>"
        if let range = html.range(of: "</body>", options: .backwards) {
            return html.replacingCharacters(in: range, with: tag + "</body>")
        }
        return html + tag
    }
}
