/* Behaviour of the office's screens. No inline scripts anywhere: the Content-Security-Policy
   (script-src 'self') refuses them, so every page loads this file and it looks for its elements. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  // Buttons that print the page (slip, kartu kendali, buku pengambilan, standar pelayanan).
  function printButtons() {
    document.querySelectorAll("[data-cetak]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Kotak masuk (Kadis): "pilih semua" and the count of berkas chosen for TTE.
  function tteSelection() {
    var all = document.getElementById("pilih-semua"), count = document.getElementById("jumlah-terpilih");
    if (!all || !count) { return; }
    var boxes = document.querySelectorAll("input.pilih");
    function update() { count.textContent = document.querySelectorAll("input.pilih:checked").length; }
    all.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      update();
    });
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    update();
  }

  ready(function () {
    printButtons();
    tteSelection();
  });
})();
