// Actor network: fetch /api/network, lay the nodes out with a small force simulation and
// draw them as SVG. Edge colour runs from conflict (red) to cooperation (green), width
// grows with the event count; a click lists the edge's events from /api/network/edge.
// Every text from the store is set with textContent, never parsed as markup.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 900, H = 600;
  var ITERATIONS = 300;  // enough for a few hundred nodes to settle; layout stays < 100 ms
  var GRAVITY = 0.3;  // pull toward the centre, so separate components stay in view
  var days = [];

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function params() {
    var form = document.getElementById("network-form");
    var out = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (v) { out.set(k, v); } });
    return out;
  }

  function colour(score) {
    if (score === null || score === undefined) { return "#9ca3af"; }
    var t = (score + 1) / 2;  // 0 conflict .. 1 cooperation
    var lo = [215, 48, 39], mid = [254, 224, 139], hi = [26, 152, 80];
    var a = t < 0.5 ? lo : mid, b = t < 0.5 ? mid : hi, u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    var c = a.map(function (x, i) { return Math.round(x + (b[i] - x) * u); });
    return "rgb(" + c.join(",") + ")";
  }

  function layout(nodes, edges) {
    var n = nodes.length, index = {};
    nodes.forEach(function (d, i) {
      index[d.id] = d;
      var angle = 2 * Math.PI * i / Math.max(n, 1);
      d.x = W / 2 + Math.cos(angle) * W / 3; d.y = H / 2 + Math.sin(angle) * H / 3;
    });
    var k = Math.sqrt(W * H / Math.max(n, 1)) * 0.6;
    for (var it = 0; it < ITERATIONS; it++) {
      var temp = 40 * (1 - it / ITERATIONS) + 1;
      nodes.forEach(function (d) { d.dx = 0; d.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, dist = Math.max(Math.hypot(dx, dy), 0.01);
          var f = k * k / dist;
          a.dx += dx / dist * f; a.dy += dy / dist * f; b.dx -= dx / dist * f; b.dy -= dy / dist * f;
        }
      }
      edges.forEach(function (e) {
        var a = index[e.source], b = index[e.target];
        var dx = a.x - b.x, dy = a.y - b.y, dist = Math.max(Math.hypot(dx, dy), 0.01);
        var f = dist * dist / k;
        a.dx -= dx / dist * f; a.dy -= dy / dist * f; b.dx += dx / dist * f; b.dy += dy / dist * f;
      });
      nodes.forEach(function (d) {
        d.dx -= (d.x - W / 2) * GRAVITY; d.dy -= (d.y - H / 2) * GRAVITY;
        var len = Math.max(Math.hypot(d.dx, d.dy), 0.01), step = Math.min(len, temp);
        d.x = Math.min(W - 40, Math.max(40, d.x + d.dx / len * step));
        d.y = Math.min(H - 20, Math.max(20, d.y + d.dy / len * step));
      });
    }
    return index;
  }

  function draw(data) {
    var svg = document.getElementById("network");
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var status = document.getElementById("network-status");
    status.textContent = data.nodes.length + " actors, " + data.edges.length + " of " +
      data.edges_total + " edges" + (data.date_from || data.date_to ?
        " between " + (data.date_from || "…") + " and " + (data.date_to || "…") : "");
    var index = layout(data.nodes, data.edges);
    var maxCount = Math.max.apply(null, data.edges.map(function (e) { return e.count; }).concat([1]));
    var maxNode = Math.max.apply(null, data.nodes.map(function (d) { return d.count; }).concat([1]));
    var edgeLayer = el("g", { "class": "edges" }, svg), nodeLayer = el("g", { "class": "nodes" }, svg);
    data.edges.forEach(function (e) {
      var a = index[e.source], b = index[e.target];
      var line = el("line", {
        "class": "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour(e.score),
        "stroke-opacity": 0.8, "stroke-width": 1.5 + 10 * Math.sqrt(e.count / maxCount),
        "data-source": e.source, "data-target": e.target
      }, edgeLayer);
      var title = el("title", {}, line);
      title.textContent = e.source + " – " + e.target + ": " + e.count + " events " +
        JSON.stringify(e.types) + (e.score === null ? "" : ", score " + e.score.toFixed(2));
      line.addEventListener("click", function () { showEdge(e, line); });
    });
    data.nodes.forEach(function (d) {
      var g = el("g", { "class": "node", "data-id": d.id }, nodeLayer);
      el("circle", { cx: d.x, cy: d.y, r: 5 + 12 * Math.sqrt(d.count / maxNode), fill: "#1f5fa8",
        stroke: "#fff", "stroke-width": 1.5 }, g);
      var label = el("text", { x: d.x + 10, y: d.y - 8 }, g);
      label.textContent = d.label;
    });
  }

  function showEdge(e, line) {
    document.querySelectorAll(".edge.selected").forEach(function (x) { x.classList.remove("selected"); });
    line.classList.add("selected");
    var q = params(); q.set("a", e.source); q.set("b", e.target); q.set("limit", "100");
    var list = document.getElementById("edge-events");
    document.getElementById("edge-title").textContent = e.source + " – " + e.target + " (" + e.count + ")";
    list.textContent = "Loading…";
    fetch("/api/network/edge?" + q.toString()).then(function (r) { return r.json(); }).then(function (page) {
      list.textContent = "";
      page.items.forEach(function (ev) {
        var li = document.createElement("li"); li.className = "edge-event";
        var a = document.createElement("a");
        a.href = "/articles/" + encodeURIComponent(ev.article_id) + "#ev-" + encodeURIComponent(ev.id || ev.idx);
        a.textContent = ev.type + " · " + (ev.day || "undated") + " · " + ev.text;
        var s = document.createElement("div"); s.className = "small"; s.textContent = ev.sentence_text || "";
        li.appendChild(a); li.appendChild(s); list.appendChild(li);
      });
      if (page.total > page.items.length) {
        var more = document.createElement("li"); more.className = "empty";
        more.textContent = (page.total - page.items.length) + " more in the JSON";
        list.appendChild(more);
      }
    });
  }

  function load() {
    var q = params();
    var url = "/api/network?" + q.toString();
    document.getElementById("json-twin").href = url;
    window.history.replaceState(null, "", "/network?" + q.toString());
    return fetch(url).then(function (r) { return r.json(); }).then(draw).catch(function (err) {
      document.getElementById("network-status").textContent = "Could not load the network: " + err;
    });
  }

  function setupSlider() {
    var q = params(); q.delete("date_from"); q.delete("date_to"); q.delete("level"); q.set("by", "day");
    return fetch("/api/timeline?" + q.toString()).then(function (r) { return r.json(); }).then(function (t) {
      days = t.series.map(function (row) { return row.period; });
      if (days.length < 2) { return; }
      var from = document.getElementById("range-from"), to = document.getElementById("range-to");
      var fromInput = document.getElementById("date-from"), toInput = document.getElementById("date-to");
      from.max = to.max = days.length - 1;
      var i = days.indexOf(fromInput.value), j = days.indexOf(toInput.value);
      from.value = i < 0 ? 0 : i; to.value = j < 0 ? days.length - 1 : j;
      var timer = null;
      function changed() {
        if (+from.value > +to.value) { from.value = to.value; }
        fromInput.value = days[from.value]; toInput.value = days[to.value];
        document.getElementById("range-label").textContent = days[from.value] + " – " + days[to.value];
        clearTimeout(timer); timer = setTimeout(load, 150);
      }
      from.addEventListener("input", changed); to.addEventListener("input", changed);
      document.getElementById("range-label").textContent = days[from.value] + " – " + days[to.value];
      document.getElementById("slider").hidden = false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("network-form").addEventListener("submit", function (ev) {
      ev.preventDefault(); load();
    });
    load().then(setupSlider);
  });
})();
