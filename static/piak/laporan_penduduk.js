// Charts of a laporan perkembangan kependudukan, from the json_script tag #laporan-penduduk-data.
// Chart.js 4.6.1 with static/js/grafik.js. Every bar carries its value as text, so the colours
// are never the only carrier of meaning; the same numbers are in the tables under the charts.
(function () {
  "use strict";
  var data = window.Grafik && Grafik.data("laporan-penduduk-data");
  if (!data) {
    return;
  }
  var LAKI = "#1f5f99";
  var PEREMPUAN = "#c2571a";
  var options = {
    responsive: true,
    maintainAspectRatio: false,
    layout: { padding: { top: 18 } },
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
  };
  var draw = function (id, labels, datasets) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: options,
      plugins: [Grafik.labelNilai()],
    });
  };
  draw("grafik-wilayah", data.wilayah.labels, [
    { label: "Jumlah penduduk", data: data.wilayah.total, backgroundColor: "#4d7a4d" },
  ]);
  draw("grafik-umur", data.umur.labels, [
    { label: "Laki-laki", data: data.umur.L, backgroundColor: LAKI },
    { label: "Perempuan", data: data.umur.P, backgroundColor: PEREMPUAN },
  ]);
  draw("grafik-cakupan", data.cakupan.labels, [
    { label: "Memiliki", data: data.cakupan.punya, backgroundColor: "#2f6b3a" },
    { label: "Belum memiliki", data: data.cakupan.belum, backgroundColor: "#b0b0b0" },
  ]);
})();
