// AgentPath daily tools: small enhancements of lists and the attendance form. Everything works without it.
(function () {
  "use strict";

  // Bulk attendance: one button sets every line still "not recorded" to present (nothing is saved until Save).
  document.querySelectorAll("[data-attendance-tools]").forEach(function (tools) {
    var form = tools.closest("form");
    tools.hidden = false;
    tools.querySelectorAll("[data-mark-rest]").forEach(function (button) {
      button.addEventListener("click", function () {
        form.querySelectorAll("select[data-attendance-status]").forEach(function (select) {
          if (select.value === "") { select.value = button.getAttribute("data-mark-rest"); }
        });
      });
    });
  });

  // Filter bars: choosing from a drop-down applies the filter at once (the Filter button still works without script).
  document.querySelectorAll("form.filters[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
})();
