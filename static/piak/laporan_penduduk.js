// Charts of a laporan perkembangan kependudukan, from the json_script tag #laporan-penduduk-data.
// Chart.js 4.6.1 (static/vendor/chartjs). Every bar carries its value as text, so the colours
// are never the only carrier of meaning; the same numbers are in the tables under the charts.
(function () {
  "use strict";
  var source = document.getElementById("laporan-penduduk-data");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var LAKI = "#1f5f99";
  var PEREMPUAN = "#c2571a";
  var angka = function (v) {
    return Number(v).toLocaleString("id-ID");
  };
  var labelValues = {
    id: "labelValues",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "11px sans-serif";
      ctx.fillStyle = "#222";
      ctx.textAlign = "center";
      ctx.textBaseline = "bottom";
      chart.data.datasets.forEach(function (dataset, i) {
        if (chart.getDatasetMeta(i).hidden) {
          return;
        }
        chart.getDatasetMeta(i).data.forEach(function (bar, j) {
          ctx.fillText(angka(dataset.data[j]), bar.x, bar.y - 2);
        });
      });
      ctx.restore();
    },
  };
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
      plugins: [labelValues],
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
