// Kiosk tablet (IKM): when nobody touches the screen for data-kiosk-idle seconds, go back to an
// empty questionnaire so the next citizen never sees the previous one's answers.
(function () {
  "use strict";
  var box = document.querySelector("[data-kiosk-idle]");
  if (!box) {
    return;
  }
  var seconds = parseInt(box.getAttribute("data-kiosk-idle"), 10) || 90;
  var home = box.getAttribute("data-kiosk-home");
  var timer = null;
  var reset = function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      window.location.replace(home);
    }, seconds * 1000);
  };
  ["pointerdown", "keydown", "input", "scroll", "touchstart"].forEach(function (name) {
    document.addEventListener(name, reset, { passive: true });
  });
  reset();
})();
