// Bill calculator: one on-screen keypad types into whichever field was tapped last, and the
// fields that do not apply to the chosen customer category are hidden (and not submitted).
const form = document.querySelector("[data-calc-form]");
if (form) {
  const pad = form.querySelector(".keypad[data-keypad-for]");
  const fields = [...form.querySelectorAll("[data-calc-field]")];
  let target = document.getElementById(pad.dataset.keypadFor);

  const mark = (input) => {
    target = input;
    pad.dataset.keypadFor = input.id;
    for (const field of fields) field.classList.toggle("is-target", field === input);
  };
  for (const field of fields) field.addEventListener("focus", () => mark(field));
  mark(target);

  pad.addEventListener("click", (event) => {
    const key = event.target.closest("[data-key]");
    if (!key) return;
    const value = key.dataset.key;
    if (value === "clear") target.value = "";
    else if (value === "backspace") target.value = target.value.slice(0, -1);
    else if (value === "." && target.value.includes(".")) return;
    else if (target.value.length < (target.maxLength > 0 ? target.maxLength : 12)) target.value += value;
    target.focus({ preventScroll: true });
  });

  const applyCategory = () => {
    const category = form.querySelector("input[name=category]:checked")?.value || "residential";
    for (const block of form.querySelectorAll("[data-only]")) {
      const shown = block.dataset.only.split(" ").includes(category);
      block.hidden = !shown;
      for (const control of block.querySelectorAll("input, select")) control.disabled = !shown;
    }
    if (target.disabled) mark(document.getElementById("kwh"));
  };
  form.addEventListener("change", (event) => { if (event.target.name === "category") applyCategory(); });
  applyCategory();
}
