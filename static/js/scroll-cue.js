// Long pages: while part of the page lies beyond the screen, a large button in the footer says so
// ("More below"; "More to the right" where the page is written in vertical columns, read left to
// right, as traditional Mongolian is), and a tap scrolls the kiosk's main area (not the window) by
// most of a screen that way. The button hides once the end of the page is in view.
const main = document.querySelector(".kiosk-main");
const cue = document.querySelector("[data-scroll-cue]");

function remaining() {
  return {
    down: main.scrollHeight - main.clientHeight - main.scrollTop,
    right: main.scrollWidth - main.clientWidth - Math.abs(main.scrollLeft),
  };
}

function update() {
  const left = remaining();
  const sideways = left.right > 8 && left.down <= 8;
  cue.dataset.direction = sideways ? "right" : "down";
  cue.hidden = left.down <= 8 && left.right <= 8;
}

if (main && cue) {
  cue.addEventListener("click", () => {
    if (cue.dataset.direction === "right") {
      main.scrollBy({ left: Math.round(main.clientWidth * 0.75), behavior: "smooth" });
    } else {
      main.scrollBy({ top: Math.round(main.clientHeight * 0.75), behavior: "smooth" });
    }
  });
  main.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update);
  const resized = new ResizeObserver(update);  // the page's content grows or shrinks (fonts, images)
  for (const node of [main, ...main.children]) resized.observe(node);
  update();
}
