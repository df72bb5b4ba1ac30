// Bill calculator: the on-screen keypad (keypad.js) types into whichever field was tapped last, and
// the fields that do not apply to the chosen customer category are hidden (and not submitted).
import "./keypad.js";

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
