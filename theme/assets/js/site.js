// Progressive enhancement only: a "Copy" button on each code block.
// Without JavaScript (or without the Clipboard API) no button is added at all.
(function () {
  "use strict";

  var blocks = document.querySelectorAll(".highlight");
  if (!blocks.length || !navigator.clipboard || !window.isSecureContext) {
    return;
  }
  // The words, in the page's language, from the template (<main data-copy ...>).
  var main = document.getElementById("main") || document.body;
  var words = {
    copy: main.getAttribute("data-copy") || "Copy",
    copied: main.getAttribute("data-copied") || "Copied",
    failed: main.getAttribute("data-copy-failed") || "Copy failed"
  };

  // One polite live region for the whole page, present before anything is announced.
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = "";
    // A fresh text node after a tick, so repeating "Copied" is announced again.
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function addButton(block) {
    var pre = block.querySelector("pre");
    if (!pre) {
      return;
    }
    var button = document.createElement("button");
    var timer;
    button.type = "button";
    button.className = "copy-button";
    button.textContent = words.copy;
    button.addEventListener("click", function () {
      var text = pre.innerText.replace(/\n$/, "");
      navigator.clipboard.writeText(text).then(
        function () {
          button.textContent = words.copied;
          announce(words.copied);
        },
        function () {
          announce(words.failed);
        }
      );
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        button.textContent = words.copy;
      }, 2000);
    });
    block.insertBefore(button, block.firstChild);
  }

  Array.prototype.forEach.call(blocks, addButton);
})();

// The phone menu is a <details> (it opens and closes without JavaScript). Escape closes it too,
// as readers expect of a menu, from anywhere on the page, and puts the focus back on its
// button when the focus was in the menu. Escape in the search box clears its text first, as
// a search field does; the next Escape closes the menu.
(function () {
  "use strict";

  var menu = document.querySelector("details.site-menu");
  var panel = document.getElementById("site-menu-panel");
  if (!menu) {
    return;
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !menu.open || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && target.type === "search" && target.value) {
      return;
    }
    var inside = menu.contains(document.activeElement) ||
      (panel && panel.contains(document.activeElement));
    menu.open = false;
    if (inside) {
      menu.querySelector("summary").focus();
    }
  });
})();

// Tables: blogcore puts each table of a post in a box (.table-scroll) that takes Tab and is a
// named region, so a keyboard can scroll a table wider than the column; without JavaScript
// every box does. A table that fits needs neither: while it fits, its box is no tab stop and
// no landmark, and it is one again once the table no longer fits (a phone turned, text
// made larger). A box that has the focus keeps it.
(function () {
  "use strict";

  var boxes = document.querySelectorAll(".table-scroll[tabindex]");
  if (!boxes.length || !window.ResizeObserver || !window.WeakMap) {
    return;
  }
  var names = ["tabindex", "role", "aria-labelledby"];
  var held = new WeakMap(); // a fitting box: the attributes it gave up

  function fit(box) {
    var scrolls = box.scrollWidth > box.clientWidth;
    var kept = held.get(box);
    if (scrolls && kept) {
      names.forEach(function (name) {
        if (kept[name] !== null) {
          box.setAttribute(name, kept[name]);
        }
      });
      held.delete(box);
    } else if (!scrolls && !kept && box !== document.activeElement) {
      kept = {};
      names.forEach(function (name) {
        kept[name] = box.getAttribute(name);
        box.removeAttribute(name);
      });
      held.set(box, kept);
    }
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      fit(entry.target.closest(".table-scroll"));
    });
  });
  Array.prototype.forEach.call(boxes, function (box) {
    observer.observe(box);
    if (box.firstElementChild) {
      observer.observe(box.firstElementChild); // the table: wider with larger text
    }
  });
})();
