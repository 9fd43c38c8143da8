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
          var deadline = 0;
          // Measured against the clock, not a timer, so a laptop that slept still knows where it stands.
          function signedOut() {
            text.textContent = "You have been signed out after a while without activity. Anything you send now is kept: sign in again and you will come back to it.";
            stay.hidden = true;
            warning.hidden = false;
          }
          function check() {
            var left = deadline - Date.now();
            if (left <= 0) { signedOut(); } else if (left <= 120000 && warning.hidden) { warning.hidden = false; stay.focus(); }
          }
          function restart() {
            deadline = Date.now() + idle;
            warning.hidden = true;
            text.textContent = original;
            stay.hidden = false;
          }
          stay.addEventListener("click", function () {
            if (deadline - Date.now() <= 0) { signedOut(); return; }
            fetch("/session/alive", { credentials: "same-origin", cache: "no-store", redirect: "manual" }).then(function (response) {
              if (response.ok && response.type !== "opaqueredirect") { restart(); } else { signedOut(); }
            }, signedOut);
          });
          document.addEventListener("visibilitychange", check);
          restart();
          setInterval(check, 15000);
        })();
        """
}
