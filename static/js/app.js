/* quizapp: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  // A busy state on submit; a second submit of the same form (double click) is dropped.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // GET forms only read (print and download buttons): the page stays put after a
    // download, so locking them would leave every button dead until a reload.
    if ((form.getAttribute("method") || "get").toLowerCase() === "get") return;
    if (form.dataset.submitting === "1") {
      event.preventDefault();
      return;
    }
    keepUnsentWork(form);
    form.dataset.submitting = "1";
    form.setAttribute("aria-busy", "true");
    var button = form.querySelector("button[type=submit][data-busy-text]");
    if (button) {
      button.dataset.label = button.textContent;
      button.textContent = button.getAttribute("data-busy-text");
      button.classList.add("is-busy");
    }
    // Disable after the browser has collected the form data.
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // Coming back with the Back button restores the page from cache: make its forms usable again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      delete form.dataset.submitting;
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        b.disabled = false;
        if (b.dataset.label) b.textContent = b.dataset.label;
        b.classList.remove("is-busy");
      });
    });
  });

  // What a teacher typed survives a session that ended before the form was sent (logged out
  // in another tab, password changed elsewhere): each teacher form's typed fields are kept in
  // this tab when sent. The login page or error page that says "not saved" marks them to put
  // back ([data-unsent-work], .flash-unsent); the login page keeps them while the teacher logs
  // in ([data-keeps-unsent-work]); the form's page, opened again, gets them back. Any other
  // page means the form went through, and they are dropped.
  var UNSENT_KEY = "quizapp-unsent-form";
  function typedFields(form) {
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;
      var type = (field.type || "").toLowerCase();
      if (/^(hidden|password|file|submit|button|reset|image)$/.test(type)) return;
      if (type === "checkbox" || type === "radio") {
        fields.push({ name: field.name, value: field.value, checked: field.checked });
      } else {
        fields.push({ name: field.name, value: field.value });
      }
    });
    return fields;
  }
  function postForms() {
    return Array.prototype.filter.call(document.forms, function (form) {
      return (form.getAttribute("method") || "get").toLowerCase() === "post";
    });
  }
  function here() { return window.location.pathname + window.location.search; }
  function readUnsent() {
    try { return JSON.parse(window.sessionStorage.getItem(UNSENT_KEY) || "null"); }
    catch (e) { return null; }
  }
  function writeUnsent(work) {
    try {
      if (work) window.sessionStorage.setItem(UNSENT_KEY, JSON.stringify(work));
      else window.sessionStorage.removeItem(UNSENT_KEY);
    } catch (e) { /* storage full or refused: nothing kept, as without this script */ }
  }
  function keepUnsentWork(form) {
    if (!/^\/teacher(\/|$)/.test(window.location.pathname)) return;
    if (form.querySelector("input[type=password]")) return;
    var fields = typedFields(form);
    if (!fields.length) return;
    writeUnsent({ page: here(), form: postForms().indexOf(form), fields: fields });
  }
  function putBack(work) {
    var form = postForms()[work.form];
    if (!form) return false;
    var byName = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name) (byName[field.name] = byName[field.name] || []).push(field);
    });
    work.fields.forEach(function (kept) {
      (byName[kept.name] || []).forEach(function (field) {
        var type = (field.type || "").toLowerCase();
        if (type === "checkbox" || type === "radio") {
          if (field.value === kept.value && "checked" in kept) field.checked = kept.checked;
        } else if ("value" in kept && !/^(hidden|password|file)$/.test(type)) {
          field.value = kept.value;
        } else {
          return;
        }
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
    var note = document.createElement("p");
    note.className = "flash flash-warning";
    note.setAttribute("role", "status");
    note.setAttribute("data-unsent-restored", "");
    note.textContent = "What you typed before you were logged out is back below. It is not " +
      "saved yet: check it, then save.";
    form.insertBefore(note, form.firstChild);
    return true;
  }
  (function () {
    var work = readUnsent();
    if (!work) return;
    if (document.querySelector("[data-unsent-work], .flash-unsent")) {
      work.waiting = true;
      writeUnsent(work);
    } else if (document.querySelector("[data-keeps-unsent-work]")) {
      return;
    } else if (work.waiting && work.page === here()) {
      putBack(work);
      writeUnsent(null);
    } else {
      writeUnsent(null);
    }
  })();

  // "Copy link" buttons (hidden unless the clipboard can be used).
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        button.textContent = "Copied";
        window.setTimeout(function () { button.textContent = "Copy link"; }, 2000);
      });
    });
  });

  // "Print" buttons (hidden without this script: the browser's own Print command works too).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });

  // Times in the teacher's own time zone: the server writes UTC in <time datetime>.
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  if (window.Intl && Intl.DateTimeFormat) {
    var local = new Intl.DateTimeFormat(undefined, {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
    });
    document.querySelectorAll("time[data-local]").forEach(function (element) {
      var moment = new Date(element.getAttribute("datetime"));
      if (isNaN(moment.getTime())) return;
      element.textContent = local.format(moment);
      element.title = zone;
    });
  }
  // The settings' closing time is typed in the teacher's own zone: send the zone with it, show
  // the stored (UTC) time in that zone, and say which zone it is.
  var closing = document.querySelector("input[name=closes_at]");
  var zoneField = document.querySelector("input[name=time_zone]");
  if (closing && zoneField && zone) {
    zoneField.value = zone;
    if (closing.hasAttribute("data-utc") && closing.value) {
      var utc = new Date(closing.value + ":00Z".slice(closing.value.length > 16 ? 3 : 0));
      if (!isNaN(utc.getTime())) {
        var shifted = new Date(utc.getTime() - utc.getTimezoneOffset() * 60000);
        closing.value = shifted.toISOString().slice(0, 16);
      }
    }
    document.querySelectorAll("[data-zone-note]").forEach(function (note) {
      note.textContent = "Times are in your time zone (" + zone + ").";
    });
  }
  // Downloads that hold times (results CSV) ask for them in the same zone.
  if (zone) {
    document.querySelectorAll("a[data-tz-link]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.searchParams.set("tz", zone);
      link.href = url.toString();
    });
  }

  // (After the times above are written: they change the tables' widths.)
  // A table too wide for the screen scrolls inside its .table-wrap: make that box reachable by
  // keyboard (Tab, then the arrow keys) and name it, or a keyboard user cannot see the hidden
  // columns. Checked again when the window changes size (a phone turned sideways).
  function markScrollingTables() {
    document.querySelectorAll(".table-wrap").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        var caption = box.querySelector("caption");
        var section = box.closest("section, .card");
        var heading = section ? section.querySelector("h2, h3") : null;
        var name = (caption || heading) ? (caption || heading).textContent.trim() : "";
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", (name ? name + ": " : "") + "table, scroll sideways for more");
        box.dataset.scrollMarked = "1";
      } else if (!scrolls && box.dataset.scrollMarked === "1") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.scrollMarked;
      }
    });
  }
  markScrollingTables();
  var resizeTimer = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(markScrollingTables, 150);
  });
})();
