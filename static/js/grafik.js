// Shared Chart.js set-up (Chart.js 4.6.1, static/vendor/chartjs; load this after it) for the charts
// of the dashboards and reports: the data of a json_script tag, Indonesian numbers, and a plugin that
// writes every bar's value as text beside it, so colour is never the only carrier of meaning.
(function () {
  "use strict";
  var Grafik = {
    // the parsed json_script tag #id; null when it or Chart.js is missing (then draw nothing)
    data: function (id) {
      var source = document.getElementById(id);
      if (!source || typeof Chart === "undefined") {
        return null;
      }
      return JSON.parse(source.textContent);
    },
    // 1234.5 → «1.234,5»; digits: a fixed number of decimals; null → «–»
    angka: function (v, digits) {
      if (v === null || v === undefined) {
        return "–";
      }
      var opsi = digits === undefined ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits };
      return Number(v).toLocaleString("id-ID", opsi);
    },
    // the plugin writing each bar's value: opsi.font (default 11px), opsi.horizontal (bars along x:
    // the text right of the bar, opsi.jarak px away; otherwise above it), opsi.teks(dataset, i, j)
    // for the text of bar j of dataset i (default: its value, Grafik.angka)
    labelNilai: function (opsi) {
      opsi = opsi || {};
      return {
        id: "labelNilai",
        afterDatasetsDraw: function (chart) {
          var ctx = chart.ctx;
          ctx.save();
          ctx.font = opsi.font || "11px sans-serif";
          ctx.fillStyle = "#222";
          ctx.textAlign = opsi.horizontal ? "left" : "center";
          ctx.textBaseline = opsi.horizontal ? "middle" : "bottom";
          chart.data.datasets.forEach(function (dataset, i) {
            var meta = chart.getDatasetMeta(i);
            if (meta.hidden) {
              return;
            }
            meta.data.forEach(function (bar, j) {
              var text = opsi.teks ? opsi.teks(dataset, i, j) : Grafik.angka(dataset.data[j]);
              if (opsi.horizontal) {
                ctx.fillText(text, bar.x + (opsi.jarak || 3), bar.y);
              } else {
                ctx.fillText(text, bar.x, bar.y - 2);
              }
            });
          });
          ctx.restore();
        },
      };
    },
  };
  window.Grafik = Grafik;
})();
