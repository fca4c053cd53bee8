// AgentPath on a phone: every data table folds into cards at <= 480 px (css/phone.css).
// Each cell gets the text of its column's header as data-label, shown before the value, so a
// view needs no extra markup. Pages work without this file (the table then scrolls sideways).
(function () {
  "use strict";

  function text(cell) {
    return (cell.getAttribute("data-label") || cell.textContent || "").replace(/\s+/g, " ").trim();
  }

  // The header row: the last row of <thead>, or a first body row made only of <th>.
  function headerRow(table) {
    if (table.tHead && table.tHead.rows.length) {
      return table.tHead.rows[table.tHead.rows.length - 1];
    }
    var first = table.rows.length ? table.rows[0] : null;
    if (first && first.cells.length > 1 && Array.prototype.every.call(first.cells, function (c) { return c.tagName === "TH"; })) {
      first.classList.add("stack-head");
      return first;
    }
    return null;
  }

  function label(table) {
    if (table.hasAttribute("data-no-stack") || table.closest("[data-no-stack]")) { return; }
    var head = headerRow(table);
    if (!head) { return; }
    var labels = [];
    Array.prototype.forEach.call(head.cells, function (cell) {
      for (var i = 0; i < (cell.colSpan || 1); i++) { labels.push(text(cell)); }
    });
    if (labels.length < 3) { return; } // two columns already read as a list
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        if (row === head) { return; }
        var col = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute("data-label") && labels[col]) { cell.setAttribute("data-label", labels[col]); }
          col += cell.colSpan || 1;
        });
      });
    });
    if (table.tFoot) {
      Array.prototype.forEach.call(table.tFoot.rows, function (row) {
        var col = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute("data-label") && labels[col] && cell.colSpan === 1) { cell.setAttribute("data-label", labels[col]); }
          col += cell.colSpan || 1;
        });
      });
    }
    table.classList.add("stack");
  }

  function labelAll(root) {
    if (root.tagName === "TABLE") { label(root); }
    Array.prototype.forEach.call(root.querySelectorAll("table"), label);
    var inside = root.closest ? root.closest("table") : null;
    if (inside) { label(inside); }
  }

  labelAll(document.querySelector("main") || document.body);
  document.addEventListener("htmx:afterSettle", function (e) { if (e.target && e.target.querySelectorAll) { labelAll(e.target); } });
})();
