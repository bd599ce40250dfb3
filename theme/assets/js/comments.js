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

  // Isso's API gives a commenter's name HTML-escaped ("Tom &amp; Jerry"), as its own template
  // puts it into the page: the text it stands for (a textarea's content is never markup)
  function unescaped(text) {
    var holder = document.createElement("textarea");
    holder.innerHTML = text || "";
    return holder.value;
  }

  // A closed thread, read-only: the comments as a list, no form (Isso's API). `words` are the
  // page's (data attributes filled by the template in its language).
  function renderList(comments, words) {
    var list = element("ol", "comments__list");
    comments.forEach(function (comment) {
      var item = element("li", "comments__item");
      var meta = element("p", "comments__meta");
      // <bdi>: a right-to-left override in a name stays in it, not reversing the line
      var name = unescaped(comment.author);
      var author = element("bdi", "comments__author", name || words.anonymous);
      meta.appendChild(name ? author : words.mark(author));
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

  // The one line a thread that cannot come gets instead (the partial's words): its server
  // is down or refuses this page, or the address the site was built with is wrong.
  function failed(section, thread) {
    if (thread.querySelector(".comments__failed")) return;
    thread.appendChild(ours(section, element("p", "comments__empty comments__failed",
      section.getAttribute("data-comments-failed"))));
  }

  // A node holding the section's words, marked with their language where it is not the
  // page's (English words on a page the theme has no catalog for, WCAG 3.1.2)
  function ours(section, node) {
    var marks = json(section.getAttribute("data-comments-words-marks"));
    if (marks.lang) node.setAttribute("lang", marks.lang);
    if (marks.dir) node.setAttribute("dir", marks.dir);
    return node;
  }

  function readOnly(section, thread) {
    var api = section.getAttribute("data-comments-read-api");
    var id = section.getAttribute("data-comments-id");
    var words = {
      anonymous: section.getAttribute("data-comments-anonymous") || "",
      locale: section.getAttribute("data-comments-locale") || "",
      mark: function (node) { return ours(section, node); }
    };
    fetch(api + "?uri=" + encodeURIComponent(id))
      .then(function (response) {
        return response.status === 404 ? { replies: [] } : response.json();
      })
      .then(function (data) {
        thread.appendChild(data.replies && data.replies.length
          ? renderList(data.replies, words)
          : ours(section,
            element("p", "comments__empty", section.getAttribute("data-comments-empty"))));
      })
      .catch(function () {
        failed(section, thread);
      });
  }

  // Isso renders its own form and thread; after each change, give them what they lack: a
  // label for each textarea, ids unique to each form (a reply form repeats the first form's),
  // names for the vote arrows, a heading level under the section's h2, a keyboard-reachable
  // "Cancel", and separators screen readers skip. The words come from the partial's
  // data-comments-label-* attributes.
  var formCount = 0;

  // Isso's rule for a comment (three characters or more) is only its placeholder, gone once
  // typing starts, and a comment too short is refused by moving the focus back, with no word
  // (WCAG 3.3.1): the rule stays shown under the field, tied to it, and marks it wrong then.
  function describeRule(form, textarea) {
    var rule = textarea.getAttribute("placeholder");
    var submit = form.querySelector("input[type=submit]");
    if (!rule || !submit) return;
    var hint = element("p", "comments__hint", rule);
    hint.id = textarea.id + "-rule";
    textarea.setAttribute("aria-describedby", hint.id);
    textarea.parentNode.insertBefore(hint, textarea.nextSibling);
    function tooShort() {
      return textarea.value.trim().length < 3;
    }
    submit.addEventListener("click", function () {
      if (!tooShort()) return;
      textarea.setAttribute("aria-invalid", "true");
      hint.classList.add("comments__hint--wrong");
      hint.setAttribute("role", "alert");
    }, true);
    textarea.addEventListener("input", function () {
      if (tooShort() || !textarea.hasAttribute("aria-invalid")) return;
      textarea.removeAttribute("aria-invalid");
      hint.classList.remove("comments__hint--wrong");
      hint.removeAttribute("role");
    });
  }

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
      describeRule(form, textarea);
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
    // a placeholder given as a space is none: Isso shows its English for an empty one
    target.querySelectorAll("[placeholder=' ']").forEach(function (field) {
      field.removeAttribute("placeholder");
    });
    target.querySelectorAll("a.isso-cancel:not([href])").forEach(function (link) {
      link.setAttribute("href", "#"); // Isso's handler prevents the jump
    });
  }

  // Words in another language than the thread's, marked with theirs (WCAG 3.1.2): Isso's
  // fixed words (its heading, field labels, buttons, links, a comment's time and notes) and
  // the labels added above, each as the partial's data-comments-marks says ({"lang", "dir"};
  // nothing for words in the thread's language). Readers' names and comments, and the fields
  // they type into, keep the thread's language: a Welsh comment is not read as English.
  var ISSO_WORDS = [
    ".isso-thread-heading", ".isso-feedlink", ".isso-input-wrapper > label",
    ".isso-notification-section > label", ".isso-post-action > input", ".isso-permalink",
    ".isso-note", ".isso-page-author-suffix", "a.isso-load-hidden", ".comments__hint",
    ".isso-comment-footer > a:not(.isso-upvote):not(.isso-downvote)"
  ].join(", ");
  var OUR_LABELS = ".comments__label, a.isso-upvote, a.isso-downvote";

  function mark(nodes, marks) {
    if (!marks || !marks.lang) return;
    nodes.forEach(function (node) {
      if (node.hasAttribute("lang")) return;
      node.setAttribute("lang", marks.lang);
      if (marks.dir) node.setAttribute("dir", marks.dir);
    });
  }

  // Where Isso shows them, by key: the words its catalogue of the page's language may lack,
  // so that it shows its English (data-comments-marks' "english" names which it lacks)
  var ISSO_KEYS = {
    "atom-feed": ".isso-feedlink",
    "postbox-notification": ".isso-notification-section > label",
    "comment-page-author-suffix": ".isso-page-author-suffix"
  };

  function markIsso(target, marks, anonymous) {
    var english = marks.english || {};
    (english.keys || []).forEach(function (key) {
      if (ISSO_KEYS[key]) mark(target.querySelectorAll(ISSO_KEYS[key]), english);
    });
    mark(target.querySelectorAll(ISSO_WORDS), marks.words);
    mark(target.querySelectorAll(OUR_LABELS), marks.labels);
    if (!anonymous) return;
    // a comment without a name shows the partial's comment-anonymous word; a name is theirs
    mark(Array.prototype.filter.call(target.querySelectorAll(".isso-author"), function (node) {
      return node.textContent === anonymous;
    }), marks.words);
  }

  // Counts. The partial gives each plural ("num-comments", "comment-hidden") as its forms for
  // a set of sample counts that between them fall in every plural category, and the language
  // the forms are written in (data-comments-plurals). Isso picks a plural's line by its own
  // rules for its own language, which are not always the strings' (English strings on a
  // Russian page; Isso's Czech has two forms, Czech three), so it gets the forms for 1, 2 and
  // 5 and, once it has written a count, the count is reworded: the form of the first sample
  // that the browser's rules for the strings' language (Intl.PluralRules) put in the count's
  // category (plurals.js, shared with search.js).
  var plurals = window.tessellatePlurals;
  var COUNT = plurals.COUNT;

  // Isso's lines for a plural: the forms for 1, 2 and 5 (its rules' one, few, many). For 2 and
  // 5, a form without the count (Arabic's dual) gives way to the next sample's form with it:
  // Isso may use those lines for other counts, and its text must tell the count back.
  function issoLines(found, key) {
    var forms = found.forms[key];
    return [1, 2, 5].map(function (wanted) {
      var i = found.samples.indexOf(wanted);
      while (wanted !== 1 && i < forms.length - 1 && forms[i].indexOf(COUNT) < 0) i++;
      return { form: forms[i], sample: found.samples[i] };
    });
  }

  // The count in a text Isso wrote from one of its lines (it puts the number for "{{ n }}");
  // a line without the count stands for its sample. null: not a count (the heading of an
  // empty thread).
  function countIn(text, lines) {
    var escape = function (part) { return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
    for (var i = 0; i < lines.length; i++) {
      var at = lines[i].form.indexOf(COUNT);
      if (at < 0) {
        if (text === lines[i].form) return lines[i].sample;
        continue;
      }
      var found = new RegExp("^" + escape(lines[i].form.slice(0, at)) + "(\\d+)" +
        escape(lines[i].form.slice(at + COUNT.length)) + "$").exec(text);
      if (found) return Number(found[1]);
    }
    return null;
  }

  // The partial's plurals, with Isso's lines and the browser's rules for their language
  // (without rules for the language, Isso's words stay)
  function readPlurals(source) {
    var found = plurals.read(source && source.getAttribute("data-comments-plurals"));
    if (!found) return null;
    found.lines = {};
    Object.keys(found.forms).forEach(function (key) {
      found.lines[key] = issoLines(found, key);
    });
    return found;
  }

  // Isso's heading ("12 comments"), its "Show 5 more" links and, where the partial gives
  // them (a language Isso has no catalogue for), a comment's time ("3 days ago": one of the
  // date-* plurals), reworded once each time Isso writes them (data-comments-counted: the
  // text last seen there; Isso rewrites a time every minute).
  var DATES = ["date-minute", "date-hour", "date-day", "date-week", "date-month", "date-year"];

  // A count's own words, where the plurals give some ("exact": {key: {"1": words}}): Isso's
  // "хвилину тому" for exactly 1, where 1's category holds 21 too and its form the count.
  function exactly(found, key, n) {
    var own = found.exact && found.exact[key];
    return own && Object.prototype.hasOwnProperty.call(own, String(n)) ? own[String(n)] : null;
  }

  function recount(node, keys, found) {
    if (!node || node.getAttribute("data-comments-counted") === node.textContent) return;
    for (var i = 0; i < keys.length; i++) {
      // a plural the partial does not give stays Isso's (Ukrainian's count of comments)
      if (!found.lines[keys[i]]) continue;
      var n = countIn(node.textContent, found.lines[keys[i]]);
      if (n === null) continue;
      var text = exactly(found, keys[i], n);
      if (text === null) text = plurals.word(found, keys[i], n);
      if (text !== null && text !== node.textContent) node.textContent = text;
      break;
    }
    node.setAttribute("data-comments-counted", node.textContent);
  }

  function recountIsso(target, found) {
    if (!found) return;
    recount(target.querySelector(".isso-thread-heading"), ["num-comments"], found);
    target.querySelectorAll("a.isso-load-hidden").forEach(function (link) {
      recount(link, ["comment-hidden"], found);
    });
    var dates = DATES.filter(function (key) { return found.lines[key]; });
    if (!dates.length) return;
    target.querySelectorAll(".isso-permalink > time").forEach(function (time) {
      recount(time, dates, found);
    });
  }

  function watchIsso(thread, found) {
    var target = thread.querySelector("[data-comments-label-text]");
    if (!target || !("MutationObserver" in window)) return;
    var marks = json(target.getAttribute("data-comments-marks"));
    var anonymous = json(target.getAttribute("data-comments-texts"))["comment-anonymous"];
    new MutationObserver(function () {
      labelIsso(target);
      recountIsso(target, found);
      markIsso(target, marks, anonymous);
    }).observe(target, { childList: true, subtree: true });
  }

  // A string as the provider can take it (null: not given). Isso builds its form and
  // comments as HTML with its strings put in unescaped, some inside attributes quoted with '
  // (an apostrophe ended its Preview button): the keys it writes only into that HTML go
  // escaped. Those it also writes as text later (Reply, after "Cancel reply") go as they are,
  // since an entity would show there as typed, and not at all with < or & (the provider's own
  // word stays). data-comments-text-markup names both sets.
  function forProvider(key, text, markup) {
    if ((markup.html_and_text || []).indexOf(key) >= 0) return /[<&]/.test(text) ? null : text;
    if ((markup.html || []).indexOf(key) < 0) return text;
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
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
    var counts = readPlurals(source);
    if (pattern && source) {
      var texts = json(source.getAttribute("data-comments-texts"));
      Object.keys(counts ? counts.lines : {}).forEach(function (key) {
        texts[key] = counts.lines[key].map(function (line) { return line.form; }).join("\n");
      });
      var markup = json(section.getAttribute("data-comments-text-markup"));
      Object.keys(texts).forEach(function (key) {
        var text = forProvider(key, texts[key], markup);
        if (text !== null) script.setAttribute(pattern.replace("{key}", key), text);
      });
    }
    watchIsso(thread, counts);
    // A script that does not load says nothing on the page, nor does one whose server then
    // does not answer (Isso shows nothing without its /config): the partial gives the
    // address the script asks first (data-comments-check), asked once more here.
    script.onerror = function () {
      failed(section, thread);
    };
    var check = section.getAttribute("data-comments-check");
    if (check) {
      script.onload = function () {
        fetch(check, { credentials: "omit", referrerPolicy: "no-referrer" })
          .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
          })
          .catch(function () {
            failed(section, thread);
          });
      };
    }
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
            // the words come from the page (its plural forms), worded by their language's rules
            link.textContent = plurals.count(readPlurals(link), "num-comments", n) || link.textContent;
          });
        })
        .catch(function () { /* the plain "Comments" link stays */ });
    });
  }

  document.querySelectorAll("section.comments[data-comments-provider]").forEach(setUp);
  counts();
})();
