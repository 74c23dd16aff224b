/* The chair's console: the list of speakers, the floor and the timer, kept
 * current from the meeting's event stream; every button posts one action. */
(function () {
  "use strict";

  var F = window.ConvenerFloor;
  var el = F.el;
  var byId = F.byId;
  var root = document.getElementById("chair");
  if (!root) {
    return;
  }

  function badges(entry) {
    var list = el("span", { class: "live-badges" });
    if (entry.first_time) {
      list.appendChild(el("span", { class: "live-badge live-badge--first" }, F.text("first_time")));
    }
    if (entry.raised_flag) {
      list.appendChild(el("span", { class: "live-badge" }, F.text("raised_flag")));
    }
    if (entry.added_to_closed_list) {
      list.appendChild(el("span", { class: "live-badge live-badge--warning" }, F.text("added_to_closed_list")));
    }
    if (entry.purpose === "point_of_order") {
      list.appendChild(el("span", { class: "live-badge live-badge--urgent" }, F.label("purpose", entry.purpose)));
    }
    return list;
  }

  function button(label, attributes) {
    return el("button", Object.assign({ type: "submit" }, attributes || {}), label);
  }

  function speakerRow(entry, index, count) {
    var name = F.speaker(entry);
    var actions = el("div", { class: "live-row-actions" });
    actions.appendChild(
      F.actionForm(root.dataset.give, button(F.text("give_floor"), { "aria-label": F.text("give_floor") + ": " + name }), {
        inscription: entry.id,
      })
    );
    if (index > 0) {
      actions.appendChild(
        F.actionForm(
          F.urlFor(root.dataset.move, entry.id),
          button("↑", { class: "button--secondary", "aria-label": F.text("move_up") + ": " + name, title: F.text("move_up") }),
          { place: index }
        )
      );
    }
    if (index < count - 1) {
      actions.appendChild(
        F.actionForm(
          F.urlFor(root.dataset.move, entry.id),
          button("↓", { class: "button--secondary", "aria-label": F.text("move_down") + ": " + name, title: F.text("move_down") }),
          { place: index + 2 }
        )
      );
    }
    actions.appendChild(
      F.actionForm(F.urlFor(root.dataset.skip, entry.id), button(F.text("skip"), { class: "button--secondary", "aria-label": F.text("skip") + ": " + name }))
    );
    return el(
      "li",
      { class: "live-speaker", "data-inscription": entry.id },
      el("div", { class: "live-speaker__who" }, el("strong", {}, F.speakerLine(entry)), " ", badges(entry)),
      el("div", { class: "live-speaker__details muted" }, F.details(entry)),
      actions
    );
  }

  function renderSpeakers(state) {
    var list = byId("live-speakers");
    list.replaceChildren.apply(
      list,
      state.speakers.map(function (entry, index) {
        return speakerRow(entry, index, state.speakers.length);
      })
    );
    byId("live-empty").hidden = state.speakers.length > 0;
    byId("live-count").textContent = state.speakers.length ? "(" + state.speakers.length + ")" : "";
    var order = state.speakers.map(function (entry) {
      return entry.id;
    });
    byId("live-proposal").hidden = order.join() === state.proposed_order.join();
    byId("live-give-next").disabled = !state.speakers.length;
  }

  function renderCurrent(state) {
    var current = state.current;
    var box = byId("live-current");
    if (!current) {
      box.replaceChildren(el("p", { class: "muted" }, F.text("nobody")));
    } else {
      box.replaceChildren(
        el("p", { class: "live-current__who" }, F.speakerLine(current), " ", badges(current)),
        el("p", { class: "live-current__details" }, F.details(current))
      );
    }
    if (state.interrupted) {
      box.append(
        el(
          "p",
          { class: "live-current__interrupted" },
          F.text("interrupted"),
          " ",
          F.speakerLine(state.interrupted)
        )
      );
    }
    byId("live-timer-controls").hidden = !current;
    byId("live-pause").hidden = !current || !current.timer.running;
    byId("live-resume").hidden = !current || current.timer.running;
  }

  function renderList(state) {
    byId("live-list-status").textContent = F.text(state.list_closed ? "list_closed" : "list_open");
    byId("live-close-list").hidden = state.list_closed;
    byId("live-open-list").hidden = !state.list_closed;
    var segment = byId("live-segment");
    if (document.activeElement !== segment) {
      segment.value = state.segment ? String(state.segment.id) : "";
    }
  }

  function renderTurns(state) {
    byId("live-no-turns").hidden = state.turns.length > 0;
    var list = byId("live-turns");
    list.replaceChildren.apply(
      list,
      state.turns
        .slice()
        .reverse()
        .map(function (turn) {
          return el(
            "li",
            {},
            el("strong", {}, F.speakerLine(turn)),
            " ",
            el(
              "span",
              { class: "muted" },
              F.label("purpose", turn.purpose) + " · ",
              F.isolated(F.clock(turn.spoken) + " / " + F.clock(turn.limit), "ltr")
            )
          );
        })
    );
  }

  function renderQuotas(state) {
    var groups = Object.keys(state.quotas || {});
    byId("live-quotas-table").hidden = !groups.length;
    var body = byId("live-quotas");
    body.replaceChildren.apply(
      body,
      groups.map(function (group) {
        var quota = state.quotas[group];
        return el(
          "tr",
          { class: quota.used > quota.seconds ? "live-over" : null },
          el("th", { scope: "row" }, F.label("group", group)),
          el("td", {}, F.clockElement(quota.used)),
          el("td", {}, F.clockElement(quota.seconds))
        );
      })
    );
  }

  /* The secretariat's part of the console that lists the levels to confirm
   * is read afresh (htmx, `live:levels`) when the inscriptions awaiting it change. */
  var toConfirm = null;
  function renderLevels(state) {
    var ids = state.speakers
      .concat(state.current ? [state.current] : [], state.interrupted ? [state.interrupted] : [])
      .filter(function (entry) {
        return entry.level_confirmed === false;
      })
      .map(function (entry) {
        return entry.id;
      })
      .sort()
      .join();
    if (toConfirm !== null && ids !== toConfirm && byId("live-levels")) {
      document.body.dispatchEvent(new CustomEvent("live:levels"));
    }
    toConfirm = ids;
  }

  function render(state) {
    renderLevels(state);
    renderList(state);
    renderCurrent(state);
    renderSpeakers(state);
    renderTurns(state);
    renderQuotas(state);
  }

  var floor = F.connectPage(root, render, F.showConnection);
  F.enhanceForms(floor, F.showMessage);
  document.addEventListener("live:done", function (event) {
    if (event.detail.ok && event.target.hasAttribute("data-reset")) {
      event.target.reset();
    }
  });

  F.countdown(floor, byId("live-timer"), function (timer) {
    return timer.running ? "" : " · " + F.text("paused");
  });
})();
