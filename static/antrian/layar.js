/* Waiting-room display: short polling of /antrian/layar/panggilan/?sejak=<last call id>. Every call
   after that id comes back oldest first, so a display that lost its connection catches up in order.
   Each new call is queued; the queue announces one call at a time: the chime (bel.wav), then the
   text in Bahasa Indonesia through speechSynthesis (id-ID), or the chime alone where speech is
   missing. Browsers allow sound only after a user gesture: the «Aktifkan suara» button, once. */
(function () {
  "use strict";

  var BASI_MS = 120000; // a call older than this when it arrives (after an outage) is shown, not spoken

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  ready(function () {
    var root = document.getElementById("layar");
    if (!root) { return; }
    var url = root.getAttribute("data-url");
    var sejak = parseInt(root.getAttribute("data-sejak"), 10) || 0;
    var interval = parseInt(root.getAttribute("data-interval"), 10) || 2000;
    var bel = new Audio(root.getAttribute("data-bunyi"));
    var suaraAktif = false;
    var antre = [];          // calls waiting to be announced
    var sedangBicara = false;
    var ucap = document.getElementById("terakhir-diucapkan");
    var tombol = document.getElementById("aktifkan-suara");
    var putus = document.getElementById("status-sambungan");

    function jam() {
      var el = document.getElementById("jam");
      if (el) { el.textContent = new Date().toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" }) + " WIB"; }
    }
    jam();
    window.setInterval(jam, 15000);

    tombol.addEventListener("click", function () {
      suaraAktif = true;
      bel.muted = true; // unlock audio within the gesture, silently
      bel.play().then(function () { bel.pause(); bel.currentTime = 0; bel.muted = false; }).catch(function () { bel.muted = false; });
      if (window.speechSynthesis) { window.speechSynthesis.speak(new SpeechSynthesisUtterance("")); }
      tombol.hidden = true;
      root.setAttribute("data-suara", "aktif");
    });

    function tampil(p) {
      var kode = document.getElementById("kode-dipanggil");
      kode.textContent = p.kode;
      kode.classList.remove("baru");
      void kode.offsetWidth; // restart the blink
      kode.classList.add("baru");
      document.getElementById("loket-dipanggil").textContent = "Loket " + p.loket;
      var list = document.getElementById("riwayat");
      var li = document.createElement("li");
      [["kode", p.kode], ["", "Loket " + p.loket], ["jam", p.jam]].forEach(function (part, i) {
        var span = document.createElement("span");
        if (part[0]) { span.className = part[0]; }
        span.textContent = part[1];
        if (i) { li.appendChild(document.createTextNode(" ")); }
        li.appendChild(span);
      });
      list.insertBefore(li, list.firstChild);
      while (list.children.length > 8) { list.removeChild(list.lastChild); }
    }

    function papan(rows) {
      var ul = document.getElementById("papan");
      ul.textContent = "";
      rows.forEach(function (r) {
        var li = document.createElement("li");
        li.setAttribute("data-loket", r.loket);
        var a = document.createElement("span"); a.className = "tv-papan-loket"; a.textContent = "Loket " + r.loket;
        var b = document.createElement("span"); b.className = "tv-papan-kode"; b.textContent = r.kode || "–";
        li.appendChild(a); li.appendChild(b);
        ul.appendChild(li);
      });
    }

    function selesai() { sedangBicara = false; window.setTimeout(berikut, 400); }

    function bicara(teks) {
      if (!suaraAktif || !window.speechSynthesis || !window.SpeechSynthesisUtterance) { selesai(); return; }
      var u = new SpeechSynthesisUtterance(teks);
      u.lang = "id-ID";
      u.rate = 0.9;
      var voice = window.speechSynthesis.getVoices().filter(function (v) { return /^id/i.test(v.lang); })[0];
      if (voice) { u.voice = voice; }
      var guard = window.setTimeout(selesai, 15000); // a speech engine that never ends must not stop the queue
      u.onend = u.onerror = function () { window.clearTimeout(guard); selesai(); };
      window.speechSynthesis.speak(u);
    }

    function berikut() {
      if (sedangBicara || !antre.length) { return; }
      sedangBicara = true;
      var p = antre.shift();
      tampil(p);
      if (p.basi) { sedangBicara = false; berikut(); return; }
      ucap.textContent = p.teks;
      ucap.setAttribute("data-teks", p.teks);
      ucap.setAttribute("data-jumlah", String((parseInt(ucap.getAttribute("data-jumlah"), 10) || 0) + 1));
      if (!suaraAktif) { window.setTimeout(selesai, 1500); return; }
      bel.currentTime = 0;
      var sudah = false;
      var lanjut = function () { if (!sudah) { sudah = true; bicara(p.teks); } };
      bel.onended = lanjut;
      window.setTimeout(lanjut, 4000); // a chime that never ends (a stalled audio device) must not stop the queue
      bel.play().catch(lanjut);
    }

    function terima(data) {
      var now = Date.parse(data.sekarang);
      data.panggilan.forEach(function (p) {
        if (p.id <= sejak) { return; }
        sejak = p.id;
        p.basi = now - Date.parse(p.waktu) > BASI_MS;
        antre.push(p);
      });
      if (data.terakhir < sejak) { sejak = data.terakhir; } // the log was reset
      root.setAttribute("data-sejak", String(sejak));
      papan(data.papan);
      berikut();
    }

    function tanya() {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", url + "?sejak=" + encodeURIComponent(sejak));
      xhr.timeout = 10000;
      xhr.onload = function () {
        if (xhr.status === 200) {
          putus.hidden = true;
          terima(JSON.parse(xhr.responseText));
        } else { putus.hidden = false; }
        window.setTimeout(tanya, interval);
      };
      xhr.onerror = xhr.ontimeout = function () { putus.hidden = false; window.setTimeout(tanya, interval * 2); };
      xhr.send();
    }
    window.setTimeout(tanya, interval);
  });
})();
