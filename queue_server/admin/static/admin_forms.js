/* Asks before a destructive admin form is sent (buttons with data-confirm). Works without JS too. */
document.addEventListener("submit", function (ev) {
  var button = ev.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) ev.preventDefault();
});
