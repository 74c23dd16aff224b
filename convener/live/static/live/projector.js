/* The projector: who has the floor, in what capacity, a large timer and the
 * next speakers, readable from the back of the room. */
(function () {
  "use strict";

  var F = window.ConvenerFloor;
  var el = F.el;
  var byId = F.byId;
  var root = document.getElementById("projector");
  if (!root) {
    return;
  }
  var NEXT = 3;

  function render(state) {
    var current = state.current;
    byId("live-segment").textContent = state.segment ? state.segment.title : F.text("no_segment");
    byId("live-who").replaceChildren(current ? F.isolated(F.who(current)) : F.text("nobody"));
    byId("live-name").replaceChildren(current && current.speaker_name ? F.isolated(current.speaker_name) : "");
    byId("live-capacity").textContent = current ? F.details(current) : "";
    var next = byId("live-next");
    next.replaceChildren.apply(
      next,
      state.speakers.slice(0, NEXT).map(function (entry) {
        return el(
          "li",
          {},
          F.isolated(F.who(entry)),
          entry.on_behalf_of ? el("span", { class: "projector__detail" }, " " + F.text("on_behalf_of", { group: entry.on_behalf_of })) : null
        );
      })
    );
    next.parentNode.hidden = !state.speakers.length;
  }

  function showStatus(live) {
    byId("live-connection").textContent = live ? "" : F.text("reconnecting");
  }

  var floor = F.connectPage(root, render, showStatus);

  F.tick(floor, function (now) {
    var state = floor.state();
    var timer = byId("live-timer");
    var timerState = byId("live-timer-state");
    if (!state || !state.current) {
      timer.textContent = "";
      timerState.textContent = "";
      return;
    }
    var left = F.secondsLeft(state.current.timer, now);
    F.showClock(timer, left);
    timer.classList.toggle("live-over", left < 0);
    timerState.textContent = !state.current.timer.running ? F.text("paused") : left < 0 ? F.text("over_time") : "";
  });

  var fullscreen = byId("live-fullscreen");
  if (document.documentElement.requestFullscreen) {
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", function () {
      document.documentElement.requestFullscreen();
    });
    document.addEventListener("fullscreenchange", function () {
      fullscreen.hidden = Boolean(document.fullscreenElement);
    });
  }
})();
