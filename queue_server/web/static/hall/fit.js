/* Text that must be read across a hall is never cut: each [data-fit] element gets the largest font
 * size (up to data-max × its box height, in px) at which its text fits its box, which the page's
 * grid sizes without regard to the text; data-cap caps it in the page's units. Sizes are cached by
 * text and box, so a page redrawn every second measures only what changed. Elements that align their
 * text to the end or centre use CSS "safe" alignment, so an overflow shows as one (measured) on the
 * right, never hidden on the left. Exposed as window.motcuaFit. */
(function () {
  "use strict";
  var cache = {}, cached = 0;
  var MIN_PX = 6, MAX_CACHED = 3000;

  function fits(e) { return e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight; }

  function measure(e, max) {
    var lo = MIN_PX, hi = max;
    e.style.fontSize = hi + "px";
    if (fits(e)) return hi;
    for (var i = 0; i < 9; i++) {
      var mid = (lo + hi) / 2;
      e.style.fontSize = mid + "px";
      if (fits(e)) lo = mid; else hi = mid;
    }
    return Math.floor(lo * 10) / 10;
  }

  /* The page's unit, as hall.css defines --u: 1/100 of the short side, at most 0.5625 % of the long one. */
  function unit() {
    var w = window.innerWidth, h = window.innerHeight;
    return Math.min(Math.min(w, h) / 100, Math.max(w, h) * 0.005625);
  }

  function fitAll(root) {
    var items = Array.prototype.slice.call((root || document).querySelectorAll("[data-fit]"));
    var boxes = items.map(function (e) { return [e.clientWidth, e.clientHeight]; });   // one layout
    var u = unit();
    items.forEach(function (e, i) {
      var max = boxes[i][1] * (parseFloat(e.dataset.fit) || 0.9);
      if (e.dataset.cap) max = Math.min(max, parseFloat(e.dataset.cap) * u);      // data-cap: in units
      max = Math.max(MIN_PX, max);
      var key = e.textContent + "|" + boxes[i][0] + "x" + boxes[i][1] + "|" + max + "|" + e.className;
      if (!(key in cache)) {
        if (++cached > MAX_CACHED) { cache = {}; cached = 1; }     // a long day of changing numbers
        cache[key] = measure(e, max);
      }
      e.style.fontSize = cache[key] + "px";
    });
  }

  window.addEventListener("resize", function () { cache = {}; cached = 0; });
  window.motcuaFit = {fitAll: fitAll};
})();
