/* The download page of a PDF or Word file still being built: asks where the
 * build stands until it is done, then hands the file over. Without this
 * script the page reloads itself (its <noscript> refresh). */
(function () {
  "use strict";

  var page = document.querySelector("[data-status][data-file]");
  if (!page) {
    return;
  }
  var statusAddress = page.getAttribute("data-status");
  var fileAddress = page.getAttribute("data-file");
  // This page again, in the file's language: "?waited", "?language=fr&waited".
  var waitedAddress = page.getAttribute("data-waited") || "?waited";
  var message = page.querySelector("[data-ready]");
  var delay = 500;
  var MAX_DELAY = 5000;

  function handOver() {
    if (message) {
      message.textContent = message.getAttribute("data-ready");
    }
    var check = page.querySelector("a[data-check]");
    if (check) {
      // After the file is saved the page stays: its link now saves it again.
      check.setAttribute("href", fileAddress);
      check.textContent = page.getAttribute("data-file-label") || check.textContent;
    }
    window.location.assign(fileAddress);
  }

  function poll() {
    fetch(statusAddress, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { status: "unknown" };
      })
      .then(function (answer) {
        if (answer.status === "done") {
          handOver();
        } else if (answer.status === "failed") {
          // The page tells why, in the reader's language.
          window.location.replace(waitedAddress);
        } else {
          later();
        }
      })
      .catch(later);
  }

  function later() {
    window.setTimeout(poll, delay);
    delay = Math.min(delay * 2, MAX_DELAY);
  }

  later();
})();
