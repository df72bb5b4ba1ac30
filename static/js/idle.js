// Kiosk idle timer: after KIOSK_IDLE_SECONDS without a touch, forget the customer
// (the server clears the session, language and elder mode) and return home. The last
// KIOSK_IDLE_WARNING_SECONDS (at most half the time) show a dialog with a countdown and a large
// "Continue" button; any touch closes it. A page may return home sooner by itself
// (data-return-after on <body>, seconds, e.g. the printed ticket's confirmation).
const body = document.body;
const idleSeconds = Number(body.dataset.idleSeconds || 60);
const resetUrl = body.dataset.resetUrl;
const dialog = document.querySelector("[data-idle-dialog]");
const count = dialog ? dialog.querySelector("[data-idle-count]") : null;
const WARNING_SECONDS = Math.min(Number(body.dataset.idleWarningSeconds || 15), Math.floor(idleSeconds / 2));
let limit = idleSeconds;
let last = Date.now();
let resetting = false;

function hideWarning() {
  if (dialog && !dialog.hidden) {
    dialog.hidden = true;
    body.classList.remove("idle-warning");
  }
}

function activity() {
  last = Date.now();
  hideWarning();
}

/** Return home after `seconds` without a touch from now on (sooner than the idle time only). */
export function returnHomeAfter(seconds) {
  limit = Math.min(limit, seconds);
  last = Date.now();
}

// Not "scroll": a page scrolling itself (a focus, a script) is no sign of a customer; touch and wheel are.
for (const type of ["pointerdown", "keydown", "touchstart", "input", "wheel"]) {
  window.addEventListener(type, activity, { passive: true, capture: true });
}

function check() {
  const idle = (Date.now() - last) / 1000;
  const left = Math.max(0, Math.ceil(limit - idle));
  if (dialog && limit === idleSeconds && WARNING_SECONDS > 0 && idle >= limit - WARNING_SECONDS && !resetting) {
    if (dialog.hidden) {
      dialog.hidden = false;
      body.classList.add("idle-warning");
      dialog.querySelector("[data-idle-continue]")?.focus({ preventScroll: true });
    }
    if (count && count.textContent !== String(left)) count.textContent = String(left);
  }
  if (idle >= limit && resetUrl && !resetting) {
    // Once: a second replace() while the reset is loading would abort it (a slow server never got there).
    resetting = true;
    window.location.replace(resetUrl);
  }
}

if (dialog) dialog.querySelector("[data-idle-continue]")?.addEventListener("click", activity);
if (body.dataset.returnAfter) returnHomeAfter(Number(body.dataset.returnAfter));

// A part marked data-return-after (seconds) returns home that long after its print succeeded
// (its [data-print-status] reads data-state="ok"), e.g. the ticket confirmation.
for (const part of document.querySelectorAll("[data-return-after]")) {
  const status = part.querySelector("[data-print-status]");
  if (!status) continue;
  const seconds = Number(part.dataset.returnAfter);
  const watch = () => { if (status.dataset.state === "ok" && seconds > 0) returnHomeAfter(seconds); };
  new MutationObserver(watch).observe(status, { attributes: true, attributeFilter: ["data-state"] });
  watch();
}
if (resetUrl && idleSeconds > 0) setInterval(check, 250);

// "Back" goes back in history when there is history inside the kiosk, else to its link.
for (const link of document.querySelectorAll("[data-history-back]")) {
  link.addEventListener("click", (event) => {
    if (document.referrer && new URL(document.referrer).origin === window.location.origin && history.length > 1) {
      event.preventDefault();
      history.back();
    }
  });
}

// Pages that show personal data must not come back from the browser cache.
window.addEventListener("pageshow", (event) => {
  if (event.persisted && document.querySelector("[data-private]")) window.location.replace(resetUrl);
});
