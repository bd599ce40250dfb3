/* Comments: load the provider's thread only when the reader gets near it or asks for it.
   Everything comes from data attributes (no inline script, so a strict CSP holds). */
(function () {
  "use strict";

  function json(text) {
    try {
      return JSON.parse(text || "{}");
    } catch (e) {
      return {};
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function when(seconds) {
    var date = new Date(seconds * 1000);
    var time = element("time", "", date.toLocaleDateString(document.documentElement.lang || undefined,
      { year: "numeric", month: "long", day: "numeric" }));
    time.setAttribute("datetime", date.toISOString());
    return time;
  }

  // A closed thread, read-only: the comments as a list, no form (Isso's API).
  function renderList(comments) {
    var list = element("ol", "comments__list");
    comments.forEach(function (comment) {
      var item = element("li", "comments__item");
      var meta = element("p", "comments__meta");
      meta.appendChild(element("span", "comments__author", comment.author || "Anonymous"));
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(when(comment.created));
      item.appendChild(meta);
      var body = element("div", "comments__text");
      body.innerHTML = comment.text; // rendered and sanitised by the comment server
      item.appendChild(body);
      if (comment.replies && comment.replies.length) item.appendChild(renderList(comment.replies));
      list.appendChild(item);
    });
    return list;
  }

  function readOnly(section, thread) {
    var api = section.getAttribute("data-comments-read-api");
    var id = section.getAttribute("data-comments-id");
    fetch(api + "?uri=" + encodeURIComponent(id))
      .then(function (response) {
        return response.status === 404 ? { replies: [] } : response.json();
      })
      .then(function (data) {
        thread.appendChild(data.replies && data.replies.length
          ? renderList(data.replies)
          : element("p", "comments__empty", "No comments were left on this post."));
      })
      .catch(function () {
        thread.appendChild(element("p", "comments__empty", "The comments could not be loaded."));
      });
  }

  function load(section) {
    if (section.hasAttribute("data-comments-loaded")) return;
    section.setAttribute("data-comments-loaded", "");
    var button = section.querySelector("[data-comments-show]");
    if (button) button.hidden = true;
    var thread = section.querySelector("[data-comments-thread]");
    if (!thread) return;
    if (section.hasAttribute("data-comments-read-api")) {
      readOnly(section, thread);
      return;
    }
    var globals = json(section.getAttribute("data-comments-globals"));
    Object.keys(globals).forEach(function (name) {
      window[name] = globals[name];
    });
    var script = document.createElement("script");
    var attrs = json(section.getAttribute("data-comments-attrs"));
    Object.keys(attrs).forEach(function (name) {
      script.setAttribute(name, attrs[name]);
    });
    script.src = section.getAttribute("data-comments-src");
    script.async = true;
    thread.appendChild(script);
  }

  function setUp(section) {
    var button = section.querySelector("[data-comments-show]");
    if (!button) return; // closed, and nothing to show
    if (section.getAttribute("data-comments-load") === "click") {
      button.hidden = false;
      button.addEventListener("click", function () {
        load(section);
      });
    } else if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          load(section);
        }
      }, { rootMargin: "600px 0px" });
      observer.observe(section);
    } else {
      load(section);
    }
  }

  // Counts on post lists (only where the site turned them on, COMMENTS_COUNTS): one request
  // per comment server for the links on the page, without cookies or the page's address.
  function counts() {
    var byApi = {};
    document.querySelectorAll("[data-comments-count]").forEach(function (link) {
      var api = link.getAttribute("data-comments-count");
      (byApi[api] = byApi[api] || []).push(link);
    });
    Object.keys(byApi).forEach(function (api) {
      var links = byApi[api];
      fetch(api, {
        method: "POST",
        credentials: "omit",
        referrerPolicy: "no-referrer",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(links.map(function (l) { return l.getAttribute("data-comments-id"); }))
      })
        .then(function (response) { return response.json(); })
        .then(function (numbers) {
          links.forEach(function (link, i) {
            var n = numbers[i] || 0;
            // the words come from the page (data attributes), in its language
            link.textContent = n === 0 ? link.dataset.none : n === 1 ? link.dataset.one :
              link.dataset.many.replace("{n}", n);
          });
        })
        .catch(function () { /* the plain "Comments" link stays */ });
    });
  }

  document.querySelectorAll("section.comments[data-comments-provider]").forEach(setUp);
  counts();
})();
