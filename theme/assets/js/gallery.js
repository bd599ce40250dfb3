/* Galleries: a keyboard-accessible lightbox, a progressive enhancement over plain links.
   Each thumbnail of a `.gallery` block links to its largest JPEG; with JavaScript a click opens
   a modal dialog instead: arrows move, Escape closes, Tab stays inside, focus returns to the
   thumbnail of the photo last shown. No inline styles: the CSS is in gallery.css. */
(function () {
  "use strict";

  var dialog = null;
  var parts = {};
  var state = { links: [], index: 0, title: "", words: {} };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // the lang and dir of words in another language than the dialog's (an empty marks: none)
  function mark(node, marks) {
    ["lang", "dir"].forEach(function (name) {
      if (marks && marks[name]) {
        node.setAttribute(name, marks[name]);
      } else {
        node.removeAttribute(name); // lang="" would say "language unknown"
      }
    });
  }

  // Previous/Next: the arrow a span of its own, outside the (translated) words, so that
  // `.arrow:dir(rtl)` mirrors it on a right-to-left page, at the reading end of the button
  function stepButton(className, glyph, arrowFirst) {
    var button = el("button", className);
    button.type = "button";
    var arrow = el("span", "arrow", glyph);
    arrow.setAttribute("aria-hidden", "true");
    var words = el("span");
    if (arrowFirst) {
      button.append(arrow, " ", words);
    } else {
      button.append(words, " ", arrow);
    }
    return { button: button, words: words };
  }

  function build() {
    dialog = el("dialog", "lightbox");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "lightbox-title");
    var inner = el("div", "lightbox__inner");
    var bar = el("div", "lightbox__bar");
    parts.title = el("p", "lightbox__title");
    parts.title.id = "lightbox-title";
    // the gallery's name in its language, the position in the theme's
    parts.name = el("span", "lightbox__name");
    parts.position = el("span", "lightbox__position");
    parts.close = el("button", "lightbox__close");
    parts.close.type = "button";
    bar.append(parts.title, parts.close);
    parts.figure = el("figure", "lightbox__figure");
    parts.caption = el("figcaption", "lightbox__caption");
    var nav = el("div", "lightbox__nav");
    var prev = stepButton("lightbox__prev", "\u2190", true);
    var next = stepButton("lightbox__next", "\u2192", false);
    parts.prev = prev.button;
    parts.prevWords = prev.words;
    parts.next = next.button;
    parts.nextWords = next.words;
    nav.append(parts.prev, parts.next);
    inner.append(bar, parts.figure, nav);
    dialog.append(inner);
    document.body.append(dialog);

    parts.close.addEventListener("click", close);
    parts.prev.addEventListener("click", function () { show(state.index - 1); });
    parts.next.addEventListener("click", function () { show(state.index + 1); });
    dialog.addEventListener("cancel", function (event) {
      event.preventDefault();
      close();
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) close(); // a click on the backdrop
    });
    dialog.addEventListener("keydown", onKey);
  }

  function onKey(event) {
    // the arrow that points the reading way goes on: on a right-to-left page, the left one
    var rtl = window.getComputedStyle(dialog).direction === "rtl";
    var forward = rtl ? "ArrowLeft" : "ArrowRight";
    var back = rtl ? "ArrowRight" : "ArrowLeft";
    if (event.key === forward) {
      event.preventDefault();
      show(state.index + 1);
    } else if (event.key === back) {
      event.preventDefault();
      show(state.index - 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      // keep focus inside the dialog
      var focusable = [parts.close, parts.prev, parts.next];
      var at = focusable.indexOf(document.activeElement);
      var to = event.shiftKey ? at - 1 : at + 1;
      if (to < 0) to = focusable.length - 1;
      if (to >= focusable.length) to = 0;
      event.preventDefault();
      focusable[to].focus();
    }
  }

  function show(index) {
    var count = state.links.length;
    state.index = (index + count) % count;
    var link = state.links[state.index];
    var picture = link.querySelector("picture");
    var copy = picture ? picture.cloneNode(true) : el("picture");
    copy.querySelectorAll("source, img").forEach(function (node) {
      node.setAttribute("sizes", "100vw");
    });
    var img = copy.querySelector("img");
    if (img) {
      img.setAttribute("loading", "eager");
      img.removeAttribute("id");
    } else {
      img = el("img");
      img.src = link.href;
      copy.append(img);
    }
    var caption = link.getAttribute("data-caption") || "";
    // the photo's alt text and caption in the gallery's language (its grid's lang and dir);
    // unmarked, in the page's: no attribute at all (lang="" would say "language unknown")
    var marked = link.closest(".gallery [lang]");
    var marks = marked ? { lang: marked.lang, dir: marked.dir } : null;
    mark(parts.figure, marks);
    mark(parts.name, marks);
    parts.figure.replaceChildren(copy);
    if (caption) {
      parts.caption.textContent = caption;
      parts.figure.append(parts.caption);
    }
    var position = (state.words.position || "photo {n} of {count}")
      .replace("{n}", state.index + 1).replace("{count}", count);
    parts.name.textContent = state.title;
    parts.position.textContent = position;
    if (state.title) {
      parts.title.replaceChildren(parts.name, ": ", parts.position);
    } else {
      parts.title.replaceChildren(parts.position);
    }
    parts.prev.hidden = parts.next.hidden = count < 2;
  }

  function open(gallery, link) {
    if (!dialog) build();
    state.links = Array.prototype.slice.call(gallery.querySelectorAll("a.gallery__link"));
    state.title = gallery.getAttribute("data-gallery-title") || "";
    // the lightbox's words come from the gallery (data attributes), in the page's language
    state.words = {
      close: gallery.getAttribute("data-close") || "Close",
      previous: gallery.getAttribute("data-previous") || "Previous",
      next: gallery.getAttribute("data-next") || "Next",
      position: gallery.getAttribute("data-position")
    };
    var marks = JSON.parse(gallery.getAttribute("data-words-marks") || "{}");
    parts.close.textContent = state.words.close;
    parts.prevWords.textContent = state.words.previous;
    parts.nextWords.textContent = state.words.next;
    [parts.close, parts.prevWords, parts.nextWords, parts.position].forEach(function (node) {
      mark(node, marks);
    });
    show(state.links.indexOf(link));
    document.documentElement.classList.add("lightbox-open");
    dialog.showModal();
    parts.close.focus();
  }

  function close() {
    if (!dialog || !dialog.open) return;
    dialog.close();
    document.documentElement.classList.remove("lightbox-open");
    var link = state.links[state.index];
    if (link) link.focus();
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest(".gallery a.gallery__link") : null;
    if (!link || typeof HTMLDialogElement === "undefined") return;
    event.preventDefault();
    open(link.closest(".gallery"), link);
  });
})();
