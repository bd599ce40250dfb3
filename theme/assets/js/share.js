// Progressive enhancement for the share row: a "Copy link" button instead of the bare URL.
// Without JavaScript (or without the Clipboard API) the URL stays a plain, selectable link.
(function () {
  "use strict";

  var items = document.querySelectorAll("[data-share-copy-item]");
  if (!items.length || !navigator.clipboard || !window.isSecureContext) {
    return;
  }

  function enhance(item) {
    var link = item.querySelector("[data-share-url]");
    var button = item.querySelector("[data-share-copy]");
    var status = item.closest(".share-links").querySelector("[data-share-status]");
    if (!link || !button || !status) {
      return;
    }
    var timer;
    var label = button.textContent;  // the theme's words, in the page's language
    button.hidden = false;
    link.hidden = true;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(
        function () {
          button.textContent = button.dataset.copied;
          announce(status, button.dataset.copied);
        },
        function () {
          link.hidden = false;
          announce(status, button.dataset.failed);
        }
      );
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        button.textContent = label;
      }, 2000);
    });
  }

  function announce(status, message) {
    status.textContent = "";
    // a fresh text node after a tick, so a second "Link copied" is announced again
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  Array.prototype.forEach.call(items, enhance);
})();
