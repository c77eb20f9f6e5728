// The ticket status page: shows this ticket only, refreshed from GET /api/tickets/<id>.
"use strict";
(function () {
  const card = document.getElementById("ticket");
  const names = JSON.parse(document.getElementById("names").textContent);
  const poll = Number(card.dataset.poll) || 5000;
  const $ = (id) => document.getElementById(id);

  function counterName(number) {
    return names.counters[String(number)] || ("Quầy " + number);
  }

  function statusText(t) {
    const counter = t.counter ? counterName(t.counter) : "";
    switch (t.status) {
      case "waiting": return ["Đang chờ đến lượt", "Waiting for your turn", ""];
      case "called": return ["Mời quý ông/bà đến " + counter, "Please go to " + counter, "call"];
      case "serving": return ["Đang được phục vụ tại " + counter, "Being served at " + counter, "call"];
      case "done": return ["Đã hoàn thành. Xin cảm ơn!", "Done. Thank you!", "done"];
      case "absent": return ["Đã gọi nhưng quý ông/bà vắng mặt, vui lòng liên hệ " + counter,
                             "You were called but absent, please see " + counter, "warn"];
      case "expired": return ["Phiếu đã hết hạn", "This ticket has expired", "done"];
      default: return [t.status, t.status, ""];
    }
  }

  function show(t) {
    const [vi, en, kind] = statusText(t);
    const status = $("status");
    status.textContent = vi;
    const small = document.createElement("span");
    small.className = "en";
    small.textContent = en;
    status.appendChild(small);
    status.className = "status " + kind;
    status.dataset.status = t.status;
    const waiting = t.status === "waiting";
    $("ahead-row").classList.toggle("hidden", !waiting);
    $("wait-row").classList.toggle("hidden", !waiting);
    $("ahead").textContent = t.ahead;
    $("wait").textContent = t.ahead ? "khoảng " + t.wait_minutes + " phút" : "sắp đến lượt";
    const service = names.services[t.service_id];
    const dept = names.departments[t.department_id];
    if (service && dept) $("service").textContent = dept.vi + " — " + service.vi;
    $("updated").textContent = "Cập nhật lúc " + new Date().toLocaleTimeString("vi-VN", {timeZone: card.dataset.timezone});  // the centre's
  }

  async function refresh() {
    try {
      const response = await fetch("/api/tickets/" + encodeURIComponent(card.dataset.id), {cache: "no-store"});
      if (response.ok) show(await response.json());
      else $("updated").textContent = "Không cập nhật được, đang thử lại…";
    } catch (e) {
      $("updated").textContent = "Mất kết nối, đang thử lại…";
    }
  }

  show(JSON.parse(document.getElementById("initial").textContent));
  setInterval(refresh, poll);
})();
