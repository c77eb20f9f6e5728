/* The hall call display in a browser: the same model as display/model.py, drawn with the DOM.
 *
 * Only the counters of the token's display group are shown (me.display_group; none = all).
 * New calls flash for FLASH_MS in the headline (up to 4 at once, newest first) and are spoken by
 * the server-assembled WAV (/hall/announce.wav), one after another, never overlapping. A snapshot
 * (connect, reconnect, resync) speaks nothing: calls made while offline are not read out late.
 * Exposed as window.motcuaHall for tests.
 */
(function () {
  "use strict";
  var FLASH_MS = 6000, HEADLINE_MAX = 4, RECENT_MAX = 8, CHIPS_PER_PAGE = 6, PAGE_MS = 6000, STALE_MS = 60000;
  var L = window.motcuaLive;
  var index = {numbers: {}, counters: [], deptOfService: {}, departments: [], group: null};
  var fresh = [];              // [{until, call}]
  var audio = {queue: [], playing: false, blocked: false, played: 0};
  var offsetMs = 0;            // server clock minus ours
  var live;
  var localNotice = ((document.getElementById("notice") || {}).textContent || "").trim();

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function fitted(e, share, cap) {           // fit.js sizes it to its box (cap: in the page's units)
    e.dataset.fit = share;
    if (cap) e.dataset.cap = cap;
    return e;
  }

  function buildIndex(centre, me) {
    var group = me.display_group;
    var all = !group || group === "all";
    index.group = group;
    index.counters = centre.counters.filter(function (c) { return all || c.group === group; })
      .sort(function (a, b) { return a.number - b.number; });
    index.numbers = {};
    index.counters.forEach(function (c) { index.numbers[c.number] = c; });
    index.deptOfService = {};
    centre.departments.forEach(function (d) { d.services.forEach(function (s) { index.deptOfService[s.id] = d; }); });
    index.departments = centre.departments.filter(function (d) {
      return index.counters.some(function (c) {
        return c.services.some(function (s) { return index.deptOfService[s] === d; });
      });
    });
    $("title").textContent = centre.name;
    $("group").textContent = all ? "" : "Khu vực / Area " + group;
  }

  function deptName(d) { return d ? (d.short_name || d.name) : ""; }

  function counterWhat(c) {
    if (c.label && c.label !== "Quầy " + c.number) return c.label;
    var names = [];
    c.services.forEach(function (s) {
      var n = deptName(index.deptOfService[s]);
      if (n && names.indexOf(n) < 0) names.push(n);
    });
    return names.join(", ");
  }

  function counterLabel(n) { return (index.numbers[n] || {}).label || "Quầy " + n; }

  function callOf(r) {
    return {seq: r.seq, label: r.label, counter: r.counter, counterLabel: counterLabel(r.counter),
            department: deptName(index.deptOfService[r.service_id]), recall: r.type === "ticket.recalled"};
  }

  function onSnapshot(s) {
    offsetMs = s.serverTime ? Date.parse(s.serverTime) - s.receivedAt : 0;
    buildIndex(s.centre, s.me);
    fresh = [];
    render(s);
  }

  function onEvent(s, ev) {
    if (ev.type === "config.changed" && ev.data && ev.data.centre) {   // admin settings, applied live
      s.centre = ev.data.centre;
      buildIndex(s.centre, s.me);
    }
    var t = ev.ticket;
    var isCall = (ev.type === "ticket.called" || ev.type === "ticket.recalled") && t && index.numbers[t.counter];
    if (isCall) {
      var call = callOf({seq: ev.seq, label: t.label, counter: t.counter, service_id: t.service_id, type: ev.type});
      fresh.unshift({until: Date.now() + FLASH_MS, call: call});
      fresh.length = Math.min(fresh.length, HEADLINE_MAX);
      if (Date.now() + offsetMs - Date.parse(ev.at) < STALE_MS) speak(call);     // never late
    }
    render(s);
  }

  function speak(call) {
    audio.queue.push("/hall/announce.wav?label=" + encodeURIComponent(call.label) + "&counter=" + call.counter +
                     (call.recall ? "&recall=1" : ""));
    playNext();
  }

  function playNext() {
    if (audio.playing || !audio.queue.length || audio.blocked) return;
    var player = new Audio(audio.queue.shift());
    audio.playing = true;
    function done() { audio.playing = false; audio.played += 1; playNext(); }
    player.onended = done;
    player.onerror = done;
    player.play().catch(function () {      // autoplay refused until someone presses a key / button
      audio.playing = false; audio.blocked = true; audio.queue.unshift(player.src);
      $("sound").hidden = false;
    });
  }

  function freshCalls() {
    var now = Date.now();
    return fresh.filter(function (f) { return f.until > now; }).map(function (f) { return f.call; });
  }

  function render(s) {
    var calls = freshCalls();
    var recent = s.recent.filter(function (r) { return index.numbers[r.counter]; }).slice(0, RECENT_MAX).map(callOf);
    renderHeadline(calls.length ? calls : recent.slice(0, 1), calls.length > 0);
    renderRecent(recent);
    renderCounters(s, calls);
    renderWaiting(s);
    renderNotice(s);
    window.motcuaFit.fitAll(document);
  }

  /* The centre's notice lines (admin settings) then this TV's own (?notice=…), as one scrolling line. */
  function renderNotice(s) {
    var text = (s.centre.notices || []).concat(localNotice ? [localNotice] : []).join("     •     ");
    if ($("notice").textContent !== text) $("notice").textContent = text;
    $("notice-bar").hidden = !text;
  }

  function renderHeadline(calls, flashing) {
    var box = $("headline");
    box.textContent = "";
    box.className = "headline n" + Math.max(1, calls.length) + (flashing ? " flashing" : "");
    if (!calls.length) { box.appendChild(el("div", "idle", "Xin mời quý ông/bà chờ đến lượt")); return; }
    calls.forEach(function (c) {
      var row = el("div", "call");
      var head = el("div", "call-head");
      head.appendChild(el("span", "word", (c.recall ? "Mời nhắc lại số" : "Mời số") + " / Now calling"));
      head.appendChild(el("span", "dept", c.department));
      row.appendChild(head);
      var main = el("div", "call-main");
      main.appendChild(fitted(el("span", "number", c.label), 0.95));
      main.appendChild(fitted(el("span", "to", "→ " + c.counterLabel), calls.length > 1 ? 0.8 : 0.9));
      row.appendChild(main);
      box.appendChild(row);
    });
  }

  function renderRecent(recent) {
    var ol = $("recent");
    ol.textContent = "";
    recent.forEach(function (c) {
      var li = el("li");
      li.appendChild(fitted(el("b", "", c.label), 0.8, 4.4));
      li.appendChild(fitted(el("span", "", c.counterLabel), 0.7, 3.6));
      ol.appendChild(li);
    });
  }

  function renderCounters(s, calls) {
    var box = $("counters");
    var n = index.counters.length;
    var columns = n <= 10 ? 1 : n <= 24 ? 2 : n <= 45 ? 3 : 4;
    box.style.setProperty("--columns", columns);
    box.style.setProperty("--rows", Math.ceil(n / columns));
    box.className = "counters cols" + columns;
    box.textContent = "";
    var freshSet = {};
    calls.forEach(function (c) { freshSet[c.counter] = true; });
    index.counters.forEach(function (c) {
      var live = s.counters[c.number] || {};
      var t = live.ticket;
      var shown = t && (t.status === "called" || t.status === "serving") ? t.label : "";
      var row = el("div", "row" + (freshSet[c.number] ? " fresh" : "") + " " + (live.status || "closed"));
      row.dataset.counter = c.number;
      row.appendChild(fitted(el("span", "num", String(c.number)), 0.7));
      row.appendChild(fitted(el("span", "ticket", shown || (live.status === "paused" ? "Tạm nghỉ" : "—")), 0.8));
      row.appendChild(fitted(el("span", "what", counterWhat(c)), 0.5));
      box.appendChild(row);
    });
  }

  function renderWaiting(s) {
    var items = index.departments.map(function (d) {
      var count = d.services.reduce(function (sum, sv) { return sum + ((s.services[sv.id] || {}).waiting || 0); }, 0);
      return [deptName(d), count];
    });
    var pages = Math.max(1, Math.ceil(items.length / CHIPS_PER_PAGE));
    var page = Math.floor(Date.now() / PAGE_MS) % pages;
    $("waiting-page").textContent = pages > 1 ? (page + 1) + "/" + pages : "";
    var ul = $("waiting");
    ul.textContent = "";
    items.slice(page * CHIPS_PER_PAGE, (page + 1) * CHIPS_PER_PAGE).forEach(function (it) {
      var li = el("li");
      li.appendChild(el("span", "name", it[0]));
      li.appendChild(el("b", "", String(it[1])));
      ul.appendChild(li);
    });
  }

  $("sound").addEventListener("click", function () {
    audio.blocked = false;
    $("sound").hidden = true;
    playNext();
  });

  live = L.connect({snapshot: onSnapshot, event: onEvent});
  L.startClock(function () { return live.state.centre.timezone; });
  setInterval(function () { if (live.state.seq !== null) render(live.state); }, 1000);   // flash end, pages

  window.motcuaHall = {live: live, audio: audio, freshCalls: freshCalls, index: index};
})();
