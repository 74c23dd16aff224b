/* The rapporteur's console. The current speaker's intervention is selected
 * (unless the rapporteur stops following); the summary is saved every few
 * seconds and when the field loses focus. Until the server has it, the text
 * stays in this browser's storage, so a reload or a lost connection loses
 * nothing: it is sent again as soon as it can be. */
(function () {
  "use strict";

  var F = window.ConvenerFloor;
  var el = F.el;
  var root = document.getElementById("rapporteur");
  if (!root) {
    return;
  }
  var field = document.getElementById("live-summary");
  var select = document.getElementById("live-turn");
  var follow = document.getElementById("live-follow");
  var status = document.getElementById("live-save-status");
  var form = document.getElementById("live-summary-form");

  var editing = null; // {id, digest}: the intervention shown and the digest of the text it started from
  var dirty = false;
  var saving = null;
  var waitForEdit = false; // after a conflict, save only once the rapporteur has merged
  var opening = null; // the intervention being loaded

  function draftKey(id) {
    return "convener:summary:" + id;
  }

  function keepDraft() {
    if (editing) {
      localStorage.setItem(draftKey(editing.id), JSON.stringify({ text: field.value, digest: editing.digest }));
    }
  }

  function say(message) {
    status.textContent = message;
  }

  function showConflict(data) {
    document.getElementById("live-conflict").hidden = false;
    document.getElementById("live-conflict-message").textContent = F.text("conflict");
    document.getElementById("live-conflict-text").value = data.stored;
  }

  function hideConflict() {
    document.getElementById("live-conflict").hidden = true;
  }

  function save() {
    if (!editing || !dirty || waitForEdit) {
      return Promise.resolve();
    }
    if (saving) {
      return saving.then(save);
    }
    var sent = field.value;
    var target = editing;
    say(F.text("saving"));
    // The form posts the field as it is now, `sent`, and the digest it started from.
    saving = F.post(form, { started_from: target.digest })
      .then(function (data) {
        if (data.ok) {
          target.digest = data.digest;
          if (editing === target && field.value === sent) {
            dirty = false;
            localStorage.removeItem(draftKey(target.id));
          } else {
            keepDraft();
          }
          hideConflict();
          say(F.text("saved_at", { time: F.timeOfDay(data.saved_at, true) }));
        } else if (data.stored !== undefined) {
          target.digest = data.digest;
          keepDraft();
          waitForEdit = true;
          showConflict(data);
          say(F.text("unsaved"));
        } else {
          say(F.firstError(data.errors));
        }
      })
      .catch(function () {
        say(F.text("unsaved"));
      })
      .then(function () {
        saving = null;
      });
    return saving;
  }

  function summaryUrl(id) {
    return F.urlFor(root.dataset.summary, id);
  }

  /* Show the summary of an intervention: the draft kept on this device if
   * there is one the server does not have yet, else the text saved. */
  function open(id) {
    opening = id;
    return save().then(function () {
      if (!id) {
        opening = null;
        editing = null;
        field.value = "";
        field.disabled = true;
        return;
      }
      form.setAttribute("action", summaryUrl(id));
      return fetch(summaryUrl(id), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json();
        })
        .then(function (saved) {
          var draft = JSON.parse(localStorage.getItem(draftKey(id)) || "null");
          editing = { id: id, digest: saved.digest };
          hideConflict();
          waitForEdit = false;
          if (draft && draft.text !== saved.summary) {
            editing.digest = draft.digest;
            field.value = draft.text;
            dirty = true;
            say(F.text("unsaved"));
            save();
          } else {
            localStorage.removeItem(draftKey(id));
            field.value = saved.summary;
            dirty = false;
            say("");
          }
          field.disabled = false;
          select.value = String(id);
        })
        .catch(function () {
          say(F.text("reconnecting"));
        })
        .then(function () {
          opening = null;
        });
    });
  }

  function turnLabel(turn) {
    var time = F.timeOfDay(turn.given_at);
    // An option holds text only: the time and the names isolated by Unicode's marks.
    var name = F.speakerName(turn);
    var who = F.isolatedText(F.who(turn)) + (name ? " — " + F.isolatedText(name) : "");
    return F.isolatedText(time) + " · " + who + " · " + F.label("purpose", turn.purpose);
  }

  function render(state) {
    var turns = state.turns.slice();
    if (state.current) {
      turns.push(state.current);
    }
    turns = turns.filter(function (turn) {
      return turn.intervention;
    });
    document.getElementById("live-now").replaceChildren(state.current ? F.speakerLine(state.current) : F.text("nobody"));
    document.getElementById("live-no-turn").hidden = turns.length > 0;
    var chosen = select.value;
    select.replaceChildren.apply(
      select,
      turns.reverse().map(function (turn) {
        return el("option", { value: String(turn.intervention) }, turnLabel(turn));
      })
    );
    var wanted = follow.checked && state.current && state.current.intervention;
    if (wanted && wanted !== (opening || (editing && editing.id))) {
      open(wanted);
    } else if (chosen) {
      select.value = chosen;
    } else if (!editing && turns.length) {
      open(turns[0].intervention);
    }
  }

  field.addEventListener("input", function () {
    dirty = true;
    waitForEdit = false;
    keepDraft();
  });
  field.addEventListener("blur", save);
  select.addEventListener("change", function () {
    follow.checked = false;
    open(Number(select.value));
  });
  follow.addEventListener("change", function () {
    var state = floor.state();
    if (follow.checked && state) {
      render(state);
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    save();
  });
  window.addEventListener("online", save);
  setInterval(save, Number(root.dataset.autosave) * 1000);

  var floor = F.connectPage(root, render, F.showConnection);
})();
