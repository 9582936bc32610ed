// Reader: when the URL names a fact (#q-q3, #ev-ev2, #d-4 ...), outline every piece of it
// (a mark crossing another is split into pieces sharing data-fact) and scroll to it.
(function () {
  "use strict";
  function focus() {
    document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var pieces = document.querySelectorAll("[data-fact]");
    var first = null;
    pieces.forEach(function (el) {
      if (el.getAttribute("data-fact") === id) { el.classList.add("focus"); first = first || el; }
    });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", focus);
  document.addEventListener("DOMContentLoaded", focus);
})();
