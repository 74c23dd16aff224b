/* The delegation's view on a phone: its place in the list, who has the floor,
 * and the request form, posted without leaving the page. */
(function () {
  "use strict";

  var F = window.ConvenerFloor;
  var el = F.el;
  var byId = F.byId;
  var root = document.getElementById("delegation");
  if (!root) {
    return;
  }
  var mine = F.readJSON("live-mine-keys") || [];

  function isMine(entry) {
    return entry && mine.indexOf(entry.owner) !== -1;
  }

  function renderMine(state) {
    var box = byId("live-mine");
    var rows = [];
    if (isMine(state.current)) {
      rows.push(el("p", { class: "live-phone__yours" }, F.text("speaking_now")));
    }
    // Set aside by a point of order, not off the list: the floor comes back.
    if (isMine(state.interrupted)) {
      rows.push(el("p", { class: "live-phone__yours" }, F.text("interrupted_yours")));
    }
    state.speakers.forEach(function (entry, index) {
      if (!isMine(entry)) {
        return;
      }
      var place = F.text("place", { place: index + 1, count: state.speakers.length });
      var withdraw = F.actionForm(
        F.urlFor(root.dataset.withdraw, entry.id),
        el("button", { type: "submit", class: "button--secondary" }, F.text("withdraw")),
        {},
        { "aria-label": F.text("withdraw") + ": " + F.label("purpose", entry.purpose) }
      );
      rows.push(
        el(
          "div",
          { class: "live-phone__place" },
          el("p", { class: "live-phone__number" }, place),
          el("p", {}, F.details(entry)),
          withdraw
        )
      );
    });
    if (!rows.length) {
      rows.push(el("p", { class: "muted" }, F.text("none_of_yours")));
    }
    box.replaceChildren.apply(box, rows);
  }

  function renderNow(state) {
    var current = state.current;
    byId("live-now").replaceChildren(current ? F.speakerLine(current) : F.text("nobody"));
    byId("live-list-status").textContent = F.text(state.list_closed ? "list_closed" : "list_open");
  }

  function render(state) {
    renderMine(state);
    renderNow(state);
  }

  /* The group of States is asked for only when speaking on behalf of one, the
   * panellist only for a question. */
  function showDependentFields() {
    var form = byId("live-request");
    if (!form) {
      return;
    }
    var capacity = form.querySelector("input[name=capacity]:checked");
    var purpose = form.querySelector("input[name=purpose]:checked");
    var group = form.querySelector("[name=state_group]");
    var addressee = form.querySelector("[name=addressed_to]");
    if (group) {
      group.closest("div").hidden = !capacity || capacity.value !== "group";
    }
    if (addressee) {
      addressee.closest("div").hidden = !purpose || purpose.value !== "question";
    }
  }

  var floor = F.connectPage(root, render, F.showConnection);
  F.enhanceForms(floor, F.showMessage);
  document.addEventListener("live:done", function (event) {
    if (event.detail.ok && event.target.id === "live-request") {
      F.showMessage(F.text("on_the_list"), false);
    }
  });
  document.addEventListener("change", showDependentFields);
  showDependentFields();

  F.countdown(floor, byId("live-timer"));
})();
