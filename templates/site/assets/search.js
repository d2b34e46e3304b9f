/* Starts Pagefind's search interface on the search page. Pagefind gives result
   addresses from the site's root ("/ca/…"); they are turned into addresses relative to
   this page, so that the site works from any folder of a web server. Each result's
   title starts with what the page is ("Servei del model · …"), from the page's `kind`
   meta, which is then taken out of the meta: the interface would show it again, as a
   tag under its English key ("Kind: Pàgina"). The interface's words are the site's, in the
   page's language (a language Pagefind has no words for read "42 results for empreses" in
   English on its pages; session 45's trial). */
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
  // The interface's words from the site's strings (templates/strings/<lang>.yaml, on the
  // element's data- attributes): Pagefind's own are English for a language it lacks.
  var words = {
    placeholder: "placeholder", clear_search: "clear", load_more: "loadMore", search_label: "searchLabel",
    filters_label: "filters", zero_results: "zero", one_result: "one", many_results: "many",
    alt_search: "alt", search_suggestion: "suggestion", searching: "searching"
  };
  var translations = {};
  Object.keys(words).forEach(function (key) {
    var text = element.dataset[words[key]];
    if (text) {
      translations[key] = text;
    }
  });
  var ui = new PagefindUI({
    element: "#search",
    translations: translations,
    bundlePath: "../pagefind/",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    // No penalty for a page's length: an office's page is long (its services, indicators,
    // records), and its municipality's name came after its short agreements and charter
    // (pageLength 0.75, Pagefind's default). With this, and the office's name weighted over
    // the titles of its agreements and charter (office.mustache, agreement.mustache,
    // charter.mustache), the office came first for each of the example's municipalities'
    // names, whole and cut short, in every language (24 searches; 10 did not before, and 24
    // with the weights alone).
    ranking: { pageLength: 0 },
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
