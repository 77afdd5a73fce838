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

  // Konsep naskah: choosing an instansi from the address book fills nama, alamat and email
  // (the fields stay editable: they are the letter's own snapshot).
  function bukuAlamat() {
    var select = document.querySelector("select[data-buku-alamat]");
    if (!select) { return; }
    var book = JSON.parse(select.getAttribute("data-buku-alamat"));
    select.addEventListener("change", function () {
      var row = book[select.value];
      if (!row) { return; }
      ["nama", "alamat", "email"].forEach(function (key) {
        var input = document.getElementById("id_tujuan_" + key);
        if (input) { input.value = row[key]; }
      });
    });
  }

  ready(function () {
    printButtons();
    tteSelection();
    bukuAlamat();
  });
})();
