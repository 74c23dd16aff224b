/* The live floor, shared by every screen of the meeting on the day.
 *
 * One connection to the meeting's event stream: each `state` event carries the
 * whole state of the floor, which replaces the one shown only if it is newer
 * (its `version` is higher). The stream's first event is the state when it
 * connects, so a change made between the page's rendering and the stream's
 * start is not lost. Until that first event has come, every failure of the
 * stream reads the state at once: the state in the page may already be old,
 * and EventSource would only try again later. EventSource reconnects by
 * itself after a network failure or when the server ends the stream (a
 * process that stops ends its streams), after the sub-second delay the stream
 * names. If the stream is refused (an answer that is not a stream, such as a
 * proxy's 502 while the processes restart), the screen reads the state at once
 * and opens the stream again after a short delay that doubles with each
 * failure (`reopenDelay`), up to `REOPEN_MAX_MS`; a state received resets it.
 *
 * The timer travels as timestamps: each screen counts down itself, on the
 * server's clock (the offset from the device's clock is taken from each
 * state's `server_time`), so a hundred phones need no message per second.
 *
 * Plain script, no build step: it defines `window.ConvenerFloor`.
 */
(function () {
  "use strict";

  var REOPEN_FIRST_MS = 500;
  var REOPEN_MAX_MS = 15000;

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  var labels = readJSON("live-labels") || { text: {} };

  function text(key, values) {
    var template = labels.text[key] || key;
    return template.replace(/%\((\w+)\)s/g, function (_, name) {
      return values && values[name] !== undefined ? values[name] : "";
    });
  }

  function label(kind, code) {
    return (labels[kind] && labels[kind][code]) || code || "";
  }

  function language() {
    return (document.documentElement.lang || "en").slice(0, 2);
  }

  /* A moment's time of day in the page's language, "09:30" (with `seconds`,
   * "09:30:05"): the browser's CLDR patterns, the 24-hour clock and Western
   * digits, as the server writes times (convener/prose/formats.py). */
  function timeOfDay(iso, seconds) {
    var parts = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", numberingSystem: "latn" };
    if (seconds) {
      parts.second = "2-digit";
    }
    return new Date(iso).toLocaleTimeString(document.documentElement.lang || undefined, parts);
  }

  /* The State's name in the page's language when the state carries it. */
  function who(entry) {
    return (entry.who_names && entry.who_names[language()]) || entry.who;
  }

  /* The speaker's name (and title) where the delegation gave one, else "". */
  function speakerName(entry) {
    return entry.speaker_name && entry.speaker_title ? entry.speaker_name + ", " + entry.speaker_title : entry.speaker_name || "";
  }

  /* Who speaks, as plain text ("Mexico — H.E. Ms. Ana Ruiz"): for a button's
   * label, which a screen reader reads and no one sees laid out. */
  function speaker(entry) {
    var name = speakerName(entry);
    return name ? who(entry) + " — " + name : who(entry);
  }

  /* A run of text that keeps its own direction inside a page of the other,
   * as <bdi> does in the templates (convener/prose/direction.py): a name takes
   * the direction of its first letter; a clock is left to right ("ltr"),
   * so that "+0:12" does not read "0:12+" in Arabic. */
  function isolated(text, direction) {
    return el("bdi", direction ? { dir: direction } : {}, text);
  }

  /* The same for text that can hold no element (an <option>): Unicode's
   * first-strong isolate and its closing pop. */
  function isolatedText(text) {
    return text ? "\u2068" + text + "\u2069" : "";
  }

  /* Who speaks, as shown: the delegation and the speaker's name, each isolated. */
  function speakerLine(entry) {
    var name = speakerName(entry);
    return el("span", {}, isolated(who(entry)), name ? " — " : null, name ? isolated(name) : null);
  }

  /* "on behalf of the Group of 77", "Question to Dr. Hovy"… the second line of an entry. */
  function details(entry) {
    var parts = [];
    if (entry.on_behalf_of) {
      parts.push(text("on_behalf_of", { group: entry.on_behalf_of }));
    } else if (entry.capacity === "national") {
      parts.push(label("capacity", entry.capacity));
    }
    parts.push(label("purpose", entry.purpose));
    if (entry.addressed_to) {
      parts.push(text("question_to", { person: isolatedText(entry.addressed_to) }));
    }
    if (entry.level_confirmed === false && entry.proposed_level) {
      // A proposal counts as "other" until the secretariat confirms it.
      parts.push(text("level_to_confirm", { level: label("level", entry.proposed_level) }));
    } else if (entry.level) {
      parts.push(label("level", entry.level));
    }
    return parts.join(" · ");
  }

  function secondsLeft(timer, now) {
    if (!timer) {
      return null;
    }
    if (timer.running) {
      return timer.limit - (now - Date.parse(timer.started_at)) / 1000;
    }
    return timer.paused_remaining;
  }

  /* 3:00, 0:07, and +0:12 once the speaker runs over. */
  function clock(seconds) {
    var over = seconds < 0;
    var whole = over ? Math.floor(-seconds) : Math.ceil(seconds);
    var minutes = Math.floor(whole / 60);
    var rest = whole % 60;
    return (over ? "+" : "") + minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  /* A clock as shown: isolated, left to right. */
  function clockElement(seconds) {
    return isolated(clock(seconds), "ltr");
  }

  /* A DOM element: el("li", {class: "x"}, "text", child…). Text is never parsed as HTML. */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      node.setAttribute(name, value === true ? "" : value);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === "") {
        continue;
      }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /* The address of an inscription's action, from the one a page gives for inscription 0. */
  function urlFor(template, id) {
    var at = template.lastIndexOf("/0/");
    return template.slice(0, at) + "/" + id + "/" + template.slice(at + 3);
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  /* A form posted by the script: the new state or the errors come back as JSON. */
  function post(form, extra) {
    var body = new FormData(form);
    Object.keys(extra || {}).forEach(function (name) {
      body.append(name, extra[name]);
    });
    // Not `form.action`: a field named "action" would stand in its place.
    return fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return { errors: { __all__: [response.statusText || String(response.status)] } };
        })
        .then(function (data) {
          data.ok = response.ok;
          return data;
        });
    });
  }

  /* The first message of an errors object, "field: message" where a field is named. */
  function firstError(errors) {
    var fields = Object.keys(errors || {});
    if (!fields.length) {
      return "";
    }
    var message = errors[fields[0]][0];
    return typeof message === "string" ? message : message.message;
  }

  /* A small form with one button, posted by the script. */
  function actionForm(action, button, fields, attributes) {
    var form = el("form", Object.assign({ method: "post", action: action, "data-live": true }, attributes || {}));
    form.appendChild(el("input", { type: "hidden", name: "csrfmiddlewaretoken", value: csrfToken() }));
    Object.keys(fields || {}).forEach(function (name) {
      form.appendChild(el("input", { type: "hidden", name: name, value: fields[name] }));
    });
    form.appendChild(button);
    return form;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  /* The answer to the last action, in the page's message area. */
  function showMessage(message, isError) {
    var node = byId("live-message");
    node.textContent = message || "";
    node.classList.toggle("live-message--error", Boolean(isError));
  }

  /* Whether the screen is live or reconnecting, in the page's connection line. */
  function showConnection(live) {
    var node = byId("live-connection");
    node.textContent = text(live ? "live" : "reconnecting");
    node.classList.toggle("live-connection--lost", !live);
  }

  function connect(options) {
    var current = options.initial || null;
    var offset = 0;
    var source = null;
    var reopenTimer = null;
    var failures = 0;
    var streamed = false;

    function take(state, fresh) {
      if (fresh) {
        offset = Date.parse(state.server_time) - Date.now();
      }
      if (current && state.version <= current.version) {
        return;
      }
      current = state;
      options.onState(state);
    }

    function status(live) {
      if (options.onStatus) {
        options.onStatus(live);
      }
    }

    function poll() {
      fetch(options.stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (state) {
          take(state, true);
        })
        .catch(function () {
          status(false);
        });
    }

    /* The delay before the next try: 0.5 s, 1 s, 2 s... with a random part, so
     * that the screens of a hall do not all come back in the same instant. */
    function reopenDelay() {
      var delay = Math.min(REOPEN_FIRST_MS * Math.pow(2, failures), REOPEN_MAX_MS);
      failures += 1;
      return delay / 2 + Math.random() * (delay / 2);
    }

    function reopenLater() {
      if (reopenTimer) {
        return;
      }
      poll();
      reopenTimer = setTimeout(function () {
        reopenTimer = null;
        open();
      }, reopenDelay());
    }

    function open() {
      if (!window.EventSource) {
        poll();
        setInterval(poll, REOPEN_MAX_MS / 5);
        return;
      }
      source = new EventSource(options.events);
      source.addEventListener("state", function (event) {
        streamed = true;
        failures = 0;
        status(true);
        take(JSON.parse(event.data), true);
      });
      source.addEventListener("open", function () {
        status(true);
      });
      source.addEventListener("error", function () {
        status(false);
        if (source.readyState === EventSource.CLOSED) {
          reopenLater();
        } else if (!streamed) {
          poll();
        }
      });
    }

    if (current) {
      offset = Date.parse(current.server_time) - Date.now();
      options.onState(current);
    }
    open();

    return {
      take: function (state) {
        take(state, true);
      },
      state: function () {
        return current;
      },
      now: function () {
        return Date.now() + offset;
      },
    };
  }

  /* Connect a screen to its meeting: the first state is in the page, the
   * addresses of the stream and of the state in the root's data-events and data-state. */
  function connectPage(root, onState, onStatus) {
    return connect({
      initial: readJSON("live-state"),
      events: root.dataset.events,
      stateUrl: root.dataset.state,
      onState: onState,
      onStatus: onStatus,
    });
  }

  /* Forms marked data-live are posted by the script; the answer's state is shown at once. */
  function enhanceForms(floor, showMessage) {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.hasAttribute("data-live")) {
        return;
      }
      event.preventDefault();
      var submitter = event.submitter;
      var extra = {};
      if (submitter && submitter.name) {
        extra[submitter.name] = submitter.value;
      }
      if (submitter) {
        submitter.disabled = true;
      }
      post(form, extra)
        .then(function (data) {
          if (data.state) {
            floor.take(data.state);
          }
          showMessage(data.ok ? "" : firstError(data.errors), !data.ok);
          form.dispatchEvent(new CustomEvent("live:done", { detail: data, bubbles: true }));
        })
        .catch(function () {
          showMessage(text("reconnecting"), true);
        })
        .then(function () {
          if (submitter) {
            submitter.disabled = false;
          }
        });
    });
  }

  /* Repaint the countdowns (elements with data-timer) several times a second. */
  function tick(floor, render) {
    function frame() {
      render(floor.now());
    }
    frame();
    return setInterval(frame, 250);
  }

  function setText(node, text) {
    if (node.textContent !== text) {
      node.textContent = text;
    }
  }

  /* A clock in `node`, followed by `note`: the clock's element is kept and
   * only its text changes, so that what reads the page (a screen reader, a
   * selection) never holds an element the next tick has thrown away. */
  function showClock(node, seconds, note) {
    var shown = node.firstChild;
    if (!shown || shown.localName !== "bdi" || !shown.nextSibling) {
      node.replaceChildren(clockElement(seconds), document.createTextNode(""));
      shown = node.firstChild;
    }
    setText(shown, clock(seconds));
    setText(shown.nextSibling, note || "");
  }

  /* The current speaker's time left in `node`, repainted several times a
   * second; `note(timer)`, where given, says what follows the clock. */
  function countdown(floor, node, note) {
    return tick(floor, function (now) {
      var state = floor.state();
      if (!state || !state.current) {
        node.textContent = "";
        return;
      }
      var left = secondsLeft(state.current.timer, now);
      showClock(node, left, note ? note(state.current.timer) : "");
      node.classList.toggle("live-over", left < 0);
    });
  }

  window.ConvenerFloor = {
    actionForm: actionForm,
    byId: byId,
    clock: clock,
    clockElement: clockElement,
    connect: connect,
    connectPage: connectPage,
    countdown: countdown,
    details: details,
    el: el,
    enhanceForms: enhanceForms,
    firstError: firstError,
    isolated: isolated,
    isolatedText: isolatedText,
    label: label,
    post: post,
    readJSON: readJSON,
    secondsLeft: secondsLeft,
    showClock: showClock,
    showConnection: showConnection,
    showMessage: showMessage,
    speaker: speaker,
    speakerName: speakerName,
    speakerLine: speakerLine,
    text: text,
    tick: tick,
    timeOfDay: timeOfDay,
    urlFor: urlFor,
    who: who,
  };
})();
