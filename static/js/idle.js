// Kiosk idle timer: after KIOSK_IDLE_SECONDS without a touch, forget the customer
// (the server clears the session, language and elder mode) and return home.
const body = document.body;
const idleSeconds = Number(body.dataset.idleSeconds || 60);
const resetUrl = body.dataset.resetUrl;
const note = document.querySelector("[data-idle-note]");
const WARNING_SECONDS = Math.min(10, Math.floor(idleSeconds / 3));
let last = Date.now();
let resetting = false;

function activity() {
  last = Date.now();
  if (note) note.hidden = true;
}

for (const type of ["pointerdown", "keydown", "touchstart", "input", "scroll"]) {
  window.addEventListener(type, activity, { passive: true, capture: true });
}

function check() {
  const idle = (Date.now() - last) / 1000;
  if (note && idle >= idleSeconds - WARNING_SECONDS) note.hidden = false;
  if (idle >= idleSeconds && resetUrl && !resetting) {
    // Once: a second replace() while the reset is loading would abort it (a slow server never got there).
    resetting = true;
    window.location.replace(resetUrl);
  }
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
