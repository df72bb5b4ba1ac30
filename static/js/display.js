// Wall and counter displays: render every live element (calls, window cards, waiting counts) from the
// snapshot the page embeds, then follow /api/v1/events (SSE) from the event the snapshot ends at; reload
// the snapshot only after a reconnect. Announce calls in every display language in order (speech, else
// chime + flash).
const config = JSON.parse(document.getElementById("display-config").textContent);
const kind = document.body.dataset.display;
const counterWindow = Number(document.body.dataset.counterWindow || 0);
const $ = (selector) => document.querySelector(selector);
const windows = new Map();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function fill(text, values) {
  return Object.entries(values).reduce((out, [key, value]) => out.replaceAll(`{${key}}`, String(value)), text);
}

function perLanguage(tag, make) {
  return config.languages.map((code) => el(tag, {lang: config.html_lang[code]}, make(config.strings[code], code)));
}

// ISO-8601 moments (with their offset) in the hall's time zone, whatever the device's zone:
// "10:30" for a time of day, "12-10 02:17" with the date.
const hallClock = new Intl.DateTimeFormat("en-GB", {timeZone: config.timezone || "Asia/Shanghai", month: "2-digit",
                                                    day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23"});

function hallParts(iso) {
  return Object.fromEntries(hallClock.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

function hallTime(iso) {
  const parts = hallParts(iso);
  return `${parts.hour}:${parts.minute}`;
}

function hallDateTime(iso) {
  const parts = hallParts(iso);
  return `${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

// ---- windows ----
function renderWindow(state) {
  const card = el("article", {class: `window-card status-${state.status}`, "data-window": state.number,
                              "data-status": state.status});
  card.append(el("h3", {class: "window-label"}, ...perLanguage("span", (s) => fill(s.window, {n: state.number}))));
  if (state.status === "suspended") {
    const texts = state.reason_texts || {};
    const until = state.until ? hallTime(state.until) : null;
    card.append(el("div", {class: "suspended-sign"}, ...config.languages.map((code) => {
      const s = config.strings[code];
      return el("p", {lang: config.html_lang[code]}, el("strong", {}, s.suspended), " ",
                el("span", {class: "reason"}, texts[code] || state.reason || ""),
                until ? el("span", {class: "until"}, " " + fill(s.until, {time: until})) : null);
    })));
  } else if (state.status === "closed") {
    card.append(el("p", {class: "window-closed"}, ...perLanguage("span", (s) => s.closed)));
  } else {
    card.append(el("p", {class: "serving", "data-serving": "", dir: "ltr"}, state.serving || "—"));
  }
  return card;
}

function mergeWindow(update) {
  const merged = {...(windows.get(update.number) || {}), ...update};
  windows.set(update.number, merged);
  if (counterWindow && update.number !== counterWindow) return;
  const old = document.querySelector(`[data-window="${update.number}"]`);
  const card = renderWindow(merged);
  if (old) old.replaceWith(card);
  else $("[data-windows]")?.append(card);
}

// ---- calls ----
function renderLatestCall(box, call) {
  box.replaceChildren(
    el("p", {class: "call-number", dir: "ltr", "data-call-number": ""}, call.ticket),
    el("div", {class: "call-texts"}, ...config.languages.map((code) => el("p", {lang: config.html_lang[code],
      dir: config.directions[code]}, fill(config.strings[code].call, {ticket: call.ticket, window: call.window})))),
  );
  box.dataset.previous = `${call.ticket}|${call.window}`;
}

function recentCall(ticket, windowNumber) {
  return el("li", {}, el("span", {dir: "ltr"}, ticket), ` → ${windowNumber}`);
}

function showCall(call) {
  const box = $("[data-latest-call]");
  const list = $("[data-recent-calls]");
  const previous = box?.dataset.previous;
  if (list && !call.recall && previous) {
    const [ticket, windowNumber] = previous.split("|");
    list.prepend(recentCall(ticket, windowNumber));
    while (list.children.length > 7) list.lastElementChild.remove();
  }
  if (box) {
    renderLatestCall(box, call);
    flash(box);
  }
  if (counterWindow === call.window) {
    const card = document.querySelector(`[data-window="${call.window}"]`);
    if (card) flash(card);
  }
}

function flash(node) {
  node.classList.remove("flash");
  void node.offsetWidth; // restart the animation
  node.classList.add("flash");
}

// ---- voice: one queue, every language in order, never overlapping ----
const announcements = [];
let speaking = false;

function voiceFor(htmlLang) {
  if (!("speechSynthesis" in window)) return null;
  const prefix = htmlLang.toLowerCase().split("-")[0];
  return speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().startsWith(prefix)) || null;
}

function chime() {
  return new Promise((resolve) => {
    try {
      const audio = new AudioContext();
      [660, 880].forEach((frequency, index) => {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.25, audio.currentTime + index * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.35 + 0.33);
        tone.connect(gain).connect(audio.destination);
        tone.start(audio.currentTime + index * 0.35);
        tone.stop(audio.currentTime + index * 0.35 + 0.34);
      });
      setTimeout(() => { audio.close(); resolve(); }, 800);
    } catch { resolve(); }
  });
}

function say(text, htmlLang) {
  const voice = voiceFor(htmlLang);
  if (!voice) return null;
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    const done = () => { clearTimeout(guard); resolve(); };
    const guard = setTimeout(done, 12000);
    utterance.onend = done;
    utterance.onerror = done;
    speechSynthesis.speak(utterance);
  });
}

async function announce(call) {
  let spoken = false;
  for (const code of config.languages) {
    const text = fill(config.strings[code].call, {ticket: call.ticket.split("").join(" "), window: call.window});
    const speech = say(text, config.html_lang[code]);
    if (speech) { spoken = true; await speech; }
  }
  if (!spoken) {
    await chime();
    const box = $("[data-latest-call]");
    if (box) flash(box);
  }
}

async function drainAnnouncements() {
  if (speaking) return;
  speaking = true;
  while (announcements.length) await announce(announcements.shift());
  speaking = false;
}

function enqueueAnnouncement(call) {
  announcements.push(call);
  window.__displayAnnouncements = (window.__displayAnnouncements || 0) + 1;
  drainAnnouncements();
}

// ---- waiting counts, services ----
function renderWaiting(services) {
  const section = $("[data-waiting]");
  if (!section) return;
  section.replaceChildren(...(services || []).map((service) => {
    const names = (config.service_names || {})[service.code] || {};
    return el("div", {class: `waiting-service${service.suspended ? " suspended" : ""}`, "data-service-waiting": service.code},
      el("span", {class: "service-code"}, service.code),
      el("span", {class: "service-names"}, ...perLanguage("span", (s, code) => names[code] || service.name || "")),
      el("strong", {class: "count", "data-count": ""}, String(service.waiting ?? 0)));
  }));
}

function setWaiting(services) {
  for (const service of services || []) {
    const row = document.querySelector(`[data-service-waiting="${service.code}"]`);
    if (!row) continue;
    if (service.waiting !== undefined) row.querySelector("[data-count]").textContent = service.waiting;
    if (service.suspended !== undefined) row.classList.toggle("suspended", Boolean(service.suspended));
  }
}

// ---- snapshot ----
function applySnapshot(snapshot) {
  for (const state of snapshot.windows || []) mergeWindow(state);
  renderWaiting(snapshot.services);
  const calls = snapshot.recent_calls || [];
  const list = $("[data-recent-calls]");
  if (list) list.replaceChildren(...calls.slice(1).map((call) => recentCall(call.ticket, call.window)));
  const box = $("[data-latest-call]");
  if (box && calls.length) renderLatestCall(box, calls[0]);
}

async function loadSnapshot() {
  try {
    const response = await fetch(config.queue_url, {cache: "no-store"});
    if (response.ok) applySnapshot(await response.json());
  } catch { /* the next reconnect tries again */ }
}

// ---- notices: ticker and urgent overlay ----
function noticeText(notice) {
  return [notice.title, notice.text].filter(Boolean).join(" — ");
}

function outageText(outage) {
  const when = [outage.start, outage.end].filter(Boolean).map(hallDateTime).join(" – ");
  return [outage.title, outage.area, when].filter(Boolean).join(" · ");
}

const NOTICE_REFRESH_MS = 60000; // notices and outages also expire on their own: look again every minute
let defaultTicker = null;

async function fetchNotices(lang) {
  try {
    const response = await fetch(`${config.notices_url}?lang=${encodeURIComponent(lang)}`, {cache: "no-store"});
    if (!response.ok) return null; // no notice board (404) or a passing error: keep what is shown
    return await response.json();
  } catch { return null; }
}

async function loadNotices() {
  const track = $("[data-ticker-track]");
  const overlay = $("[data-urgent-overlay]");
  if (!track && !overlay) return;
  const languages = config.languages.length ? config.languages : ["zh_Hans_CN"];
  const bodies = await Promise.all(languages.map(fetchNotices));
  if (!bodies[0]) return;
  if (track) {
    if (defaultTicker === null) defaultTicker = [...track.childNodes].map((node) => node.cloneNode(true));
    // Every display language in turn; content not written in a language falls back to Chinese, so
    // the same text is shown once.
    const items = [...new Set(bodies.filter(Boolean).flatMap((body) => [
      ...(Array.isArray(body.notices) ? body.notices : []).map(noticeText),
      ...(Array.isArray(body.outages) ? body.outages : []).map(outageText),
    ]).filter(Boolean))];
    if (items.length) {
      track.replaceChildren(...items.map((text) => el("span", {class: "ticker-item"}, text)));
      track.classList.toggle("moving", true);
    } else {
      track.replaceChildren(...defaultTicker.map((node) => node.cloneNode(true)));
      track.classList.toggle("moving", false);
    }
  }
  if (overlay) {
    const lang = languages[0];
    const notices = Array.isArray(bodies[0].notices) ? bodies[0].notices : [];
    const urgent = notices.filter((notice) => notice && notice.urgent);
    if (urgent.length) {
      overlay.replaceChildren(...urgent.map((notice) => el("div", {class: "urgent-notice", "data-notice-id": notice.id},
        el("h2", {}, notice.title || config.strings[lang].urgent), notice.text ? el("p", {}, notice.text) : null)));
      overlay.hidden = false;
    } else {
      overlay.replaceChildren();
      overlay.hidden = true;
    }
  }
}

// ---- idle slides ----
function startSlides() {
  const raw = document.body.dataset.slides;
  const panel = $("[data-slide-panel]");
  if (!raw || !panel) return;
  let urls;
  try { urls = JSON.parse(raw); } catch { return; }
  if (!Array.isArray(urls) || !urls.length) return;
  let index = 0;
  const show = async () => {
    const url = urls[index % urls.length];
    index += 1;
    try {
      const response = await fetch(url, {cache: "no-store"});
      if (response.ok) panel.innerHTML = await response.text();
    } catch { /* keep the last slide */ }
  };
  show();
  setInterval(show, 20000);
}

// ---- the event stream ----
let source = null;
let retryTimer = null;

function setConnected(connected) {
  const mark = $("[data-connection]");
  if (mark) mark.hidden = connected;
  document.body.dataset.connected = connected ? "true" : "false";
}

// Events that arrive while a snapshot loads wait for it, so a snapshot never overwrites newer news.
let snapshotReady = true;
let lastEventId = config.last_event_id ?? null; // the embedded snapshot is the state at this event
let opened = false;
const held = [];

function on(type, handler) {
  source.addEventListener(type, (event) => {
    if (event.lastEventId) lastEventId = event.lastEventId;
    const data = JSON.parse(event.data);
    if (snapshotReady) handler(data);
    else held.push([handler, data]);
  });
}

async function resync() {
  snapshotReady = false;
  await loadSnapshot();
  snapshotReady = true;
  while (held.length) {
    const [handler, data] = held.shift();
    handler(data);
  }
}

async function onOpen() {
  if (opened) await resync(); // a reconnect: something may have been missed or pruned meanwhile
  opened = true;
  setConnected(true);
  loadNotices();
}

function streamUrl() {
  if (lastEventId === null) return config.events_url;
  return `${config.events_url}?last_event_id=${encodeURIComponent(lastEventId)}`;
}

function connect() {
  clearTimeout(retryTimer);
  source = new EventSource(streamUrl());
  source.addEventListener("open", onOpen);
  source.addEventListener("error", () => {
    setConnected(false);
    if (source.readyState === EventSource.CLOSED) {
      retryTimer = setTimeout(connect, 3000); // the browser gave up (e.g. a 5xx): start again
    }
  });
  on("call", (call) => {
    if (counterWindow && call.window !== counterWindow) return;
    showCall(call);
    if (kind === "wall") enqueueAnnouncement(call);
  });
  on("window", mergeWindow);
  on("queue", (data) => setWaiting(data.services));
  on("service", (update) => setWaiting([{code: update.code, suspended: update.suspended}]));
  source.addEventListener("notice", loadNotices);
}

applySnapshot(JSON.parse(document.getElementById("display-snapshot").textContent));
if ("speechSynthesis" in window) speechSynthesis.getVoices(); // voices load lazily
connect();
startSlides();
setInterval(loadNotices, NOTICE_REFRESH_MS);
