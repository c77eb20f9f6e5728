/* Counter console: an officer picks a counter and works the queue over Socket.IO namespace /counter.
 *
 * State comes from the server's `snapshot`, then one `event` per change (seq + 1 each). A seq gap
 * asks for a fresh snapshot (`resync`); on every (re)connect the server sends a snapshot itself.
 * Actions are emitted by name and answered through the acknowledgement {ok, result | error}.
 * Vanilla JS, no build step; exposed as window.motcuaConsole for tests and debugging.
 */
(function () {
  "use strict";

  var ME = JSON.parse(document.getElementById("me").textContent);
  var ACK_TIMEOUT_MS = 10000;
  var TICKING_MS = 15000;
  var STATUS_TEXT = {
    called: ["Đang gọi", "Called"],
    serving: ["Đang phục vụ", "Serving"],
  };
  var KEYS = {
    " ": "call_next", n: "call_next", r: "recall", a: "absent", t: "transfer",
    f: "finish", Enter: "finish", p: "pause_toggle", s: "start", g: "focus_call",
  };
  var NOTICES = {
    open_counter: "Đã mở quầy", close_counter: "Đã rời quầy", pause: "Quầy tạm nghỉ",
    resume: "Quầy làm việc trở lại", recall: "Đã gọi lại", absent: "Đã đánh dấu vắng mặt",
    start: "Bắt đầu phục vụ", finish: "Đã hoàn thành", transfer: "Đã chuyển",
  };

  var state = {
    seq: null,            // last applied event seq; null until the first snapshot
    centre: null,
    services: {},         // id -> {name, name_en, department}
    config: {},           // counter number -> centre config of the counter
    counters: {},         // counter number -> live state
    tickets: {},          // id -> ticket (waiting ones and those at a counter)
    clockOffset: 0,       // server time - browser time, ms
    connected: false,
    busy: false,
    nextKey: null,        // one shortcut typed while an action was pending
    resyncing: false,
    snapshots: 0,
  };

  var $ = function (id) { return document.getElementById(id); };

  // -- small helpers --------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function withEn(tag, className, vi, en) {
    var node = el(tag, className, vi + " ");
    if (en) node.appendChild(el("span", "en", en));
    return node;
  }

  function now() { return Date.now() + state.clockOffset; }

  function minutesSince(iso) {
    return Math.max(0, Math.floor((now() - Date.parse(iso)) / 60000));
  }

  function timeOfDay(iso) {
    var opts = { hour: "2-digit", minute: "2-digit", hour12: false };
    if (state.centre && state.centre.timezone) opts.timeZone = state.centre.timezone;
    return new Date(iso).toLocaleTimeString("vi-VN", opts);
  }

  function counterName(number) {
    var cfg = state.config[number];
    return cfg && cfg.label ? cfg.label : "Quầy " + number;
  }

  function serviceName(id) {
    var s = state.services[id];
    return s ? s.name : id;
  }

  // -- which counter, which ticket ------------------------------------------------------------

  function mine() {
    for (var n in state.counters) {
      var c = state.counters[n];
      if (c.status !== "closed" && c.officer_id === ME.id) return c;
    }
    return null;
  }

  function currentTicket(counter) {
    return counter && counter.ticket_id ? state.tickets[counter.ticket_id] || null : null;
  }

  function queueOrder(a, b) {
    if (a.priority !== b.priority) return a.priority ? -1 : 1;
    if (a.queue_at !== b.queue_at) return Date.parse(a.queue_at) - Date.parse(b.queue_at);
    return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
  }

  function waitingFor(number) {
    var cfg = state.config[number];
    if (!cfg) return [];
    var list = [];
    for (var id in state.tickets) {
      var t = state.tickets[id];
      if (t.status === "waiting" && cfg.services.indexOf(t.service_id) >= 0 &&
          (t.target_counter === null || t.target_counter === undefined || t.target_counter === number)) {
        list.push(t);
      }
    }
    return list.sort(queueOrder);
  }

  function allowed(action) {
    var c = mine();
    if (!c) return false;
    var t = currentTicket(c);
    var open = c.status === "open";
    var rules = state.centre.queue || { recalls_before_absent: 0 };
    switch (action) {
      case "call_next": return open && waitingFor(c.number).length > 0;
      case "recall": case "start": return !!t && t.status === "called";
      case "absent": return !!t && t.status === "called" && t.recalls >= rules.recalls_before_absent;
      case "transfer": case "finish": return !!t;
      case "pause_toggle": return c.status === "paused" || (open && !t);
      case "call_number": return open;
      case "close_counter": return !t;
      default: return false;
    }
  }

  // -- applying the server's state ------------------------------------------------------------

  function applySnapshot(snap) {
    state.seq = snap.seq;
    state.centre = snap.centre;
    state.clockOffset = Date.parse(snap.server_time) - Date.now();
    state.services = {};
    snap.centre.departments.forEach(function (d) {
      d.services.forEach(function (s) {
        state.services[s.id] = { name: s.label || s.name, name_en: s.name_en, department: d };
      });
    });
    state.config = {};
    snap.centre.counters.forEach(function (k) { state.config[k.number] = k; });
    state.counters = {};
    state.tickets = {};
    snap.waiting.forEach(function (t) { state.tickets[t.id] = t; });
    snap.counters.forEach(function (c) {
      state.counters[c.number] = c;
      if (c.ticket) state.tickets[c.ticket.id] = c.ticket;
    });
    state.resyncing = false;
    state.snapshots += 1;
    render();
    settleWait();
  }

  function applyMessage(msg) {
    // {prev, seq, events}: applies when prev <= seq so far < msg.seq; older ones are dropped.
    if (state.seq === null || state.resyncing || msg.seq <= state.seq) return;
    if (msg.prev > state.seq) {
      resync();
      return;
    }
    for (var i = 0; i < msg.events.length; i++) {
      var ev = msg.events[i];
      if (ev.seq <= state.seq) continue;
      if (ev.type === "day.ended" || ev.type === "config.changed") {   // new day / admin changed the centre
        state.seq = msg.seq;
        resync();
        return;
      }
      if (ev.ticket) applyTicket(ev);
      if (ev.counter) applyCounter(ev.counter);
    }
    state.seq = msg.seq;
    render();
    settleWait();
  }

  /* Resolves once the events up to `seq` are applied (or after CATCH_UP_MS, then resyncing). */
  var CATCH_UP_MS = 3000;
  var pending = null;      // {seq, resolve, timer}: an action waiting for its own events

  function caughtUp(seq) {
    if (!seq || state.seq === null || state.seq >= seq) return Promise.resolve();
    return new Promise(function (resolve) {
      pending = {seq: seq, resolve: resolve, timer: setTimeout(function () {
        pending = null;
        resync();
        resolve();
      }, CATCH_UP_MS)};
    });
  }

  function settleWait() {
    if (pending && state.seq !== null && state.seq >= pending.seq) {
      clearTimeout(pending.timer);
      var resolve = pending.resolve;
      pending = null;
      resolve();
    }
  }

  function applyTicket(ev) {
    var t = ev.ticket;
    var keep = t.status === "waiting" || t.status === "called" || t.status === "serving";
    if (keep) state.tickets[t.id] = t;
    else delete state.tickets[t.id];
    var at = t.counter !== null && state.counters[t.counter];
    if (at && ev.type === "ticket.finished") at.served = (at.served || 0) + 1;
    if (at && ev.type === "ticket.absent") at.absent = (at.absent || 0) + 1;
  }

  function applyCounter(update) {
    var prev = state.counters[update.number] || {};
    var next = Object.assign({}, prev, update);
    state.counters[update.number] = next;
  }

  function applyResult(result) {
    // The action's answer carries the counter's counts; trust them once all its events are in.
    if (!result || !result.counter || result.seq !== state.seq) return;
    var c = state.counters[result.counter.number];
    if (c) {
      c.served = result.counter.served;
      c.absent = result.counter.absent;
    }
  }

  function resync() {
    state.resyncing = true;
    if (socket.connected) socket.emit("resync");
  }

  // -- rendering ------------------------------------------------------------------------------

  function render() {
    if (!state.centre) return;
    var c = mine();
    $("picker").hidden = !!c;
    $("desk").hidden = !c;
    $("leave").hidden = !c;
    if (c) renderDesk(c);
    else renderPicker();
    renderButtons();
  }

  function renderWhere(c) {
    var where = $("where");
    where.textContent = "";
    if (!c) {
      where.appendChild(withEn("span", "", "Chọn quầy", "Choose a counter"));
      return;
    }
    var cfg = state.config[c.number];
    where.appendChild(el("strong", "", counterName(c.number)));
    where.appendChild(el("span", "where-room", " · Phòng " + cfg.room + " · Tầng " + cfg.floor));
  }

  function renderPicker() {
    renderWhere(null);
    var list = $("counter-list");
    list.textContent = "";
    state.centre.counters.forEach(function (cfg) { list.appendChild(counterCard(cfg)); });
  }

  function counterCard(cfg) {
    var live = state.counters[cfg.number] || { status: "closed" };
    var card = el("button", "counter-card status-" + live.status);
    card.type = "button";
    card.dataset.counter = cfg.number;
    card.appendChild(el("span", "card-name", counterName(cfg.number)));
    card.appendChild(el("span", "card-room", "Phòng " + cfg.room + " · Tầng " + cfg.floor));
    card.appendChild(el("span", "card-services", cfg.services.map(serviceName).join(", ")));
    card.appendChild(cardState(live));
    card.appendChild(el("span", "card-waiting", waitingFor(cfg.number).length + " đang chờ"));
    card.addEventListener("click", function () { act("open_counter", { counter: cfg.number }); });
    return card;
  }

  function cardState(live) {
    if (live.status === "closed") return withEn("span", "card-state", "Trống — bấm để mở quầy", "Free");
    var vi = (live.status === "paused" ? "Tạm nghỉ: " : "Đang làm việc: ") + live.officer_name;
    return withEn("span", "card-state", vi, live.status === "paused" ? "Paused" : "In use");
  }

  function renderDesk(c) {
    renderWhere(c);
    renderCurrent(c, currentTicket(c));
    var waiting = waitingFor(c.number);
    $("count-served").textContent = c.served || 0;
    $("count-absent").textContent = c.absent || 0;
    $("count-waiting").textContent = waiting.length;
    renderWaiting(waiting);
    refreshAbsent();
    document.body.classList.toggle("is-paused", c.status === "paused");
  }

  function renderCurrent(c, t) {
    var box = $("current");
    var status = $("cur-status");
    var service = $("cur-service");
    status.textContent = "";
    service.textContent = "";
    box.dataset.status = t ? t.status : c.status === "paused" ? "paused" : "none";
    $("cur-number").textContent = t ? t.label : "—";
    if (!t) {
      var idle = c.status === "paused"
        ? ["Quầy đang tạm nghỉ", "Counter paused — press P to resume"]
        : ["Bấm Gọi tiếp để mời công dân", "Press Next to call a citizen"];
      service.appendChild(withEn("span", "", idle[0], idle[1]));
      return;
    }
    var s = state.services[t.service_id];
    service.appendChild(el("span", "svc-name", serviceName(t.service_id)));
    if (s) service.appendChild(el("span", "svc-dept", s.department.name));
    var text = STATUS_TEXT[t.status] || [t.status, ""];
    status.appendChild(withEn("span", "", text[0], text[1]));
    var extra = [];
    if (t.priority) extra.push("Ưu tiên");
    if (t.called_at) extra.push("gọi lúc " + timeOfDay(t.called_at));
    if (t.recalls) extra.push("đã gọi lại " + t.recalls + " lần");
    if (t.transfers) extra.push("được chuyển đến");
    if (extra.length) status.appendChild(el("span", "status-extra", " · " + extra.join(" · ")));
  }

  function renderWaiting(waiting) {
    var body = $("waiting-body");
    body.textContent = "";
    waiting.forEach(function (t) { body.appendChild(waitingRow(t)); });
    $("waiting-empty").hidden = waiting.length > 0;
  }

  function waitingRow(t) {
    var tr = el("tr", t.priority ? "priority" : "");
    tr.dataset.label = t.label;
    var num = el("td", "w-label", t.label);
    if (t.priority) num.appendChild(el("span", "prio", "★ Ưu tiên"));
    tr.appendChild(num);
    var svc = el("td", "w-service", serviceName(t.service_id));
    if (t.target_counter) svc.appendChild(el("span", "w-note", " (chuyển riêng cho quầy này)"));
    tr.appendChild(svc);
    var m = minutesSince(t.issued_at);
    tr.appendChild(el("td", "num w-wait", m < 1 ? "< 1 phút" : m + " phút"));
    return tr;
  }

  function renderButtons() {
    var ready = state.connected && !state.busy && state.seq !== null;
    document.querySelectorAll("[data-action]").forEach(function (b) {
      b.disabled = !ready || !allowed(b.dataset.action);
    });
    document.querySelectorAll(".counter-card").forEach(function (b) { b.disabled = !ready; });
    // The number box stays usable while an action is pending: typing ahead is allowed.
    $("call-label").disabled = !state.connected || state.seq === null || !allowed("call_number");
    var c = mine();
    var paused = c && c.status === "paused";
    var label = document.querySelector(".pause-label");
    label.textContent = paused ? "Tiếp tục " : "Tạm nghỉ ";
    label.appendChild(el("span", "en", paused ? "Resume" : "Pause"));
  }

  function renderConnection(kind) {
    var conn = $("conn");
    var text = {
      online: ["Trực tuyến", "Online"],
      offline: ["Mất kết nối — đang kết nối lại…", "Disconnected — reconnecting…"],
      connecting: ["Đang kết nối…", "Connecting…"],
    }[kind];
    conn.textContent = "";
    conn.appendChild(el("span", "vi", text[0]));
    conn.appendChild(document.createTextNode(" "));
    conn.appendChild(el("span", "en", text[1]));
    document.body.classList.remove("is-online", "is-offline", "is-connecting");
    document.body.classList.add("is-" + kind);
  }

  // -- messages -------------------------------------------------------------------------------

  function showError(error) {
    $("error-vi").textContent = error.message || "Có lỗi xảy ra";
    $("error-en").textContent = error.message_en || "";
    $("error").hidden = false;
  }

  function clearError() { $("error").hidden = true; }

  function notice(text) { $("notice").textContent = text; }

  function noticeFor(name, result) {
    var c = result && result.counter;
    var t = c && c.ticket;
    var absent = ((result && result.events) || []).filter(function (e) { return e.type === "ticket.absent"; })[0];
    var called = (name === "call_next" || name === "call_number") && t ? "Đã gọi số " + t.label : "";
    if (absent && name === "recall") {
      return "Đã gọi lại quá " + state.centre.queue.max_recalls + " lần: số " + absent.ticket.label +
             " được đánh dấu vắng mặt";
    }
    if (absent) return "Số " + absent.ticket.label + " vắng mặt" + (called ? ". " + called : "");
    return called || NOTICES[name] || "";
  }

  // -- actions --------------------------------------------------------------------------------

  function act(name, payload) {
    if (state.busy || !state.connected) return Promise.resolve();
    state.busy = true;
    document.body.classList.add("is-busy");
    renderButtons();
    return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(name, payload).then(function (reply) {
      if (reply && reply.ok) {
        // The server answers first and sends the action's events after: wait for them, so the
        // screen (and any key typed ahead) acts on the state this action made.
        return caughtUp(reply.result && reply.result.seq).then(function () {
          clearError();
          applyResult(reply.result);
          notice(noticeFor(name, reply.result));
        });
      } else {
        state.nextKey = null;
        showError((reply && reply.error) || {});
      }
    }, function () {
      state.nextKey = null;
      showError({ message: "Máy chủ không trả lời, vui lòng thử lại",
                  message_en: "The server did not answer, please try again" });
    }).then(function () {
      state.busy = false;
      document.body.classList.remove("is-busy");
      render();
      runTypedAhead();
    });
  }

  function counterAct(name, extra) {
    var c = mine();
    if (!c) return Promise.resolve();
    return act(name, Object.assign({ counter: c.number }, extra || {}));
  }

  function run(action) {
    if (action === "focus_call") return $("call-label").focus();
    if (action === "transfer") return openTransfer();
    if (action === "call_number") return callNumber();
    if (action === "call_next") return askArrival("call_next", {});
    if (action === "pause_toggle") return counterAct(mine().status === "paused" ? "resume" : "pause");
    return counterAct(action);
  }

  function callNumber(label) {
    var input = $("call-label");
    label = label || input.value.trim();
    if (!label) {
      input.focus();
      return;
    }
    askArrival("call_number", { label: label }, function () { input.value = ""; });
  }

  // -- came / did not come: asked when the next call would leave a called, never-started ticket --

  var arrival = null;     // {name, payload, done} while the question is open

  function askArrival(name, payload, done) {
    var t = currentTicket(mine());
    if (!t || t.status !== "called") return sendCall(name, payload, done);
    arrival = { name: name, payload: payload, done: done };
    $("arrival-label").textContent = t.label;
    $("arrival-error").textContent = "";
    $("arrival-dialog").showModal();
    $("arrival-came").focus();
  }

  function answerArrival(came) {
    var pending = arrival;
    arrival = null;
    $("arrival-dialog").close();
    if (pending) sendCall(pending.name, Object.assign({ arrived: came }, pending.payload), pending.done);
  }

  function sendCall(name, payload, done) {
    return counterAct(name, payload).then(function () {
      if ($("error").hidden && done) done();
    });
  }

  function arrivalKey(event) {
    var key = event.key.toLowerCase();
    if (key === "enter" || key === "đ" || key === "d") answerArrival(true);
    else if (key === "k") answerArrival(false);
    else if (key === "escape") { arrival = null; $("arrival-dialog").close(); }
    else return;
    event.preventDefault();
  }

  // -- today's absent numbers, to call back ------------------------------------------------

  var absentShown = null;   // what the list was read for: a new snapshot, absent count or current ticket

  function refreshAbsent() {
    var c = mine();
    var key = c && [c.number, state.snapshots, c.absent, c.ticket_id].join("|");
    if (!c || !socket.connected || absentShown === key) return;
    absentShown = key;
    socket.timeout(ACK_TIMEOUT_MS).emitWithAck("absent_list", { counter: c.number }).then(function (reply) {
      if (reply && reply.ok) renderAbsent(reply.result.tickets);
    }, function () { absentShown = null; });
  }

  function renderAbsent(tickets) {
    var body = $("absent-body");
    body.textContent = "";
    tickets.forEach(function (t) {
      var tr = el("tr");
      tr.dataset.label = t.label;
      tr.appendChild(el("td", "w-label", t.label));
      tr.appendChild(el("td", "w-service", serviceName(t.service_id)));
      tr.appendChild(el("td", "num w-wait", t.called_at ? "gọi lúc " + timeOfDay(t.called_at) : ""));
      var cell = el("td", "num");
      var call = el("button", "btn btn-small", "Gọi lại");
      call.type = "button";
      call.title = "Gọi lại số " + t.label + " (call this number again)";
      call.addEventListener("click", function () { callNumber(t.label); });
      cell.appendChild(call);
      tr.appendChild(cell);
      body.appendChild(tr);
    });
    $("absent-empty").hidden = tickets.length > 0;
  }

  // -- transfer dialog ------------------------------------------------------------------------

  function openTransfer() {
    var c = mine();
    var t = currentTicket(c);
    if (!t) return;
    $("transfer-label").textContent = t.label;
    $("transfer-error").textContent = "";
    fillServices($("transfer-service"));
    fillCounters($("transfer-counter"), c.number);
    $("transfer-dialog").showModal();
  }

  function option(value, text) {
    var o = el("option", "", text);
    o.value = value;
    return o;
  }

  function fillServices(select) {
    select.textContent = "";
    select.appendChild(option("", "— Giữ dịch vụ hiện tại (keep service) —"));
    state.centre.departments.forEach(function (d) {
      var group = el("optgroup");
      group.label = d.name;
      d.services.forEach(function (s) { group.appendChild(option(s.id, s.name)); });
      select.appendChild(group);
    });
  }

  function fillCounters(select, from) {
    select.textContent = "";
    select.appendChild(option("", "— Quầy nào cũng được (any counter) —"));
    state.centre.counters.forEach(function (cfg) {
      if (cfg.number === from) return;
      var live = state.counters[cfg.number] || { status: "closed" };
      var st = live.status === "open" ? "đang mở" : live.status === "paused" ? "tạm nghỉ" : "đóng";
      var text = counterName(cfg.number) + " — " + cfg.services.map(serviceName).join(", ") + " (" + st + ")";
      select.appendChild(option(String(cfg.number), text));
    });
  }

  function submitTransfer(event) {
    event.preventDefault();
    var service = $("transfer-service").value;
    var counter = $("transfer-counter").value;
    if (!service && !counter) {
      $("transfer-error").textContent = "Chọn dịch vụ hoặc quầy để chuyển (choose a service or a counter)";
      return;
    }
    var payload = {};
    if (service) payload.to_service = service;
    if (counter) payload.to_counter = parseInt(counter, 10);
    $("transfer-dialog").close();
    counterAct("transfer", payload);
  }

  // -- keyboard -------------------------------------------------------------------------------

  function onKey(event) {
    if (event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
    if ($("arrival-dialog").open) return arrivalKey(event);
    if ($("transfer-dialog").open || $("desk").hidden) return;
    if (event.key === "Escape") clearError();
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    var action = KEYS[event.key] || KEYS[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    if (action === "focus_call") return $("call-label").focus();
    if (state.busy) {
      state.nextKey = action;  // typed ahead: run once the pending action is answered
      return;
    }
    runIfEnabled(action);
  }

  function runIfEnabled(action) {
    var button = document.querySelector('[data-action="' + action + '"]');
    if (button && !button.disabled) return run(action);
    var t = currentTicket(mine());
    if (action === "absent" && t && t.status === "called") {   // say why, rather than nothing
      var needed = state.centre.queue.recalls_before_absent;
      showError({ message: "Cần gọi lại " + needed + " lần trước khi đánh dấu vắng mặt (bấm R)",
                  message_en: "Recall " + needed + " time(s) before marking absent (press R)" });
    }
  }

  function runTypedAhead() {
    var action = state.nextKey;
    state.nextKey = null;
    if (action) runIfEnabled(action);
  }

  // -- wiring ---------------------------------------------------------------------------------

  var socket = io("/counter", {
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });

  socket.on("connect", function () {
    state.connected = true;
    renderConnection("online");
    renderButtons();
  });
  socket.on("disconnect", function (reason) {
    state.connected = false;
    renderConnection("offline");
    renderButtons();
    if (reason === "io server disconnect") setTimeout(function () { socket.connect(); }, 1000);
  });
  socket.on("connect_error", function (err) {
    var code = (err && err.data && err.data.code) || String((err && err.message) || "");
    if (code.indexOf("unauthenticated") >= 0) {   // the server's refusal {code, message, message_en}
      window.location.href = "/login";
      return;
    }
    state.connected = false;
    renderConnection("offline");
    if (!socket.active) setTimeout(function () { socket.connect(); }, 3000);
  });
  socket.on("snapshot", applySnapshot);
  socket.on("events", applyMessage);

  document.addEventListener("keydown", onKey);
  document.querySelectorAll("[data-action]").forEach(function (b) {
    if (b.dataset.action === "call_number") return;  // the form's submit handles it
    b.addEventListener("click", function () {
      b.blur();
      run(b.dataset.action);
    });
  });
  $("call-number-form").addEventListener("submit", function (e) {
    e.preventDefault();
    if (state.busy) state.nextKey = "call_number";
    else callNumber();
  });
  $("error-close").addEventListener("click", clearError);
  $("transfer-form").addEventListener("submit", submitTransfer);
  $("transfer-cancel").addEventListener("click", function () { $("transfer-dialog").close(); });
  $("arrival-came").addEventListener("click", function () { answerArrival(true); });
  $("arrival-gone").addEventListener("click", function () { answerArrival(false); });
  $("arrival-cancel").addEventListener("click", function () { arrival = null; $("arrival-dialog").close(); });
  $("arrival-dialog").addEventListener("cancel", function () { arrival = null; });
  $("logout-form").addEventListener("submit", function (e) {
    var c = mine();
    if (!c) return;
    e.preventDefault();
    counterAct("close_counter").then(function () {
      if (!mine()) e.target.submit();
    });
  });
  setInterval(function () { if (mine()) renderWaiting(waitingFor(mine().number)); }, TICKING_MS);

  renderConnection("connecting");
  window.motcuaConsole = { state: state, socket: socket, applyMessage: applyMessage, resync: resync };
})();
