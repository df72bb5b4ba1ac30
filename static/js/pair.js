// The pairing screen opened as /pair?code=…: send the filled-in code at once (the form works without this).
const form = document.querySelector("form[data-pair-auto]");
if (form && form.elements.code.value) {
  form.submit();
}
