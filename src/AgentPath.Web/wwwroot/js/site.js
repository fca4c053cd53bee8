// AgentPath: small progressive enhancements. Pages work without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The phone menu: a real button that says whether the menu is open.
  var burger = document.querySelector(".nav-burger");
  var nav = document.getElementById("mainnav");
  if (burger && nav) {
    burger.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      burger.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute("content") : null;

  // htmx requests carry the antiforgery token as a header too (cookie-authenticated API writes need it).
  document.addEventListener("htmx:configRequest", function (e) {
    if (token) { e.detail.headers["X-CSRF-TOKEN"] = token; }
  });

  // Upload progress for large files (roster import, later recordings and courseware).
  document.addEventListener("htmx:xhr:progress", function (e) {
    var form = e.target.closest("form");
    var bar = form ? form.querySelector("progress") : null;
    if (bar && e.detail.lengthComputable) {
      bar.hidden = false;
      bar.value = Math.round((e.detail.loaded / e.detail.total) * 100);
    }
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.target.closest ? e.target.closest("form") : null;
    var bar = form ? form.querySelector("progress:not(.htmx-indicator)") : null;
    if (bar) { bar.hidden = true; bar.value = 0; }
  });

  window.AgentPath = { csrfToken: function () { return token; } };
})();
