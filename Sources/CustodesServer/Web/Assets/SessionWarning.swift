/// The one script the unit's pages load (from this origin; the Content-Security-Policy allows nothing inline): two
/// minutes before an idle session would end, it shows a warning with "Stay signed in", which asks the server for
/// `/session/alive` and so keeps the session. Without it, pages work the same; only the warning is lost.
enum SessionWarning {
    static let script = """
        (function () {
          "use strict";
          var warning = document.getElementById("session-warning");
          var stay = document.getElementById("session-stay");
          var text = document.getElementById("session-warning-text");
          if (!warning || !stay || !text) { return; }
          var idle = Number(warning.getAttribute("data-idle-seconds")) * 1000;
          if (!(idle > 0)) { return; }
          var original = text.textContent;
          var warnTimer, endTimer;
          function schedule() {
            clearTimeout(warnTimer);
            clearTimeout(endTimer);
            warning.hidden = true;
            text.textContent = original;
            stay.hidden = false;
            warnTimer = setTimeout(function () { warning.hidden = false; stay.focus(); }, Math.max(idle - 120000, 0));
            endTimer = setTimeout(function () {
              text.textContent = "You have been signed out after a while without activity. Anything you send now is kept: sign in again and you will come back to it.";
              stay.hidden = true;
            }, idle);
          }
          stay.addEventListener("click", function () {
            fetch("/session/alive", { credentials: "same-origin", cache: "no-store" }).then(function (response) {
              if (response.ok && !response.redirected) { schedule(); }
            });
          });
          schedule();
        })();
        """
}
