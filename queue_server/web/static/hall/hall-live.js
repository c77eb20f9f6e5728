/* Shared by /hall and /board: the display token, the /display connection and the live state.
 *
 * The token is read from the URL fragment (#token=…), never sent in a URL to the server, and kept
 * in localStorage so a TV that reloads the page stays connected. It goes to the server only as
 * the Socket.IO `auth` of namespace /display. Protocol (docs/protocol.md): `snapshot` first, then
 * `events` messages {prev, seq, events, stats}; one applies when prev <= seq so far < its seq, an
 * older one is dropped, a gap asks for `resync`; every reconnect brings a fresh snapshot.
 */
(function () {
  "use strict";
  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

  function token() {
    var m = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    var key = "motcua.display.token";
    if (m) {
      localStorage.setItem(key, decodeURIComponent(m[1]));
      history.replaceState(null, "", location.pathname + location.search);   // off the address bar
    }
    return localStorage.getItem(key) || "";
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function clockText(d, tz) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {timeZone: tz, weekday: "short", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23"}).formatToParts(d)
      .forEach(function (p) { parts[p.type] = p.value; });
    var wd = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday);
    return WEEKDAYS[wd] + ", " + parts.day + "/" + parts.month + "/" + parts.year + " " + parts.hour + ":" + parts.minute;
  }

  function message(text) {
    var el = document.getElementById("message");
    el.textContent = text || "";
    el.hidden = !text;
  }

  /* connect(onSnapshot, onEvent): a live /display connection; returns {socket, state}. */
  function connect(handlers) {
    var t = token();
    var live = {state: {seq: null, centre: {}, me: {}, counters: {}, services: {}, recent: []}, socket: null};
    if (!t) {
      message("Thiếu mã thiết bị: mở trang với #token=… (motcua device add … --role display)\n" +
              "No display token: open this page as …#token=<display token>");
      return live;
    }
    var socket = io("/display", {auth: {token: t}, transports: ["websocket"], reconnectionDelayMax: 5000});
    live.socket = socket;
    var offline = document.getElementById("offline");
    socket.on("connect", function () { offline.hidden = true; message(""); });
    socket.on("disconnect", function () { offline.hidden = false; });
    socket.on("connect_error", function (err) {
      offline.hidden = false;
      var data = refusal(err);
      if (data) {                   // refused: a wrong token will not get better by retrying
        message((data.message || "Mã thiết bị không hợp lệ") + " / " + (data.message_en || "Refused") + "\n" +
                "Vui lòng mở trang với mã của một thiết bị màn hình: …#token=<mã> (motcua device add TÊN --role display)" +
                " / Open this page with a display device's token");
      } else if (!socket.active) {
        setTimeout(function () { socket.connect(); }, 3000);
      }
    });
    socket.on("snapshot", function (snap) {
      var s = live.state;
      s.seq = snap.seq; s.centre = snap.centre; s.me = snap.me || {};
      s.serverTime = snap.server_time; s.receivedAt = Date.now();
      s.counters = {};
      snap.counters.forEach(function (c) { s.counters[c.number] = c; });
      s.services = snap.services || {};
      s.recent = snap.recent_calls.slice();
      live.resyncing = false;
      handlers.snapshot(s);
    });
    socket.on("events", function (msg) {
      var s = live.state;
      if (s.seq === null || msg.seq <= s.seq) return;
      if (msg.prev > s.seq) {                 // a message is missing: ask once for a snapshot
        if (!live.resyncing) { live.resyncing = true; socket.emit("resync", {}); }
        return;
      }
      Object.assign(s.services, msg.stats || {});
      msg.events.forEach(function (ev) {
        if (ev.seq <= s.seq) return;
        apply(s, ev);
        handlers.event(s, ev);
      });
      s.seq = msg.seq;
    });
    return live;
  }

  /* The server's refusal {code, message, message_en}, from err.data or a JSON err.message. */
  function refusal(err) {
    if (!err) return null;
    if (err.data && err.data.code) return err.data;
    try {
      var parsed = JSON.parse(err.message);
      return parsed && parsed.code ? parsed : null;
    } catch (e) {
      return /unauthenticated|forbidden/.test(String(err.message)) ? {message: String(err.message)} : null;
    }
  }

  function apply(s, ev) {
    if (ev.counter) {
      var prev = (s.counters[ev.counter.number] || {}).ticket;
      var c = Object.assign({}, ev.counter);
      c.ticket = prev && prev.id === c.ticket_id ? prev : null;
      s.counters[c.number] = c;
    }
    var t = ev.ticket;
    if (t) {
      Object.keys(s.counters).forEach(function (n) {
        if (s.counters[n].ticket_id === t.id) s.counters[n].ticket = t;
      });
    }
    if (ev.type === "ticket.called" || ev.type === "ticket.recalled") {
      s.recent.unshift({seq: ev.seq, at: ev.at, type: ev.type, label: t.label, counter: t.counter,
                        service_id: t.service_id, department_id: t.department_id});
      s.recent.length = Math.min(s.recent.length, 20);
    }
  }

  function startClock(getTz) {
    var el = document.getElementById("clock");
    function tick() { el.textContent = clockText(new Date(), getTz() || "Asia/Ho_Chi_Minh"); }
    tick();
    setInterval(tick, 1000);
  }

  window.motcuaLive = {connect: connect, clockText: clockText, startClock: startClock, message: message, pad: pad};
})();
