/* "Tùy chọn" enables the two date fields; nothing else needs script. A file, not an inline
   script: the Content-Security-Policy allows scripts from the server only (web/headers.py). */
document.getElementById("kind").addEventListener("change", function (e) {
  var custom = e.target.value === "custom";
  document.querySelectorAll("input[type=date]").forEach(function (i) { i.disabled = !custom; });
});
