// Behaviour of the workspace's screens, kept out of the pages: the
// Content-Security-Policy runs no inline script or event-handler attribute.
"use strict";

// A form fetched into the page (a new directory entry) that its "Cancel" button takes away.
document.addEventListener("click", (event) => {
  const cancel = event.target.closest("[data-removes-form]");
  if (cancel) {
    cancel.closest("form").remove();
  }
});
