// Live clock in the hall's time zone (the device clock's zone is not trusted).
const clocks = document.querySelectorAll("[data-clock]");

function pad(n) { return String(n).padStart(2, "0"); }

function tick() {
  for (const clock of clocks) {
    const offset = Number(clock.dataset.utcOffset || 0);
    const now = new Date(Date.now() + offset * 60000);
    const target = clock.querySelector("[data-clock-time]");
    if (target) target.textContent = `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}`;
    // The date is rendered by the server in the page's locale; reload after local midnight.
    const startDay = clock.dataset.day ?? (clock.dataset.day = String(now.getUTCDate()));
    if (String(now.getUTCDate()) !== startDay && !document.querySelector("[data-no-midnight-reload]")) {
      window.location.reload();
    }
  }
}

if (clocks.length) {
  tick();
  setInterval(tick, 1000);
}
