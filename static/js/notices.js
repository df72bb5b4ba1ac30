// Opinion book: tapping a phrase adds it to the text; an anonymous report sends no phone number.
const form = document.querySelector("[data-opinion-form]");
if (form) {
  const text = form.querySelector("#opinion-text");
  const phone = form.querySelector("#opinion-phone");
  const anonymous = form.querySelector('input[name="anonymous"]');
  const anonymousChoice = form.querySelector("[data-anonymous-choice]");
  for (const button of form.querySelectorAll("[data-phrase]")) {
    button.addEventListener("click", () => {
      const phrase = button.textContent.trim();
      const joined = text.value.trim() ? `${text.value.trim()} ${phrase}` : phrase;
      if (joined.length <= text.maxLength) text.value = joined;
      text.focus({ preventScroll: true });
    });
  }
  const sync = () => {
    const report = form.querySelector('input[name="kind"]:checked')?.value === "report";
    anonymousChoice.hidden = !report;
    if (!report) anonymous.checked = false;
    phone.disabled = anonymous.checked;
    if (anonymous.checked) phone.value = "";
  };
  form.addEventListener("change", sync);
  sync();
}
