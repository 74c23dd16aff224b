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

// A box filled with a form in place (a new convening group) that its "Cancel" button empties.
document.addEventListener("click", (event) => {
  const cancel = event.target.closest("[data-empties]");
  if (cancel) {
    document.getElementById(cancel.dataset.empties)?.replaceChildren();
  }
});
