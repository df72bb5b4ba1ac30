// A customer's phone following its ticket (/t/<token>): the hall's live events tell it when to read
// the page again; it alerts once when 3 or fewer are ahead and once when called (vibration, a tone,
// the title). Without a stream (refused, or no EventSource) it reads the page every 20 s instead.
const main = document.querySelector("main[data-ticket-status]");
const POLL_MS = 20000;
const FINAL = new Set(["done", "skipped", "expired"]);
const baseTitle = document.title;
const alerted = { near: false, called: false };
let pollTimer = null;
let pending = null;
let source = null;
let lastWaiting = null;

function tone(frequency) {
  try {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + 0.4);
  } catch {
    // no audio before the customer has touched the page: vibration and the title still tell
  }
}

function alertCustomer(kind) {
  if (navigator.vibrate) navigator.vibrate(kind === "called" ? [400, 150, 400, 150, 400] : [250]);
  tone(kind === "called" ? 880 : 660);
  document.title = `${kind === "called" ? "🔔" : "⏳"} ${baseTitle}`;
  main.dataset.alerted = kind;
}

function check() {
  const status = main.dataset.ticketStatus;
  const aheadNode = main.querySelector("[data-ahead]");
  const ahead = aheadNode ? Number(aheadNode.dataset.ahead) : NaN;
  if (status === "called" && !alerted.called) {
    alerted.called = true;
    alertCustomer("called");
  } else if (status === "waiting" && ahead <= 3 && !alerted.near) {
    alerted.near = true;
    alertCustomer("near");
  }
  if (FINAL.has(status)) stop();
}

async function refresh() {
  pending = null;
  try {
    const response = await fetch(window.location.href, { cache: "no-store" });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("main[data-ticket-status]");
    if (!fresh) return;
    main.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
    main.dataset.ticketStatus = fresh.dataset.ticketStatus;
    check();
  } catch {
    // offline for a moment: the next event or poll tries again
  }
}

function soon() {
  if (!pending) pending = setTimeout(refresh, 300);
}

function onQueue(event) {
  const services = JSON.parse(event.data).services || [];
  const mine = services.find((service) => service.code === main.dataset.service);
  if (!mine || mine.waiting === lastWaiting) return;
  lastWaiting = mine.waiting;
  soon();
}

function poll() {
  clearInterval(pollTimer);
  pollTimer = setInterval(refresh, POLL_MS);
}

function stop() {
  clearInterval(pollTimer);
  if (source) source.close();
}

function follow() {
  if (!("EventSource" in window) || !main.dataset.eventsUrl) {
    poll();
    return;
  }
  source = new EventSource(main.dataset.eventsUrl);
  source.addEventListener("queue", onQueue);
  source.addEventListener("call", soon);
  source.addEventListener("open", () => clearInterval(pollTimer));
  source.addEventListener("error", () => {
    if (source.readyState === EventSource.CLOSED) poll(); // refused (e.g. too many streams): read the page
  });
}

if (main) {
  check();
  if (!FINAL.has(main.dataset.ticketStatus)) follow();
}
