/* Starts Pagefind's search interface on the search page. Pagefind gives result
   addresses from the site's root ("/ca/…"); they are turned into addresses relative to
   this page, so that the site works from any folder of a web server. Each result's
   title starts with what the page is ("Servei del model · …"), from the page's `kind`
   meta, which is then taken out of the meta: the interface would show it again, as a
   tag under its English key ("Kind: Pàgina"). */
(function () {
  "use strict";
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  var siteRoot = new URL("../", window.location.href);
  function relative(url) {
    if (typeof url !== "string" || url.charAt(0) !== "/") {
      return url;
    }
    return new URL(url.slice(1), siteRoot).href;
  }
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: "../pagefind/",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    processResult: function (result) {
      result.url = relative(result.url);
      if (result.meta && result.meta.kind && result.meta.title) {
        result.meta.title = result.meta.kind + " · " + result.meta.title;
      }
      if (result.meta) {
        delete result.meta.kind;
      }
      if (Array.isArray(result.sub_results)) {
        result.sub_results.forEach(function (sub) { sub.url = relative(sub.url); });
      }
      return result;
    }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
