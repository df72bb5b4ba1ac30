// On-screen numeric keypad: each .keypad[data-keypad-for] types into the input its attribute names.
// The input is looked up at every tap, so a page may retarget the pad (the calculator does).
// A keyboard-wedge barcode scanner types into the same input and its Enter submits the form.
const DEFAULT_MAX_LENGTH = 12;

export function press(input, value) {
  if (value === "clear") input.value = "";
  else if (value === "backspace") input.value = input.value.slice(0, -1);
  else if (value === "." && input.value.includes(".")) return;
  else if (input.value.length < (input.maxLength > 0 ? input.maxLength : DEFAULT_MAX_LENGTH)) input.value += value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.focus({ preventScroll: true });
}

for (const pad of document.querySelectorAll(".keypad[data-keypad-for]")) {
  pad.addEventListener("click", (event) => {
    const key = event.target.closest("[data-key]");
    const input = document.getElementById(pad.dataset.keypadFor);
    if (key && input && !input.disabled) press(input, key.dataset.key);
  });
}
