// On-screen numeric keypad: each .keypad[data-keypad-for] types into its input.
// A keyboard-wedge barcode scanner types into the same input and its Enter submits the form.
for (const pad of document.querySelectorAll(".keypad[data-keypad-for]")) {
  const input = document.getElementById(pad.dataset.keypadFor);
  if (!input) continue;
  pad.addEventListener("click", (event) => {
    const key = event.target.closest("[data-key]");
    if (!key) return;
    const value = key.dataset.key;
    if (value === "clear") input.value = "";
    else if (value === "backspace") input.value = input.value.slice(0, -1);
    else if (value === "." && input.value.includes(".")) return;
    else if (!input.maxLength || input.maxLength < 0 || input.value.length < input.maxLength) input.value += value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.focus({ preventScroll: true });
  });
}
