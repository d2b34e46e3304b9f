/// The script the preview adds to every page it serves (never to built files): it
/// listens to /__oae/events, reloads on a good build and shows the errors of a broken
/// one in an overlay with file, line and message. A good build's warnings are a box in
/// the page's lower right corner, over the page but not covering it: open with the list
/// until its title, a button, closes it; closed, the same warnings are taken as read in
/// that tab (`sessionStorage`) and its next pages show the button alone. Text only goes in with textContent. The
/// overlay is opaque and lives in a shadow root, its styles set important: the page's
/// styles neither reach it nor show through (s12's fresh user read the errors over the
/// page's heading).
public enum LiveReload {
    public static let scriptPath = "/__oae/live.js"
    public static let eventsPath = "/__oae/events"

    public static let script = """
        (function () {
          "use strict";
          var host = null;
          // Every property marked important, on elements of a shadow root: the page's own
          // styles (its h2 rule, its colours) cannot reach them, nor show through.
          function css(el, props) { for (var k in props) { el.style.setProperty(k, props[k], "important"); } }
          function clear() { if (host) { host.remove(); host = null; } }
          function show(report) {
            clear();
            host = document.createElement("div");
            host.id = "oae-error-overlay";
            css(host, { "all": "initial", "display": "block", "position": "fixed", "inset": "0", "z-index": "2147483647" });
            var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
            var panel = document.createElement("div");
            panel.setAttribute("role", "alert");
            css(panel, { "position": "absolute", "inset": "0", "overflow": "auto", "box-sizing": "border-box",
                         "background": "#1e1e1e", "color": "#f5f5f5", "padding": "2rem",
                         "font": "15px/1.5 ui-monospace, monospace", "text-align": "left" });
            var title = document.createElement("h2");
            var n = report.diagnostics.length;
            title.textContent = "oae check: " + n + (n === 1 ? " problem" : " problems") + "; "
              + (report.shows_last_build === false ? "the preview starts once the tree builds" : "the preview shows the last good build");
            css(title, { "margin": "0 0 1.5rem", "padding": "0", "border": "none", "color": "#ff8a80",
                         "font": "bold 20px/1.3 ui-monospace, monospace" });
            panel.appendChild(title);
            report.diagnostics.forEach(function (d) {
              var p = document.createElement("p");
              p.textContent = line(d);
              css(p, { "margin": "0 0 0.25rem", "max-width": "none", "white-space": "pre-wrap", "color": "#f5f5f5" });
              panel.appendChild(p);
              if (d.help) {
                var h = document.createElement("p");
                h.textContent = "  help: " + d.help;
                css(h, { "margin": "0 0 1rem", "max-width": "none", "white-space": "pre-wrap", "color": "#b0bec5" });
                panel.appendChild(h);
              }
            });
            root.appendChild(panel);
            document.body.appendChild(host);
          }
          function line(d) {
            return (d.file ? d.file + (d.line ? ":" + d.line + ":" + d.column : "") + ": " : "") + d.severity + "[" + d.rule + "]: " + d.message;
          }
          var box = null;
          function warn(data) {
            if (box) { box.remove(); box = null; }
            var report = JSON.parse(data);
            var n = report.diagnostics.length;
            if (n === 0) { return; }
            // The warnings by rule, file and message, not by line: a warning that only moved
            // (a line added above it) is one the writer has seen (as the terminal says).
            var key = JSON.stringify(report.diagnostics.map(function (d) { return [d.rule, d.file, d.message]; }));
            var seen = null;
            try { seen = window.sessionStorage.getItem("oae-warnings"); } catch (e) {}
            box = document.createElement("div");
            box.id = "oae-warnings";
            css(box, { "all": "initial", "display": "block", "position": "fixed", "right": "1rem", "bottom": "1rem",
                       "z-index": "2147483646", "max-width": "min(48rem, calc(100vw - 2rem))" });
            var root = box.attachShadow ? box.attachShadow({ mode: "open" }) : box;
            var panel = document.createElement("section");
            panel.setAttribute("aria-label", "oae check");
            css(panel, { "box-sizing": "border-box", "background": "#1e1e1e", "color": "#f5f5f5", "padding": "0.5rem 0.75rem",
                         "border": "2px solid #ffd54f", "border-radius": "4px", "font": "14px/1.5 ui-monospace, monospace",
                         "text-align": "left", "max-height": "50vh", "overflow": "auto" });
            var toggle = document.createElement("button");
            toggle.type = "button";
            var title = "oae check: " + n + (n === 1 ? " warning" : " warnings");
            css(toggle, { "background": "none", "border": "none", "padding": "0", "margin": "0", "cursor": "pointer", "color": "#ffd54f", "font": "bold 14px/1.5 ui-monospace, monospace",
                          "text-decoration": "underline" });
            var list = document.createElement("div");
            report.diagnostics.forEach(function (d) {
              var p = document.createElement("p");
              p.textContent = line(d);
              css(p, { "margin": "0.5rem 0 0", "white-space": "pre-wrap", "color": "#f5f5f5" });
              list.appendChild(p);
              if (d.help) {
                var h = document.createElement("p");
                h.textContent = "  help: " + d.help;
                css(h, { "margin": "0", "white-space": "pre-wrap", "color": "#b0bec5" });
                list.appendChild(h);
              }
            });
            function open(yes) {
              list.hidden = !yes;
              toggle.setAttribute("aria-expanded", yes ? "true" : "false");
              toggle.textContent = title + (yes ? " · hide" : " · show");
            }
            // Closed, they are taken as read: the next pages of the tab show the button alone
            // until the warnings change.
            toggle.addEventListener("click", function () {
              open(list.hidden);
              if (list.hidden) { try { window.sessionStorage.setItem("oae-warnings", key); } catch (e) {} }
            });
            open(seen !== key);
            panel.appendChild(toggle);
            panel.appendChild(list);
            root.appendChild(panel);
            document.body.appendChild(box);
          }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function () { clear(); window.location.reload(); });
          source.addEventListener("errors", function (e) { if (box) { box.remove(); box = null; } show(JSON.parse(e.data)); });
          source.addEventListener("warnings", function (e) { warn(e.data); });
        })();

        """

