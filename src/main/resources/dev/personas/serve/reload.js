// Injected by `personas serve` only: reloads the page when the site has been rebuilt.
// A visible page asks with the version it has, and the server answers as soon as the version
// differs (or after 20 s with the same one), so an edit shows without waiting for a poll. Hidden
// pages only check once a second: a browser opens at most six connections to one host, and a
// held request per background tab would soon block the page being worked on.
(function () {
  "use strict";
  // The version the page was served at (the server writes it on this script's tag).
  var script = document.currentScript;
  var seen = script && script.dataset.version ? script.dataset.version : null;
  var timer = null;
  var asking = false;
  function visible() { return document.visibilityState !== "hidden"; }
  function check() {
    if (asking) { return; }
    asking = true;
    window.clearTimeout(timer);
    var hold = seen !== null && visible();
    fetch("/__personas/version" + (hold ? "?seen=" + encodeURIComponent(seen) : ""), { cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (v) {
        if (v === null) { return false; }
        if (seen !== null && v !== seen) { window.location.reload(); return true; }
        seen = v;
        return hold;
      }, function () { return false; /* the server is restarting or stopped: try again later */ })
      .then(function (answered) {
        asking = false;
        timer = window.setTimeout(check, answered && visible() ? 0 : 1000);
      });
  }
  document.addEventListener("visibilitychange", function () { if (visible()) { check(); } });
  check();
})();
