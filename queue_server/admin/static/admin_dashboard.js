/* Live dashboard: the server's figures (/admin/api/dashboard), refetched on every Socket.IO event
 * of the /admin namespace and every 15 s (device contact has no event of its own). */
(function () {
  "use strict";
  var STATUS = { open: "Đang mở", paused: "Tạm nghỉ", closed: "Đóng" };
  var ROLES = { kiosk: "Máy bốc số", display: "Màn hình", terminal: "Máy đánh giá", keypad: "Bàn phím", gateway: "Cổng kết nối" };
  var timer = null, live = document.getElementById("live");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function row(cells) {
    var tr = el("tr");
    cells.forEach(function (c) { var td = el("td", c[1] || "", c[0]); tr.appendChild(td); });
    return tr;
  }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  var timeZone = "Asia/Ho_Chi_Minh";   // the centre's (model.timezone), never the viewing device's
  function time(iso, online) {
    if (!iso) return online ? "Đang kết nối" : "Chưa liên lạc";
    var p = {};
    new Intl.DateTimeFormat("en-GB", {timeZone: timeZone, day: "2-digit", month: "2-digit", hour: "2-digit",
      minute: "2-digit", hourCycle: "h23"}).formatToParts(new Date(iso)).forEach(function (x) { p[x.type] = x.value; });
    return p.hour + ":" + p.minute + " " + p.day + "/" + p.month;
  }

  function renderTotals(t) {
    var box = document.getElementById("totals");
    box.textContent = "";
    [["Đã cấp số", "Issued", t.issued], ["Đang chờ", "Waiting", t.waiting], ["Tại quầy", "At a counter", t.at_counter],
     ["Đã phục vụ", "Served", t.served], ["Vắng mặt", "Absent", t.absent]].forEach(function (x) {
      var card = el("div", "total");
      card.appendChild(el("span", "total-n", fmt(x[2])));
      card.appendChild(el("span", "total-l", x[0]));
      card.appendChild(el("span", "en", x[1]));
      card.dataset.total = x[1].toLowerCase().replace(/ /g, "_");
      box.appendChild(card);
    });
  }
  function renderDepartments(rows) {
    var body = document.getElementById("departments");
    body.textContent = "";
    rows.forEach(function (d) {
      var tr = row([[d.name], [fmt(d.waiting), "num"], [d.waiting ? (d.longest_wait_minutes ? d.longest_wait_minutes + " phút" : "dưới 1 phút") : "—", "num"]]);
      tr.dataset.department = d.id;
      if (d.longest_wait_minutes >= 30) tr.className = "warn";
      body.appendChild(tr);
    });
  }
  var DEVICE_STATES = {revoked: "Đã thu hồi", online: "Trực tuyến", lost: "Mất liên lạc", never: "Chưa kết nối"};
  function renderDevices(rows) {
    var body = document.getElementById("devices");
    body.textContent = "";
    if (!rows.length) body.appendChild(row([["Chưa có thiết bị nào"], [""], [""], [""]]));
    rows.forEach(function (d) {
      var state = DEVICE_STATES[d.state] || d.state;
      if (d.problems.length) state += " · " + d.problems.join(", ");
      var tr = row([[d.name + (d.counter ? " (quầy " + d.counter + ")" : "")], [ROLES[d.role] || d.role],
                    [state, d.state === "revoked" || d.state === "never" ? "muted" : (d.online && !d.problems.length ? "ok" : "bad")],
                    [time(d.last_seen, d.online)]]);
      tr.dataset.device = d.name;
      body.appendChild(tr);
    });
  }
  function renderCounters(rows) {
    var box = document.getElementById("counters");
    box.textContent = "";
    rows.forEach(function (c) {
      var card = el("div", "counter c-" + c.status);
      card.dataset.counter = c.number;
      card.appendChild(el("div", "c-head", c.label + (c.room ? " · " + c.room : "")));
      card.appendChild(el("div", "c-ticket", c.ticket || "—"));
      card.appendChild(el("div", "c-state", STATUS[c.status] || c.status));
      card.appendChild(el("div", "c-officer", c.officer || "Chưa có cán bộ"));
      var services = el("div", "c-services", c.service_names.join(", "));
      services.dataset.services = c.services.join(" ");
      card.appendChild(services);
      card.appendChild(el("div", "c-counts", "Đã phục vụ " + c.served + " · vắng " + c.absent));
      box.appendChild(card);
    });
  }
  function render(model) {
    renderTotals(model.totals);
    renderDepartments(model.departments);
    if (model.timezone) timeZone = model.timezone;
    renderDevices(model.devices);
    renderCounters(model.counters);
    var held = document.getElementById("ratings-held");
    if (held && model.ratings_held !== undefined) held.textContent = fmt(model.ratings_held);
    document.body.dataset.seq = model.seq;
  }
  function refresh() {
    timer = null;
    fetch("/admin/api/dashboard", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (r.status === 401) { location.href = "/login?next=/admin/"; } return r.json(); })
      .then(function (m) { if (m && m.totals) render(m); })
      .catch(function () { live.textContent = "Mất kết nối"; live.className = "live off"; });
  }
  function soon() { if (!timer) timer = setTimeout(refresh, 150); }

  var socket = io("/admin", { transports: ["websocket", "polling"] });
  socket.on("connect", function () { live.textContent = "Trực tiếp"; live.className = "live on"; });
  socket.on("disconnect", function () { live.textContent = "Mất kết nối — đang thử lại"; live.className = "live off"; });
  socket.on("snapshot", soon);
  socket.on("events", soon);
  setInterval(soon, 15000);
  refresh();
})();
