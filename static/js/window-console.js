// Staff window console: keyboard shortcuts, service timers, live waiting list.
const root = document.querySelector("[data-window-console]");

function minutesText(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function tick() {
  const now = Date.now();
  for (const el of document.querySelectorAll("[data-duration]")) {
    const from = Date.parse(el.dataset.from);
    const to = el.dataset.to ? Date.parse(el.dataset.to) : now;
    el.textContent = minutesText((to - from) / 1000);
  }
  for (const timer of document.querySelectorAll("[data-timer]")) {
    const seconds = (now - Date.parse(timer.dataset.from)) / 1000;
    const limit = Number(timer.dataset.limitSeconds || 0);
    timer.textContent = minutesText(seconds);
    timer.classList.toggle("red", limit > 0 && seconds > limit);
    timer.classList.toggle("amber", limit > 0 && seconds <= limit && seconds >= limit * 0.8);
  }
}

function shortcuts(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target.closest("input, select, textarea")) return;
  const key = event.key.toUpperCase();
  if (key === "T") {
    event.preventDefault();
    document.querySelector("[data-key-target='T']")?.focus();
    return;
  }
  const button = root.querySelector(`button[data-key="${key}"]`);
  if (button && !button.disabled) {
    event.preventDefault();
    button.closest("form").requestSubmit(button);
  }
}

let refreshing = null;
async function refreshPanel() {
  if (refreshing) return;
  refreshing = (async () => {
    try {
      const response = await fetch(root.dataset.panelUrl, {credentials: "same-origin"});
      if (response.ok) {
        document.querySelector("[data-console-panel]").innerHTML = await response.text();
        tick();
      }
    } catch { /* the next event retries */ }
  })();
  await refreshing;
  refreshing = null;
}

if (root) {
  tick();
  setInterval(tick, 1000);
  document.addEventListener("keydown", shortcuts);
  const source = new EventSource(root.dataset.eventsUrl);
  for (const type of ["queue", "window"]) source.addEventListener(type, refreshPanel);
  source.addEventListener("open", refreshPanel);
}
