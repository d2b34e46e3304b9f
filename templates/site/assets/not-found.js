/* The 404 page the server sends for any missing address: it is written in every
   language; this shows only the one the missing address is in (/<base>/<lang>/…) and
   titles the page in it. Without JavaScript every language stays visible. */
(function () {
  "use strict";
  var box = document.querySelector(".not-found");
  if (!box) {
    return;
  }
  var base = box.getAttribute("data-base") || "/";
  var path = window.location.pathname;
  if (path.indexOf(base) === 0) {
    path = path.slice(base.length);
  }
  var code = path.split("/")[0];
  var sections = box.querySelectorAll("[data-lang]");
  var chosen = null;
  sections.forEach(function (section) {
    if (section.getAttribute("data-lang") === code) {
      chosen = section;
    }
  });
  if (!chosen) {
    return;
  }
  sections.forEach(function (section) {
    section.hidden = section !== chosen;
  });
  var heading = chosen.querySelector("h1");
  if (heading) {
    document.title = heading.textContent;
  }
})();
