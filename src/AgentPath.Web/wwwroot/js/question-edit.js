// AgentPath editors (question, paper): show only the parts of the form that the chosen type or mode uses.
// A part marked data-when="Input.Type" data-values="Single Multiple" shows while the field named
// Input.Type has one of those values. Without this file every part shows, each labelled with what it is for.
(function () {
  "use strict";
  document.querySelectorAll("form[data-editor]").forEach(function (form) {
    var parts = form.querySelectorAll("[data-when]");
    function valueOf(name) {
      var field = form.elements.namedItem(name); // an element, or a RadioNodeList for radios
      return field ? field.value : null;
    }
    function update() {
      parts.forEach(function (part) {
        var value = valueOf(part.getAttribute("data-when"));
        if (value === null) { return; }
        var show = part.getAttribute("data-values").split(" ").indexOf(value) >= 0;
        part.style.display = show ? "" : "none";
      });
    }
    form.addEventListener("change", function (e) {
      if (e.target && e.target.name && form.querySelector('[data-when="' + e.target.name + '"]')) { update(); }
    });
    update();
  });
})();
