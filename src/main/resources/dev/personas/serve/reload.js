// Injected by `personas serve` only: reloads the page when the site has been rebuilt.
(function () {
  "use strict";
  var seen = null;
  function check() {
    fetch("/__personas/version", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (v) {
        if (v === null) { return; }
        if (seen !== null && v !== seen) { window.location.reload(); return; }
        seen = v;
      })
      .catch(function () { /* the server is restarting or stopped: try again later */ })
      .then(function () { window.setTimeout(check, 1000); });
  }
  check();
})();
