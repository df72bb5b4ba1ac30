// Counter rating screen: after "finish service" ask for a rating for 30 seconds.
const config = JSON.parse(document.getElementById("display-config").textContent);
const ask = document.querySelector("[data-rate-ask]");
const idle = document.querySelector("[data-rate-idle]");
const thanks = document.querySelector("[data-rate-thanks]");
const countdown = document.querySelector("[data-rate-countdown]");
const form = document.querySelector("[data-rate-form]");
const token = document.querySelector('meta[name="csrf-token"]').content;
let timer = null;

function show(section) {
  for (const node of [ask, idle, thanks]) node.hidden = node !== section;
}

function startAsking(ticket) {
  document.querySelector("[data-rate-ticket]").textContent = ticket || "";
  show(ask);
  let left = Number(config.seconds || 30);
  countdown.textContent = String(left);
  clearInterval(timer);
  timer = setInterval(() => {
    left -= 1;
    countdown.textContent = String(left);
    if (left <= 0) { clearInterval(timer); show(idle); }
  }, 1000);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const rating = event.submitter?.value;
  clearInterval(timer);
  try {
    const response = await fetch(location.pathname, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": token},
      body: JSON.stringify({rating: Number(rating)}),
    });
    const answer = await response.json();
    thanks.textContent = answer.message;
  } catch {
    thanks.textContent = "";
  }
  show(thanks);
  setTimeout(() => show(idle), 4000);
});

const source = new EventSource(config.events_url);
source.addEventListener("rating", (event) => {
  const data = JSON.parse(event.data);
  if (data.window === config.window) startAsking(data.ticket);
});
if (config.pending) startAsking(config.pending);
