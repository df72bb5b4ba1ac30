// Kiosk home and take-a-number pages: follow the hall's event stream and reload when its setup
// changes (services, windows, hours, languages), as soon as nobody is using the screen.
// The stream resumes after the event the page was rendered at, so a change made meanwhile is not missed.
const url = document.body.dataset.setupEvents;
const QUIET_MS = 3000; // no touch for this long: nobody is using the screen
let last = 0;
let pending = false;

for (const type of ["pointerdown", "keydown", "touchstart", "input"]) {
  window.addEventListener(type, () => { last = Date.now(); }, { passive: true, capture: true });
}

function reloadWhenIdle() {
  const quiet = Date.now() - last;
  if (quiet >= QUIET_MS) {
    window.location.reload();
  } else {
    setTimeout(reloadWhenIdle, QUIET_MS - quiet);
  }
}

function follow() {
  const source = new EventSource(url);
  source.addEventListener("open", () => { document.body.dataset.setupFollowing = "true"; });
  source.addEventListener("setup", () => {
    if (pending) return;
    pending = true;
    source.close();
    reloadWhenIdle();
  });
  source.addEventListener("error", () => {
    if (source.readyState === EventSource.CLOSED && !pending) setTimeout(follow, 5000);
  });
}

// Opened a moment after the page has loaded: the page's own requests come first.
if (url && "EventSource" in window) window.addEventListener("load", () => setTimeout(follow, 1000));
