// Search (search plugin): the header box and the search page, over this site's own Pagefind
// index. No inline script, no style attribute: everything is read from data-search-*
// attributes the template wrote (translated strings included).
(function () {
  "use strict";

  // The header: a link to the search page until this script runs, then a search box.
  var header = document.querySelector(".site-search");
  if (header) {
    var link = header.querySelector(".site-search__link");
    var box = header.querySelector(".site-search__form");
    if (link && box) {
      box.hidden = false;
      link.hidden = true;
      // "/" jumps to the box from anywhere but a text field, as on many sites
      document.addEventListener("keydown", function (event) {
        var target = event.target;
        var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
        if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
          var field = document.querySelector("[data-search-input]") || box.querySelector("input");
          event.preventDefault();
          field.focus();
        }
      });
    }
  }

  var page = document.querySelector("[data-search]");
  if (!page) {
    return;
  }
  var form = page.querySelector("[data-search-form]");
  var input = page.querySelector("[data-search-input]");
  var status = page.querySelector("[data-search-status]");
  var list = page.querySelector("[data-search-results]");
  var strings = page.dataset;
  var counts = window.tessellatePlurals.read(strings.searchCounts); // plurals.js
  var pagefind = null;
  var latest = 0;
  form.hidden = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function say(message) {
    status.textContent = message;
  }

  // The site's index, with the indexes of its own that Chinese, Japanese or Thai posts get
  // (where Pagefind splits their text into words) merged in: merge.json, beside pagefind.js,
  // lists them. Each is merged with its language, so a query is split into words as it is.
  function load() {
    if (!pagefind) {
      var bundle = new URL(strings.searchBundle, window.location.href);
      // result URLs relative to where the site lives, even under a sub-path
      var options = { baseUrl: new URL(strings.searchBase).pathname };
      // without merge.json (an index from before it, a site without such posts): the one index
      var merges = fetch(new URL("merge.json", bundle))
        .then(function (response) {
          return response.ok ? response.json() : {};
        })
        .catch(function () {
          return {};
        });
      pagefind = Promise.all([import(bundle.href), merges]).then(function (loaded) {
        var module = loaded[0];
        return module
          .options(options)
          .then(function () {
            return Promise.all(
              (loaded[1].merge || []).map(function (other) {
                var merged = { baseUrl: options.baseUrl, language: other.language };
                return module.mergeIndex(new URL(other.path, bundle).href, merged);
              })
            );
          })
          .then(function () {
            return module;
          });
      });
    }
    return pagefind;
  }

  // Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks only.
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(doc.body.firstChild.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function render(results) {
    list.textContent = "";
    results.forEach(function (data) {
      var meta = data.meta || {};
      var item = document.createElement("li");
      item.className = "search-result";
      var heading = document.createElement("h2");
      heading.className = "search-result__title";
      var a = document.createElement("a");
      a.href = data.url;
      a.textContent = meta.title || data.url;
      heading.appendChild(a);
      item.appendChild(heading);
      var details = [meta.date, meta.author ? fill(strings.searchBy, { author: meta.author }) : ""];
      details = details.filter(Boolean);
      if (details.length) {
        var line = document.createElement("p");
        line.className = "search-result__meta";
        line.textContent = details.join(" · ");
        item.appendChild(line);
      }
      var excerpt = document.createElement("p");
      excerpt.className = "search-result__excerpt";
      excerpt.appendChild(excerptNodes(data.excerpt || ""));
      item.appendChild(excerpt);
      // a post in another language than the search page: its title and words marked with it
      if (meta.lang && meta.lang !== document.documentElement.lang) {
        [heading, excerpt].forEach(function (node) {
          node.lang = meta.lang;
          if (meta.dir && meta.dir !== (document.documentElement.dir || "ltr")) node.dir = meta.dir;
        });
      }
      list.appendChild(item);
    });
  }

  function search(query) {
    var ticket = ++latest;
    query = query.trim();
    if (!query) {
      list.textContent = "";
      say("");
      return;
    }
    say(strings.searchSearching);
    load()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (found) {
        return Promise.all(
          found.results.slice(0, 20).map(function (result) {
            return result.data();
          })
        ).then(function (results) {
          return { total: found.results.length, results: results };
        });
      })
      .then(function (outcome) {
        if (ticket !== latest) {
          return; // a newer query has started: its answer wins
        }
        render(outcome.results);
        // "No results" is a sentence of its own; any other number, its plural form for it
        var template = outcome.total === 0 ? strings.searchNone
          : window.tessellatePlurals.count(counts, "results", outcome.total);
        say(fill(template || "", { query: query }));
      })
      .catch(function () {
        if (ticket === latest) {
          list.textContent = "";
          say(strings.searchError);
        }
      });
  }

  function fromAddress() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  var typing;
  input.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () {
      search(input.value);
    }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typing);
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value.trim());
    window.history.replaceState(null, "", url);
    search(input.value);
  });

  input.value = fromAddress();
  if (input.value) {
    search(input.value);
  } else {
    input.focus();
  }
})();
