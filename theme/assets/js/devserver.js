// `make serve` only: the current build's warnings and errors, over the page, until a build has
// none. base.html includes this file only when the build sets DEVSERVER_OVERLAY (invoke serve
// does); the report is written by the build itself (plugins/devserver/problems.py) and
// livereload reloads the page after every rebuild, which reads it again.
(function () {
  "use strict";

  var script = document.currentScript;
  var url = script && script.getAttribute("data-problems");
  if (!url || !window.fetch) {
    return;
  }
  var DISMISSED = "devserver-dismissed-build";

  function text(tag, className, value) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = value; // never HTML: messages quote what writers typed
    return node;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function show(report) {
    var problems = (report && report.problems) || [];
    if (!problems.length) {
      return;
    }
    try {
      if (window.sessionStorage.getItem(DISMISSED) === report.build) {
        return;
      }
    } catch (e) {
      // storage refused (private mode): the overlay simply shows on every page
    }
    var panel = document.createElement("section");
    panel.className = "dev-problems";
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "dev-problems-title");

    var head = document.createElement("div");
    head.className = "dev-problems__head";
    var summary = plural(report.errors || 0, "error") + " and " + plural(report.warnings || 0, "warning");
    var title = text("h2", "dev-problems__title", "The last build logged " + summary);
    title.id = "dev-problems-title";
    var close = text("button", "dev-problems__close", "Dismiss");
    close.type = "button";
    head.appendChild(title);
    head.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(
      text("p", "dev-problems__hint", "Fix and save: the page reloads after the next build. Only make serve shows this.")
    );

    var list = document.createElement("ol");
    list.className = "dev-problems__list";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.className = "dev-problems__item dev-problems__item--" + problem.level;
      item.appendChild(text("span", "dev-problems__level", problem.level === "warning" ? "Warning" : "Error"));
      if (problem.source) {
        item.appendChild(text("code", "dev-problems__file", problem.source));
      }
      item.appendChild(text("span", "dev-problems__message", problem.message));
      list.appendChild(item);
    });
    panel.appendChild(list);

    function dismiss() {
      panel.remove();
      try {
        window.sessionStorage.setItem(DISMISSED, report.build);
      } catch (e) {
        // nothing to remember it in: it shows again on the next page
      }
    }
    close.addEventListener("click", dismiss);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        dismiss();
      }
    });
    // first in the page, so that the keyboard reaches Dismiss before anything else
    document.body.insertBefore(panel, document.body.firstChild);
  }

  function fetchReport() {
    return window
      .fetch(url, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .catch(function () {
        return null; // no report (a build in progress has not written it yet)
      });
  }

  // livereload reloads the page after each rebuild, but ignores a rebuild that ends within
  // 3 seconds of its last reload (two quick saves, an editor's autosave): the page would go on
  // showing the problems of a build that is gone. So the page also watches the report.
  var loaded = null;
  function watch() {
    if (document.visibilityState === "visible") {
      fetchReport().then(function (report) {
        if (report && report.build !== loaded) {
          window.location.reload();
        }
      });
    }
    window.setTimeout(watch, 1500);
  }

  fetchReport().then(function (report) {
    loaded = report && report.build;
    show(report);
    window.setTimeout(watch, 1500);
  });
})();
