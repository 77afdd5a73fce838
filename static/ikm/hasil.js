// IKM results: NRR per unsur as bars (Chart.js 4.6.1 with static/js/grafik.js), from the
// json_script tag #ikm-data. Every bar carries its value as text and the weakest unsur's label says
// «terendah», so colour is never the only carrier of meaning; the same numbers are in the table.
(function () {
  "use strict";
  var data = window.Grafik && Grafik.data("ikm-data");
  var canvas = document.getElementById("grafik-ikm");
  if (!data || !canvas) {
    return;
  }
  var labels = data.labels.map(function (label, i) {
    return data.terendah[i] ? [label, "(terendah)"] : label;
  });
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: labels,
      datasets: [
        {
          label: "NRR",
          data: data.nrr,
          backgroundColor: data.terendah.map(function (low) {
            return low ? "#b23a1e" : "#2f5d8a";
          }),
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 18 } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: function (items) {
              return data.nama[items[0].dataIndex];
            },
          },
        },
      },
      scales: { y: { min: 0, max: 4, ticks: { stepSize: 1 } } },
    },
    plugins: [
      Grafik.labelNilai({
        font: "12px sans-serif",
        teks: function (dataset, i, j) {
          return Grafik.angka(data.nrr[j], 2);
        },
      }),
    ],
  });
})();
