// Realisasi chart: pagu and realisasi per program, from the json_script tag #realisasi-data.
// Chart.js 4.6.1 with static/js/grafik.js. Every bar carries its value and percentage as text,
// so the colours are never the only carrier of meaning.
(function () {
  "use strict";
  var data = window.Grafik && Grafik.data("realisasi-data");
  var canvas = document.getElementById("realisasi-chart");
  if (!data || !canvas) {
    return;
  }
  var wadah = document.getElementById("realisasi-wadah");
  wadah.style.position = "relative";
  wadah.style.height = 100 * (data.labels.length + 1) + "px";
  var rupiah = function (v) {
    return "Rp" + Math.round(v).toLocaleString("id-ID");
  };
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "Pagu", data: data.pagu, backgroundColor: "#9bb7d4" },
        { label: "Realisasi", data: data.realisasi, backgroundColor: "#2f6b3a" },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { right: 260 } },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            label: function (item) {
              return item.dataset.label + ": " + rupiah(item.raw);
            },
          },
        },
      },
      scales: { x: { ticks: { callback: rupiah } } },
    },
    plugins: [
      Grafik.labelNilai({
        font: "12px sans-serif",
        horizontal: true,
        jarak: 6,
        teks: function (dataset, i, j) {
          var text = rupiah(dataset.data[j]);
          if (i === 1) {
            text += " (" + data.persen[j].toLocaleString("id-ID") + "%)";
          }
          return dataset.label + ": " + text;
        },
      }),
    ],
  });
})();
