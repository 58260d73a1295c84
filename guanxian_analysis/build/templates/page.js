(function () {
  "use strict";
  // a phone: the contents start folded (the <details> is open for desktops and when scripts are off)
  if (window.matchMedia("(max-width: 700px)").matches) {
    document.querySelectorAll("details.gx-fold").forEach(function (d) { d.open = false; });
  }
  // a phone: a table wider than the screen (or of five columns or more) is stacked, one row a card with each cell labelled by its column,
  // so a row reads top to bottom (interactive tables redraw their rows when paged or sorted: label again)
  if (window.matchMedia("(max-width: 700px)").matches) {
    var label = function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (cell, i) {
          if (heads[i] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", heads[i]); }
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
    var stackAll = function () { document.querySelectorAll("main table").forEach(stack); };
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
