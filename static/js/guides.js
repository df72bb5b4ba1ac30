// Progress query: one on-screen keypad types into whichever field was touched last
// (the application number or the phone's last 4 digits).
const pad = document.querySelector(".progress-entry .keypad");
const fields = [...document.querySelectorAll("[data-keypad-target]")];
let target = fields[0];
for (const field of fields) field.addEventListener("focus", () => { target = field; });
if (pad && target) {
  pad.addEventListener("click", (event) => {
    const key = event.target.closest("[data-key]");
    if (!key) return;
    const value = key.dataset.key;
    if (value === "clear") target.value = "";
    else if (value === "backspace") target.value = target.value.slice(0, -1);
    else if (target.maxLength < 0 || target.value.length < target.maxLength) {
      target.value += value;
      const next = fields[fields.indexOf(target) + 1];
      if (target.maxLength > 0 && target.value.length === target.maxLength && next) target = next;
    }
    for (const field of fields) field.classList.toggle("keypad-active", field === target);
    target.focus({ preventScroll: true });
  });
  fields[0].classList.add("keypad-active");
}
