// Training plans: small enhancements; every page works without them.
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("[data-print]") : null;
    if (button) {
      e.preventDefault();
      window.print();
    }
  });

  // A form whose button says what it does asks once before doing something that cannot be undone.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      e.preventDefault();
    }
  });
})();
