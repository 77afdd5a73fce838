// IKM results: NRR per unsur as bars (Chart.js 4.6.1, static/vendor/chartjs), from the
// json_script tag #ikm-data. Every bar carries its value as text and the weakest unsur's label says
// «terendah», so colour is never the only carrier of meaning; the same numbers are in the table.
(function () {
  "use strict";
  var source = document.getElementById("ikm-data");
  var canvas = document.getElementById("grafik-ikm");
  if (!source || !canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var angka = function (v) {
    return Number(v).toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  };
  var labels = data.labels.map(function (label, i) {
    return data.terendah[i] ? [label, "(terendah)"] : label;
  });
  var labelValues = {
    id: "labelValues",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "12px sans-serif";
      ctx.fillStyle = "#222";
      ctx.textAlign = "center";
      ctx.textBaseline = "bottom";
      chart.getDatasetMeta(0).data.forEach(function (bar, j) {
        ctx.fillText(angka(data.nrr[j]), bar.x, bar.y - 2);
      });
      ctx.restore();
    },
  };
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
    plugins: [labelValues],
  });
})();
