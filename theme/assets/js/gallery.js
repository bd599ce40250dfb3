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

  function build() {
    dialog = el("dialog", "lightbox");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "lightbox-title");
    var inner = el("div", "lightbox__inner");
    var bar = el("div", "lightbox__bar");
    parts.title = el("p", "lightbox__title");
    parts.title.id = "lightbox-title";
    parts.close = el("button", "lightbox__close");
    parts.close.type = "button";
    bar.append(parts.title, parts.close);
    parts.figure = el("figure", "lightbox__figure");
    parts.caption = el("figcaption", "lightbox__caption");
    var nav = el("div", "lightbox__nav");
    parts.prev = el("button", "lightbox__prev");
    parts.prev.type = "button";
    parts.next = el("button", "lightbox__next");
    parts.next.type = "button";
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
    if (marked) {
      parts.figure.lang = marked.lang;
    } else {
      parts.figure.removeAttribute("lang");
    }
    if (marked && marked.dir) {
      parts.figure.dir = marked.dir;
    } else {
      parts.figure.removeAttribute("dir");
    }
    parts.figure.replaceChildren(copy);
    if (caption) {
      parts.caption.textContent = caption;
      parts.figure.append(parts.caption);
    }
    var position = (state.words.position || "photo {n} of {count}")
      .replace("{n}", state.index + 1).replace("{count}", count);
    parts.title.textContent = (state.title ? state.title + ": " : "") + position;
    parts.prev.hidden = parts.next.hidden = count < 2;
  }

  function open(gallery, link) {
    if (!dialog) build();
    state.links = Array.prototype.slice.call(gallery.querySelectorAll("a.gallery__link"));
    state.title = gallery.getAttribute("data-gallery-title") || "";
    // the lightbox's words come from the gallery (data attributes), in the page's language
    state.words = {
      close: gallery.getAttribute("data-close") || "Close",
      previous: gallery.getAttribute("data-previous") || "← Previous",
      next: gallery.getAttribute("data-next") || "Next →",
      position: gallery.getAttribute("data-position")
    };
    parts.close.textContent = state.words.close;
    parts.prev.textContent = state.words.previous;
    parts.next.textContent = state.words.next;
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
