// "Print my ticket" on the ticket confirmation page: prints on load, again on the button; the number stays valid.
const box = document.querySelector("[data-ticket-print]");
const form = box.querySelector("[data-print-form]");
const status = box.querySelector("[data-print-status]");

function printInFrame(url) {
  let frame = document.getElementById("ticket-print-frame");
  if (!frame) {
    frame = document.createElement("iframe");
    frame.id = "ticket-print-frame";
    frame.hidden = true;
    document.body.append(frame);
  }
  frame.onload = () => { try { frame.contentWindow.print(); } catch { /* the page still shows the number */ } };
  frame.src = url;
}

async function printTicket() {
  status.dataset.state = "busy";
  try {
    const response = await fetch(form.action, {
      method: "POST",
      headers: {"X-CSRFToken": form.elements.csrf_token.value, "Accept": "application/json"},
      credentials: "same-origin",
    });
    const answer = await response.json();
    status.textContent = answer.message;
    status.dataset.state = answer.ok ? "ok" : "failed";
    if (answer.ok && answer.printer === "browser" && answer.pdf_url) printInFrame(answer.pdf_url);
  } catch {
    status.textContent = box.dataset.failedMessage;
    status.dataset.state = "failed";
  }
}

form.addEventListener("submit", (event) => { event.preventDefault(); printTicket(); });
// The number is already on the screen; print right after the page has painted.
if (box.dataset.auto === "true") requestAnimationFrame(() => setTimeout(printTicket, 0));
