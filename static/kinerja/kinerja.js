// Charts of the kinerja layanan dashboard, from the json_script tag #kinerja-data.
// Chart.js 4.6.1 (static/vendor/chartjs). Every bar carries its value as text and every chart has a
// table beside it with the same numbers, so colour is never the only carrier of meaning.
(function () {
  "use strict";
  var source = document.getElementById("kinerja-data");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var BIRU = "#1f5f99";
  var ABU = "#9a9a9a";
  var HIJAU = "#2f6b3a";
  var angka = function (v) {
    return v === null || v === undefined ? "–" : Number(v).toLocaleString("id-ID");
  };
  var labelValues = {
    id: "labelValues",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "11px sans-serif";
      ctx.fillStyle = "#222";
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      chart.data.datasets.forEach(function (dataset, i) {
        if (chart.getDatasetMeta(i).hidden) {
          return;
        }
        chart.getDatasetMeta(i).data.forEach(function (bar, j) {
          ctx.fillText(angka(dataset.data[j]), bar.x + 3, bar.y);
        });
      });
      ctx.restore();
    },
  };
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
      plugins: [labelValues],
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
