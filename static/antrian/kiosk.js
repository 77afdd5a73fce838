/* Kiosk: a touch screen with no keyboard. A ticket page prints itself once (the browser's print,
   to the 58/80 mm receipt printer set as default); any screen left without a tap for N seconds
   mid-flow returns to the start screen. A tapped button is disabled at once (no double tickets). */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  ready(function () {
    var root = document.getElementById("kiosk");
    if (!root) { return; }
    var diam = parseInt(root.getAttribute("data-diam"), 10) || 30;
    var awal = root.getAttribute("data-awal");
    var timer = null;
    var diAwal = !root.hasAttribute("data-cetak-otomatis") && !document.getElementById("kiosk-pesan");

    function kembali() { window.location.replace(awal); }
    function tunda() {
      if (timer) { window.clearTimeout(timer); }
      if (!diAwal) { timer = window.setTimeout(kembali, diam * 1000); }
    }
    ["pointerdown", "touchstart", "keydown"].forEach(function (ev) {
      document.addEventListener(ev, tunda, { passive: true });
    });
    tunda();

    document.querySelectorAll("form button.jalur").forEach(function (button) {
      button.form.addEventListener("submit", function () {
        document.querySelectorAll("button.jalur").forEach(function (b) { b.disabled = true; });
        button.classList.add("dipilih");
      });
    });

    if (root.hasAttribute("data-cetak-otomatis")) {
      root.setAttribute("data-dicetak", "menunggu");
      window.setTimeout(function () {
        window.print();
        root.setAttribute("data-dicetak", "ya");
      }, 300);
    }
  });
})();
