(function () {
  "use strict";
  // a phone: the contents start folded (the <details> is open for desktops and when scripts are off)
  if (window.matchMedia("(max-width: 700px)").matches) {
    document.querySelectorAll("details.gx-fold").forEach(function (d) { d.open = false; });
  }
  // a phone: a table wider than the screen (or of five columns or more) is stacked, one row a card with each cell labelled by its column,
  // so a row reads top to bottom (interactive tables redraw their rows when paged or sorted: label again)
  if (window.matchMedia("(max-width: 700px)").matches) {
    // one name per column: pandas writes the columns in one header row and the index's name in another (a blank
    // cell above the index, blanks beside its name), so a column's name is its last non-blank header cell
    var heads = function (table) {
      var names = [];
      table.querySelectorAll("thead tr").forEach(function (tr) {
        var i = 0;
        Array.prototype.forEach.call(tr.children, function (th) {
          var text = th.textContent.trim(), span = th.colSpan || 1;
          if (!text) { th.classList.add("gx-blank"); }
          for (var k = 0; k < span; k += 1, i += 1) { if (text) { names[i] = text; } }
        });
      });
      return names;
    };
    var label = function (table) {
      var names = heads(table);
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (cell, i) {
          if (names[i] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", names[i]); }
        });
      });
    };
    var stack = function (table) {
      var box = table.closest(".jp-OutputArea-output") || table.parentElement;
      var columns = table.querySelectorAll("thead tr:last-child th").length;
      // wider than the screen, or five columns and more squeezed into it (text wrapping a character a line)
      if (table.classList.contains("gx-stacked") || (table.scrollWidth <= box.clientWidth + 1 && columns < 5)) { return; }
      table.classList.add("gx-stacked");
      label(table);
      new MutationObserver(function () { label(table); }).observe(table, { childList: true, subtree: true });
    };
    // the sanitizer-safe grids of display.scroll_table (div rows, span cells): one card per row as well, each
    // cell named by its column, instead of a box to scroll sideways with rows as tall as their longest cell
    var cards = function (grid) {
      if (grid.classList.contains("gx-cards")) { return; }
      var own = function (row) {
        return Array.prototype.filter.call(row.children, function (c) { return !c.classList.contains("gx-sep"); });
      };
      var head = grid.querySelector(".gx-row.gx-head");
      var names = head ? own(head).map(function (c) { return c.textContent.trim(); }) : [];
      grid.querySelectorAll(".gx-row:not(.gx-head)").forEach(function (row) {
        own(row).forEach(function (cell, i) { if (names[i]) { cell.setAttribute("data-label", names[i]); } });
      });
      grid.classList.add("gx-cards");
    };
    var stackAll = function () {
      document.querySelectorAll("main table").forEach(stack);
      document.querySelectorAll("main .gx-table").forEach(cards);
    };
    stackAll();
    // interactive tables are drawn after the page loads
    new MutationObserver(stackAll).observe(document.querySelector("main"), { childList: true, subtree: true,
      attributes: true, attributeFilter: ["class", "hidden"] });
  }
  // tap (or Enter) on a chart shows it at its full size, in a box that scrolls sideways; tap again to fit
  document.querySelectorAll(".jp-RenderedImage img").forEach(function (img) {
    var box = img.parentElement;
    box.classList.add("gx-zoomable");
    img.setAttribute("tabindex", "0");
    img.setAttribute("title", "Tap to see the chart at full size");
    function toggle(event) {
      if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") { return; }
      event.preventDefault();
      box.classList.toggle("gx-zoomed");
    }
    img.addEventListener("click", toggle);
    img.addEventListener("keydown", toggle);
  });
})();
