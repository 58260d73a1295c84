(function () {
  "use strict";
  // a phone: the contents start folded (the <details> is open for desktops and when scripts are off)
  if (window.matchMedia("(max-width: 700px)").matches) {
    document.querySelectorAll("details.gx-fold").forEach(function (d) { d.open = false; });
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
