// Student answer page: autosave every change, live progress, countdown, no double submit.
// Progressive enhancement only: without this script the form's Save/Submit buttons do it all.
(function () {
  "use strict";
  // Open book: the article starts folded on a phone and open beside the questions on a wide screen.
  document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
    if (window.matchMedia && window.matchMedia("(min-width: 56rem)").matches) { details.open = true; }
  });
  var form = document.getElementById("attempt-form");
  if (!form) { return; }
  var saveUrl = form.getAttribute("data-save-url");
  var savedBox = document.getElementById("play-saved");
  var answeredBox = document.querySelector("#play-progress [data-answered]");
  var timer = document.getElementById("play-timer");
  var pending = null;
  var inFlight = false;
  var dirty = false;
  var submitting = false;

  function say(text, state) {
    if (!savedBox) { return; }
    savedBox.textContent = text;
    savedBox.setAttribute("data-state", state);
  }

  function countAnswered() {
    // Only the questions on this page are known here; others keep the server's count.
    var base = parseInt(form.getAttribute("data-answered"), 10) || 0;
    var questions = form.querySelectorAll(".question");
    if (form.querySelector("input[name=page]")) { return null; }
    var n = 0;
    questions.forEach(function (q) {
      var done = false;
      q.querySelectorAll("input, select").forEach(function (el) {
        if ((el.type === "radio" || el.type === "checkbox") ? el.checked : el.value.trim() !== "") {
          done = true;
        }
      });
      if (done) { n += 1; }
    });
    return questions.length ? n : base;
  }

  function updateProgress() {
    var n = countAnswered();
    if (n !== null && answeredBox) { answeredBox.textContent = String(n); }
  }

  function save() {
    pending = null;
    if (inFlight) { dirty = true; return; }
    inFlight = true;
    dirty = false;
    say("Saving…", "saving");
    fetch(saveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (resp) {
      if (resp.status === 409) { window.location.reload(); return null; }
      if (!resp.ok) { throw new Error(String(resp.status)); }
      return resp.json();
    }).then(function (body) {
      // A change made while this request was on its way is not in it: still unsaved.
      if (body && body.saved && !dirty) { say("Saved", "saved"); }
    }).catch(function () {
      say("Not saved yet: check your connection. Your answers stay on this page.", "error");
      dirty = true;
    }).then(function () {
      inFlight = false;
      if (dirty && !pending) { pending = window.setTimeout(save, 2000); }
    });
  }

  function schedule(delay) {
    if (submitting) { return; }
    if (pending) { window.clearTimeout(pending); }
    pending = window.setTimeout(save, delay);
    say("Unsaved changes", "dirty");
  }

  form.addEventListener("change", function () { updateProgress(); schedule(150); });
  form.addEventListener("input", function (event) {
    if (event.target && event.target.tagName === "INPUT" && event.target.type === "text") {
      updateProgress();
      schedule(800);
    }
  });

  form.addEventListener("submit", function (event) {
    if (submitting) { event.preventDefault(); return; }
    var action = event.submitter ? event.submitter.value : "";
    if (action === "submit" && !form.hasAttribute("data-time-up")) {
      var n = countAnswered();
      var total = parseInt(form.getAttribute("data-total"), 10) || 0;
      var blank = total - n;
      if (n !== null && n < total &&
          !window.confirm(blank === 1 ? "1 question has no answer. Submit anyway?"
            : blank + " questions have no answer. Submit anyway?")) {
        event.preventDefault();
        return;
      }
    }
    submitting = true;
    if (pending) { window.clearTimeout(pending); pending = null; }
  });

  if (timer) {
    var clock = timer.querySelector("[data-clock]");
    var end = Date.now() + (parseInt(timer.getAttribute("data-seconds-left"), 10) || 0) * 1000;
    // The server rounds the time left down, so "0" here can come up to a second before the real
    // deadline: submit just after it (the server still takes answers within its grace period),
    // so the result page can say the time ran out.
    var submitAt = end + 1500;
    // A quiz's closing time can be days away: "2 d 5 h", "3 h 20 min", then "4 min 10 s".
    var clockText = function (left) {
      var days = Math.floor(left / 86400), hours = Math.floor(left % 86400 / 3600);
      if (days >= 1) return days + " d " + hours + " h";
      if (hours >= 1) return hours + " h " + Math.floor(left % 3600 / 60) + " min";
      return Math.floor(left / 60) + " min " + (left % 60) + " s";
    };
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      clock.textContent = clockText(left);
      if (left <= 60) { timer.classList.add("is-urgent"); }
      if (left === 0 && Date.now() >= submitAt) {
        window.clearInterval(handle);
        if (!submitting) {
          form.setAttribute("data-time-up", "");
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = "action";
          field.value = "submit";
          form.appendChild(field);
          submitting = true;
          form.submit();
        }
      }
    };
    var handle = window.setInterval(tick, 1000);
    tick();
  }
  updateProgress();
})();
