// Long pages: while part of the page lies below the screen, a large "More below" button in the footer
// says so; a tap scrolls the page (the kiosk's main area scrolls, not the window) by most of a screen.
// The button hides once the end of the page is in view.
const main = document.querySelector(".kiosk-main");
const cue = document.querySelector("[data-scroll-cue]");

function update() {
  const below = main.scrollHeight - main.clientHeight - main.scrollTop;
  cue.hidden = below < 8;
}

if (main && cue) {
  cue.addEventListener("click", () => {
    main.scrollBy({ top: Math.round(main.clientHeight * 0.75), behavior: "smooth" });
  });
  main.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update);
  new ResizeObserver(update).observe(main);
  for (const child of main.children) new ResizeObserver(update).observe(child);
  update();
}
