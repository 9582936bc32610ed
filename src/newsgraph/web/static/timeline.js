// Timeline: stacked bars of events per period by type, drawn from the page's own table
// (the server rendered it from /api/timeline, so the chart and the table always agree).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 900, H = 320, PAD = 40;
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"];

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    parent.appendChild(node);
    return node;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("timeline-table"), svg = document.getElementById("timeline");
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent; });
    var types = heads.slice(1, -1);
    var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (r) { return r.cells.length > 1; });
    if (!rows.length) { return; }
    var max = Math.max.apply(null, rows.map(function (r) { return +r.cells[r.cells.length - 1].textContent; }));
    var bw = (W - 2 * PAD) / rows.length;
    rows.forEach(function (r, i) {
      var y = H - PAD;
      types.forEach(function (t, k) {
        var n = +r.cells[k + 1].textContent || 0;
        if (!n) { return; }
        var h = (H - 2 * PAD) * n / max;
        var rect = el("rect", { x: PAD + i * bw + 1, y: y - h, width: Math.max(bw - 2, 1), height: h,
          fill: PALETTE[k % PALETTE.length], "class": "bar" }, svg);
        el("title", {}, rect).textContent = r.cells[0].textContent + " " + t + ": " + n;
        y -= h;
      });
      if (rows.length <= 31 || i % Math.ceil(rows.length / 15) === 0) {
        el("text", { x: PAD + i * bw, y: H - PAD + 14 }, svg).textContent = r.cells[0].textContent;
      }
    });
    el("text", { x: 4, y: PAD }, svg).textContent = String(max);
    types.forEach(function (t, k) {
      var lx = PAD + (k % 7) * 120, ly = 6 + Math.floor(k / 7) * 14;
      el("rect", { x: lx, y: ly, width: 10, height: 10, fill: PALETTE[k % PALETTE.length] }, svg);
      el("text", { x: lx + 14, y: ly + 9 }, svg).textContent = t;
    });
  });
})();
