// Charts of the kinerja layanan dashboard, from the json_script tag #kinerja-data.
// Chart.js 4.6.1 with static/js/grafik.js. Every bar carries its value as text and every chart has a
// table beside it with the same numbers, so colour is never the only carrier of meaning.
(function () {
  "use strict";
  var data = window.Grafik && Grafik.data("kinerja-data");
  if (!data) {
    return;
  }
  var BIRU = "#1f5f99";
  var ABU = "#9a9a9a";
  var HIJAU = "#2f6b3a";
  var draw = function (id, labels, datasets) {
    var canvas = document.getElementById(id);
    if (!canvas || !labels.length) {
      if (canvas) {
        var empty = document.createElement("p");
        empty.className = "muted";
        empty.textContent = "Tidak ada data pada periode ini.";
        canvas.parentNode.replaceWith(empty);
      }
      return;
    }
    new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { right: 48 } },
        scales: {
          x: { beginAtZero: true },
          y: {
            ticks: {
              // long step names are cut on the axis; the tooltip and the table keep them whole
              callback: function (value) {
                var label = String(this.getLabelForValue(value));
                return label.length > 32 ? label.slice(0, 31) + "…" : label;
              },
            },
          },
        },
        plugins: { legend: { display: datasets.length > 1 } },
      },
      plugins: [Grafik.labelNilai({ horizontal: true })],
    });
  };
  draw("grafik-layanan", data.layanan.labels, [
    { label: "Masuk", data: data.layanan.masuk, backgroundColor: ABU },
    { label: "Selesai", data: data.layanan.selesai, backgroundColor: HIJAU },
  ]);
  draw("grafik-tahap", data.tahap.labels, [
    { label: "Median (menit)", data: data.tahap.median, backgroundColor: BIRU },
    { label: "Standar SOP (menit)", data: data.tahap.standar, backgroundColor: ABU },
  ]);
  draw("grafik-petugas", data.petugas.labels, [
    { label: "Serah-terima", data: data.petugas.jumlah, backgroundColor: BIRU },
  ]);
  draw("grafik-pengembalian", data.pengembalian.labels, [
    { label: "Jumlah", data: data.pengembalian.jumlah, backgroundColor: BIRU },
  ]);
})();
