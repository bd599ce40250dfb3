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

  // A date as the rest of the page writes it: the locale comes from the template
  // (data-comments-locale: I18N_DATE_LOCALES' choice, "en-GB" for English, so day month year)
  function when(seconds, locale) {
    var date = new Date(seconds * 1000);
    var text;
    try {
      text = new Intl.DateTimeFormat(locale || document.documentElement.lang || undefined,
        { year: "numeric", month: "long", day: "numeric" }).format(date);
    } catch (e) { // an unknown locale tag
      text = date.toISOString().slice(0, 10);
    }
    var time = element("time", "", text);
    time.setAttribute("datetime", date.toISOString());
    return time;
  }

  // A closed thread, read-only: the comments as a list, no form (Isso's API). `words` are the
  // page's (data attributes filled by the template in its language).
  function renderList(comments, words) {
    var list = element("ol", "comments__list");
    comments.forEach(function (comment) {
      var item = element("li", "comments__item");
      var meta = element("p", "comments__meta");
      meta.appendChild(element("span", "comments__author", comment.author || words.anonymous));
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(when(comment.created, words.locale));
      item.appendChild(meta);
      var body = element("div", "comments__text");
      body.innerHTML = comment.text; // rendered and sanitised by the comment server
      item.appendChild(body);
      if (comment.replies && comment.replies.length) {
        item.appendChild(renderList(comment.replies, words));
      }
      list.appendChild(item);
    });
    return list;
  }

  function readOnly(section, thread) {
    var api = section.getAttribute("data-comments-read-api");
    var id = section.getAttribute("data-comments-id");
    var words = {
      anonymous: section.getAttribute("data-comments-anonymous") || "",
      locale: section.getAttribute("data-comments-locale") || ""
    };
    fetch(api + "?uri=" + encodeURIComponent(id))
      .then(function (response) {
        return response.status === 404 ? { replies: [] } : response.json();
      })
      .then(function (data) {
        thread.appendChild(data.replies && data.replies.length
          ? renderList(data.replies, words)
          : element("p", "comments__empty", section.getAttribute("data-comments-empty")));
      })
      .catch(function () {
        thread.appendChild(element("p", "comments__empty",
          section.getAttribute("data-comments-failed")));
      });
  }

  // Isso renders its own form and thread; after each change, give them what they lack: a
  // label for each textarea, ids unique to each form (a reply form repeats the first form's),
  // names for the vote arrows, a heading level under the section's h2, a keyboard-reachable
  // "Cancel", and separators screen readers skip. The words come from the partial's
  // data-comments-label-* attributes.
  var formCount = 0;

  function labelIsso(target) {
    target.querySelectorAll("textarea.isso-textarea:not([id])").forEach(function (textarea) {
      var n = ++formCount;
      textarea.id = "comments-text-" + n;
      var label = element("label", "comments__label",
        target.getAttribute("data-comments-label-text"));
      label.htmlFor = textarea.id;
      // beside the textarea, in its wrapper: an edit's textarea goes, and its label with it
      textarea.parentNode.insertBefore(label, textarea);
      var form = textarea.closest(".isso-postbox");
      if (!form) return;
      form.querySelectorAll(".isso-input-wrapper").forEach(function (wrapper) {
        var input = wrapper.querySelector("input");
        var name = wrapper.querySelector("label");
        if (!input || !name) return;
        input.id = "comments-" + input.name + "-" + n;
        name.htmlFor = input.id;
      });
    });
    var heading = target.querySelector(".isso-thread-heading:not([aria-level])");
    if (heading) heading.setAttribute("aria-level", "3");
    [["isso-upvote", "data-comments-label-upvote"], ["isso-downvote", "data-comments-label-downvote"]]
      .forEach(function (pair) {
        target.querySelectorAll("a." + pair[0] + ":not([aria-label])").forEach(function (link) {
          link.setAttribute("aria-label", target.getAttribute(pair[1]));
        });
      });
    target.querySelectorAll(".isso-spacer:not([aria-hidden])").forEach(function (dot) {
      dot.setAttribute("aria-hidden", "true"); // "•" and "|" between items: nothing to read
    });
    target.querySelectorAll("a.isso-cancel:not([href])").forEach(function (link) {
      link.setAttribute("href", "#"); // Isso's handler prevents the jump
    });
  }

  function watchIsso(thread) {
    var target = thread.querySelector("[data-comments-label-text]");
    if (!target || !("MutationObserver" in window)) return;
    new MutationObserver(function () {
      labelIsso(target);
    }).observe(target, { childList: true, subtree: true });
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
    // the provider's strings, in the page's language, as the attributes it reads them from
    var pattern = section.getAttribute("data-comments-text-attr");
    var source = thread.querySelector("[data-comments-texts]");
    if (pattern && source) {
      var texts = json(source.getAttribute("data-comments-texts"));
      Object.keys(texts).forEach(function (key) {
        script.setAttribute(pattern.replace("{key}", key), texts[key]);
      });
    }
    watchIsso(thread);
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
            if (n === 0) {
              // nothing to count: no "no comments" line under every card
              (link.closest(".post-card__comments") || link).hidden = true;
              return;
            }
            // the words come from the page (data attributes), in its language
            link.textContent = n === 1 ? link.dataset.one : link.dataset.many.replace("{n}", n);
          });
        })
        .catch(function () { /* the plain "Comments" link stays */ });
    });
  }

  document.querySelectorAll("section.comments[data-comments-provider]").forEach(setUp);
  counts();
})();
