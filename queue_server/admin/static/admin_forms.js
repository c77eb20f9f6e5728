/* Asks before a destructive admin form is sent (buttons with data-confirm). Works without JS too. */
document.addEventListener("submit", function (ev) {
  var button = ev.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) ev.preventDefault();
});

/* Long lists (counters, departments): a search box hides what does not match; the row named in the
   address (#counter-5), or the one just saved, opens by itself. */
(function () {
  var box = document.getElementById("filter");
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  if (box) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(box.dataset.filterTarget));
    var count = document.getElementById("filter-count");
    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = fold(row.dataset.filter || "");
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll("[data-group]").forEach(function (group) {
        group.hidden = !group.querySelector(box.dataset.filterTarget + ":not([hidden])");
      });
      count.textContent = words.length ? shown + " / " + rows.length : "";
    });
  }
  function openNamed() {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (!target || target.tagName !== "DETAILS") return;
    if (target.hidden && box) {                 // hidden by the search: show everything again
      box.value = "";
      box.dispatchEvent(new Event("input"));
    }
    target.open = true;
    target.scrollIntoView({ block: "start" });
  }
  openNamed();
  window.addEventListener("hashchange", openNamed);
})();
