// Submit a form as soon as one of its [data-autosubmit] fields changes (the window picker); a button in <noscript> does it otherwise.
for (const field of document.querySelectorAll("[data-autosubmit]")) {
  field.addEventListener("change", () => field.form.submit());
}
