// On-screen keyboard: each .osk[data-osk-for] types Latin letters, digits and space into its field.
// The device's own input method (IME) keeps working on the same field.
for (const board of document.querySelectorAll(".osk[data-osk-for]")) {
  const field = document.getElementById(board.dataset.oskFor);
  if (!field) continue;
  let shift = false;
  const shiftKey = board.querySelector('[data-osk-key="shift"]');
  const setShift = (on) => {
    shift = on;
    if (shiftKey) shiftKey.setAttribute("aria-pressed", String(on));
    for (const key of board.querySelectorAll("[data-osk-key]")) {
      const value = key.dataset.oskKey;
      if (value.length === 1 && /[a-z]/i.test(value)) key.textContent = on ? value.toUpperCase() : value;
    }
  };
  const insert = (text) => {
    const limit = field.maxLength > 0 ? field.maxLength : Infinity;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    if (field.value.length - (end - start) + text.length > limit) return;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    const caret = start + text.length;
    try { field.setSelectionRange(caret, caret); } catch { /* type=search may refuse */ }
  };
  board.addEventListener("click", (event) => {
    const key = event.target.closest("[data-osk-key]");
    if (!key) return;
    const value = key.dataset.oskKey;
    if (value === "shift") { setShift(!shift); return; }
    if (value === "clear") field.value = "";
    else if (value === "backspace") {
      const start = field.selectionStart ?? field.value.length;
      const end = field.selectionEnd ?? field.value.length;
      const from = start === end ? Math.max(start - 1, 0) : start;
      field.value = field.value.slice(0, from) + field.value.slice(end);
      try { field.setSelectionRange(from, from); } catch { /* ignore */ }
    } else {
      insert(shift ? value.toUpperCase() : value);
      if (shift) setShift(false);
    }
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus({ preventScroll: true });
  });
}