    /// Adds the script to an HTML page, before `</body>` (or at the end), and lets the
    /// page's own policy run it (`allowingScript`).
    public static func inject(_ html: String) -> String {
        let tag = "<script src=\"\(scriptPath)\" defer></script>"
        let page = allowingScript(html)
        if let range = page.range(of: "</body>", options: .backwards) {
            return page.replacingCharacters(in: range, with: tag + "</body>")
        }
        return page + tag
    }

    /// The page with 'self' in the `script-src` and `connect-src` of its
    /// Content-Security-Policy `<meta>`, when it has one: a handbook's (`default-src 'none'`)
    /// refused the script, so its preview had no warnings box, no error overlay and no
    /// reload (session 44's review). In the preview only: the built files keep theirs.
    static func allowingScript(_ html: String) -> String {
        let opening = "<meta http-equiv=\"Content-Security-Policy\" content=\""
        guard let start = html.range(of: opening), let end = html.range(of: "\"", range: start.upperBound..<html.endIndex) else { return html }
        // The attribute as written may escape its quotes (`&#39;self&#39;`, as the site's
        // templates write it): read, then written back, with plain quotes.
        var content = String(html[start.upperBound..<end.lowerBound])
        for (entity, character) in [("&#39;", "'"), ("&#x27;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            content = content.replacingOccurrences(of: entity, with: character)
        }
        var directives = content.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in ["script-src", "connect-src"] {
            if let i = directives.firstIndex(where: { $0 == name || $0.hasPrefix(name + " ") }) {
                if !directives[i].split(separator: " ").contains("'self'") { directives[i] += " 'self'" }
            } else {
                directives.append("\(name) 'self'")
            }
        }
        return html.replacingCharacters(in: start.upperBound..<end.lowerBound, with: directives.joined(separator: "; "))
    }
}
