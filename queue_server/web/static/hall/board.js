/* The dossier status board in a browser: the `dossier_board` action over /display, fetched again
 * on `dossier.updated` (at most every REFETCH_MS) and every REFRESH_MS; each list pages by itself.
 * Names arrive masked by the server ("Nguyễn V. A."). Exposed as window.motcuaBoard for tests.
 */
(function () {
  "use strict";
  var PAGE_MS = 8000, REFETCH_MS = 2000, REFRESH_MS = 120000, DEPTS_PER_PAGE = 12;
  var L = window.motcuaLive;
  var data = null, fetching = false, stale = true, lastFetch = 0, started = Date.now(), fetches = 0;
  var live;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function fetchBoard() {
    if (fetching || !live.socket || !live.socket.connected) return;
    fetching = true; lastFetch = Date.now();
    live.socket.timeout(10000).emit("dossier_board", {}, function (err, answer) {
      fetching = false;
      if (err || !answer || !answer.ok) return;
      data = answer.result; stale = false; fetches += 1;
      render();
    });
  }

  function day(iso) { return iso ? iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) : ""; }

  function render() {
    if (!data) return;
    var tick = Math.floor((Date.now() - started) / PAGE_MS);
    document.querySelectorAll(".list").forEach(function (section) {
      var items = data[section.dataset.key] || [];
      var ol = section.querySelector("ol");
      var ROWS = parseInt(getComputedStyle(ol).getPropertyValue("--rows"), 10) || 10;   // hall.css: per screen
      var pages = Math.max(1, Math.ceil(items.length / ROWS)), page = tick % pages;
      section.querySelector(".total").textContent = items.length;
      section.querySelector(".page").textContent = pages > 1 ? "Trang " + (page + 1) + "/" + pages : "";
      ol.textContent = "";
      if (!items.length) ol.appendChild(el("li", "none", "Không có hồ sơ / None"));
      items.slice(page * ROWS, (page + 1) * ROWS).forEach(function (d) {
        var li = el("li"), who = el("div", "who");
        var name = el("span", "", d.applicant);
        name.dataset.fit = 0.85;
        who.appendChild(name);
        var due = el("span", "due-day", day(d.due_at));
        due.dataset.fit = 0.7;
        who.appendChild(due);
        li.appendChild(who);
        var what = el("div", "what", d.department + " · " + d.code);
        what.dataset.fit = 0.8;
        li.appendChild(what);
        ol.appendChild(li);
      });
    });
    var depts = data.departments || [];
    var dpages = Math.max(1, Math.ceil(depts.length / DEPTS_PER_PAGE)), dpage = tick % dpages;
    document.getElementById("dept-page").textContent = dpages > 1 ? (dpage + 1) + "/" + dpages : "";
    var ul = document.getElementById("departments");
    ul.textContent = "";
    depts.slice(dpage * DEPTS_PER_PAGE, (dpage + 1) * DEPTS_PER_PAGE).forEach(function (d) {
      var li = el("li");
      li.appendChild(el("span", "name", d.name));
      li.appendChild(el("b", "g", String(d.result_ready || 0)));
      li.appendChild(el("b", "a", String(d.due_today || 0)));
      li.appendChild(el("b", "r", String(d.overdue || 0)));
      ul.appendChild(li);
    });
    window.motcuaFit.fitAll(document);
  }

  live = L.connect({
    snapshot: function () { stale = true; fetchBoard(); },
    event: function (s, ev) { if (ev.type === "dossier.updated") stale = true; },
  });
  L.startClock(function () { return live.state.centre.timezone; });
  setInterval(function () {
    var age = Date.now() - lastFetch;
    if ((stale && age >= REFETCH_MS) || age >= REFRESH_MS) fetchBoard();
    render();
  }, 500);
  window.motcuaBoard = {live: live, fetches: function () { return fetches; }, data: function () { return data; }};
})();
