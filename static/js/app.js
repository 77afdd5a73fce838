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

  // Batch TTE page: while the workers sign, poll the small progress answer every two seconds
  // (n of N signed, failures with their reason); when the batch is done, load the full page.
  function tteProgres() {
    var card = document.getElementById("tte-progres");
    if (!card || !card.dataset.progresUrl) { return; }
    var bar = card.querySelector("progress");
    function poll() {
      fetch(card.dataset.progresUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (p) {
          document.getElementById("tte-berhasil").textContent = p.berhasil;
          document.getElementById("tte-gagal-jumlah").textContent = p.gagal;
          document.getElementById("tte-gagal").hidden = p.gagal === 0;
          bar.value = p.berhasil + p.gagal;
          var list = document.getElementById("tte-gagal-rincian");
          list.replaceChildren.apply(list, p.gagal_rincian.map(function (f) {
            var li = document.createElement("li");
            li.textContent = f.nomor + ": " + f.pesan;
            return li;
          }));
          if (p.selesai) { window.location.reload(); } else { window.setTimeout(poll, 2000); }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 2000);
  }

  ready(function () {
    printButtons();
    tteSelection();
    bukuAlamat();
    tteProgres();
  });
})();
