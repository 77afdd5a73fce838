// Monitoring chart: incidents per kategori, from the json_script tag
// #monitoring-data. Chart.js 4.6.1 (static/vendor/chartjs); the table below carries every number.
(function () {
  "use strict";
  var source = document.getElementById("monitoring-data");
  var canvas = document.getElementById("monitoring-chart");
  if (!source || !canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.kategori,
      datasets: [{ label: "Jumlah gangguan", data: data.jumlah, backgroundColor: "#2f6f9f" }],
    },
    options: {
      animation: false,
      aspectRatio: 3,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: true } },
    },
  });
})();
