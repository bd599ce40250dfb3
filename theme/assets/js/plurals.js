/* Plurals worded in the browser, for counts a script learns there (comments.js: comment
   counts; search.js: the number of results). The template writes a plural as JSON:
   {"lang": the language its forms are in (the i18n plugin's strings_lang()),
    "samples": the plugin's plural_samples, counts that between them fall in every CLDR
               plural category of whole numbers,
    "forms": {key: [the catalog's form for each sample, "{{ n }}" standing for the count]}}.
   A count is worded with the form of the first sample that the browser's rules for that
   language (Intl.PluralRules) put in the count's category: one mechanism for every count.
   Loaded before the scripts that use it (BLOGCORE_BUNDLES), as window.tessellatePlurals. */
(function () {
  "use strict";

  var COUNT = "{{ n }}";

  // The plurals in a data attribute's JSON, with the browser's rules for their language
  // (rules: null where it has none); null when the text holds no plurals.
  function read(text) {
    var found;
    try {
      found = JSON.parse(text || "{}");
    } catch (e) {
      return null;
    }
    if (!found || !found.forms || !found.samples) return null;
    found.rules = null;
    try {
      var rules = new Intl.PluralRules(found.lang);
      // a language the browser does not know gets its default locale's rules: not those
      if (rules.resolvedOptions().locale.split("-")[0] === String(found.lang).split("-")[0].toLowerCase()) {
        found.rules = rules;
        found.categories = found.samples.map(function (n) { return rules.select(n); });
      }
    } catch (e) { /* no Intl.PluralRules, or not a language tag */ }
    return found;
  }

  // The count n in plural `key`, by the language's rules; null where the browser has none.
  function word(found, key, n) {
    if (!found || !found.rules) return null;
    var category = found.rules.select(n);
    for (var i = 0; i < found.samples.length; i++) {
      if (found.categories[i] === category) {
        return found.forms[key][i].replace(COUNT, String(n));
      }
    }
    return null;
  }

  // The same, and where the browser has no rules for the language, the forms for 1 and for 5
  // (one and other in English, the templates' own language); null without plurals.
  function count(found, key, n) {
    var text = word(found, key, n);
    if (text !== null || !found) return text;
    var i = found.samples.indexOf(n === 1 ? 1 : 5);
    return i < 0 ? null : found.forms[key][i].replace(COUNT, String(n));
  }

  window.tessellatePlurals = { COUNT: COUNT, read: read, word: word, count: count };
})();
