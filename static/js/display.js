// Wall and counter displays: render every live element (calls, window cards, waiting counts, signs, the clock) from the
// snapshot the page embeds, then follow /api/v1/events (SSE) from the event the snapshot ends at; reload
// the snapshot only after a reconnect. Calls are announced by display-voice.js; the side panel's playlist
// is played by display-playlist.js.
import {enqueueAnnouncement} from "./display-voice.js";
import {startPlaylist} from "./display-playlist.js";

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

// A translated sentence as nodes: each "{name}" becomes values[name] (a node, or text isolated in <bdi>), so
// numbers and Latin text keep their place in a right-to-left line.
function fillNodes(text, values) {
  return text.split(/(\{\w+\})/).filter(Boolean).map((piece) => {
    const match = /^\{(\w+)\}$/.exec(piece);
    if (!match || !(match[1] in values)) return piece;
    const value = values[match[1]];
    return value instanceof Node ? value : isolate(value);
  });
}

function isolate(value, attrs = {}) {
  return el("bdi", attrs, String(value ?? ""));
}

function langAttrs(code, attrs = {}) {
  return {lang: config.html_lang[code], dir: config.directions[code], "data-lang": code, ...attrs};
}

function perLanguage(tag, make) {
  return config.languages.map((code) => el(tag, langAttrs(code), ...[make(config.strings[code], code)].flat()));
}

// One language at a time where the wall has no room for all of them (window and service names, signs, the
// side panel): every ".rotating" box holds one child per display language and CSS shows the current one.
const ROTATE_MS = 8000;

function rotating(tag, attrs, make) {
  return el(tag, {...attrs, class: `${attrs.class || ""} rotating`.trim()}, ...perLanguage("span", make));
}

function startRotation() {
  const count = config.languages.length;
  document.body.dataset.languages = String(count);
  document.body.dataset.slot = "0";
  if (count < 2 || kind !== "wall") return;
  setInterval(() => {
    document.body.dataset.slot = String((Number(document.body.dataset.slot) + 1) % count);
  }, ROTATE_MS);
}

// ISO-8601 moments (with their offset) in the hall's time zone, whatever the device's zone, formatted for each
// display language: the time of day alone when it is today in the hall, else with the date.
const zone = config.timezone || "Asia/Shanghai";
const formats = new Map();

function formatter(code, options) {
  const key = `${code}|${JSON.stringify(options)}`;
  if (!formats.has(key)) {
    let format;
    // Western digits in every language, as on the tickets and the kiosk (Tibetan CLDR data mixes them).
    try { format = new Intl.DateTimeFormat(config.html_lang[code] || code, {timeZone: zone, numberingSystem: "latn", ...options}); }
    catch { format = new Intl.DateTimeFormat("zh-CN", {timeZone: zone, ...options}); }
    formats.set(key, format);
  }
  return formats.get(key);
}

const TIME = {hour: "2-digit", minute: "2-digit", hourCycle: "h23"};
const DATE_TIME = {month: "numeric", day: "numeric", ...TIME};
const dayKey = new Intl.DateTimeFormat("en-CA", {timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"});

function hallMoment(iso, code) {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return "";
  const today = dayKey.format(moment) === dayKey.format(new Date());
  return formatter(code, today ? TIME : DATE_TIME).format(moment);
}

function hallDateTime(iso, code) {
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? "" : formatter(code, DATE_TIME).format(moment);
}

// ---- the clock: hall time in the first display language ----
function tickClock() {
  const code = config.languages[0] || "zh_Hans_CN";
  const now = new Date();
  for (const clock of document.querySelectorAll("[data-clock]")) {
    const time = clock.querySelector("[data-clock-time]");
    const date = clock.querySelector("[data-clock-date]");
    if (time) time.textContent = formatter(code, TIME).format(now);
    // The server's date line (kiosk.timefmt's patterns); the browser's own only past the days it sent.
    const day = (config.clock_dates || {})[code]?.[dayKey.format(now)];
    if (date) {
      date.textContent = day || formatter(code, {dateStyle: "full"}).format(now);
      date.lang = config.html_lang[code] || code;  // its own script's font and writing rules
    }
  }
}

// ---- signs (暂停服务): one line per display language with its reason and expected resume time ----
function signLines(state) {
  const texts = state.reason_texts || {};
  return config.languages.map((code) => {
    const s = config.strings[code];
    const until = state.until ? hallMoment(state.until, code) : null;
    return el("p", langAttrs(code), el("strong", {}, s.suspended), " ",
              el("span", {class: "reason"}, texts[code] || state.reason || ""),
              until ? el("span", {class: "until"}, ...fillNodes(s.until, {time: until})) : null);
  });
}

// ---- windows ----
const services = new Map();

// The sign a counter display shows when its own window is open but every business it serves is suspended.
function serviceSign(state) {
  if (!counterWindow || state.status !== "open") return null;
  const codes = config.window_services || [];
  const stopped = codes.map((code) => services.get(code)).filter((service) => service && service.suspended);
  return codes.length && stopped.length === codes.length ? stopped[0] : null;
}

function setWindowCount() {
  const section = $("[data-windows]");
  if (!section || counterWindow) return;
  section.dataset.windowCount = String(windows.size);
  section.classList.toggle("dense", windows.size > 8);
}

function renderWindow(state) {
  const byService = serviceSign(state);
  const status = byService ? "suspended" : state.status;
  const card = el("article", {class: `window-card status-${status}`, "data-window": state.number,
                              "data-status": status});
  if (byService) card.dataset.suspendedService = byService.code;
  const label = (s) => fillNodes(s.window, {n: state.number});
  card.append(counterWindow ? el("h3", {class: "window-label"}, ...perLanguage("span", label))
                            : rotating("h3", {class: "window-label"}, label));
  if (status === "suspended") {
    const sign = el("div", {class: `suspended-sign${counterWindow ? "" : " rotating"}`}, ...signLines(byService || state));
    card.append(sign);
  } else if (status === "closed") {
    card.append(counterWindow ? el("p", {class: "window-closed"}, ...perLanguage("span", (s) => s.closed))
                              : rotating("p", {class: "window-closed"}, (s) => s.closed));
  } else {
    if (counterWindow) card.append(el("p", {class: "serving-label"}, ...perLanguage("span", (s) => s.now_serving)));
    card.append(el("p", {class: state.serving ? "serving" : "serving idle", "data-serving": "", dir: "ltr"}, state.serving || "—"));
    if (counterWindow) card.append(renderNext());
  }
  return card;
}

let nextNumbers = [];

function renderNext() {
  return el("div", {class: "next-numbers", "data-next": ""},
    el("p", {class: "next-label"}, ...perLanguage("span", (s) => s.next)),
    el("ol", {dir: "ltr"}, ...(nextNumbers.length ? nextNumbers : ["—"]).map((number) => el("li", {}, number))));
}

function redrawWindow(number) {
  const merged = windows.get(number);
  if (!merged) return;
  if (counterWindow && number !== counterWindow) return;
  const old = document.querySelector(`[data-window="${number}"]`);
  const card = renderWindow(merged);
  if (old?.classList.contains("flash")) card.classList.add("flash"); // a call's flash outlives a redraw
  if (old) old.replaceWith(card);
  else $("[data-windows]")?.append(card);
}

function mergeWindow(update) {
  const merged = {...(windows.get(update.number) || {}), ...update};
  windows.set(update.number, merged);
  redrawWindow(update.number);
  setWindowCount();
}

// Counter displays reload their next numbers (and state) after queue and call events, at most once a second.
let counterTimer = null;

function refreshCounter() {
  if (!counterWindow || !config.counter_url || counterTimer) return;
  counterTimer = setTimeout(async () => {
    counterTimer = null;
    try {
      const response = await fetch(config.counter_url, {cache: "no-store"});
      if (response.ok) applySnapshot(await response.json());
    } catch { /* the next event tries again */ }
  }, 300);
}

// ---- calls ----
function renderLatestCall(box, call) {
  box.replaceChildren(
    el("p", {class: "call-number", dir: "ltr", "data-call-number": ""}, call.ticket),
    el("div", {class: "call-texts"}, ...config.languages.map((code) => el("p", langAttrs(code, {class: "call-text"}),
      ...fillNodes(config.strings[code].call, {ticket: isolate(call.ticket, {dir: "ltr", class: "call-ticket"}),
                                               window: isolate(call.window, {dir: "ltr", class: "call-window"})})))),
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

// ---- waiting counts, services (with their 暂停服务 sign) ----
function waitingRow(service) {
  const names = (config.service_names || {})[service.code] || {};
  const row = el("div", {class: `waiting-service${service.suspended ? " suspended" : ""}`,
                         "data-service-waiting": service.code},
    el("span", {class: "service-code", dir: "ltr"}, service.code),
    rotating("span", {class: "service-names"}, (s, code) => names[code] || service.name || ""),
    rotating("span", {class: "count-label"}, (s, code) => fillNodes(s.waiting, {count: el("strong", {class: "count",
      dir: "ltr", "data-count": code === config.languages[0] ? "" : null}, String(service.waiting ?? 0))})));
  if (service.suspended) row.append(el("div", {class: "suspended-sign rotating", "data-service-sign": ""}, ...signLines(service)));
  return row;
}

function renderWaiting(list) {
  for (const service of list || []) services.set(service.code, {...(services.get(service.code) || {}), ...service});
  const section = $("[data-waiting]");
  if (section) section.replaceChildren(...(list || []).map((service) => waitingRow(services.get(service.code))));
}

function setWaiting(list) {
  for (const update of list || []) {
    const service = {...(services.get(update.code) || {code: update.code}), ...update};
    services.set(update.code, service);
    const row = document.querySelector(`[data-service-waiting="${update.code}"]`);
    if (row) row.replaceWith(waitingRow(service));
  }
  if (counterWindow) redrawWindow(counterWindow);
}

// ---- snapshot ----
function applySnapshot(snapshot) {
  if (Array.isArray(snapshot.next)) nextNumbers = snapshot.next;
  renderWaiting(snapshot.services);
  for (const state of snapshot.windows || []) mergeWindow(state);
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
function noticeText(notice, code) {
  const s = config.strings[code];
  const end = notice.end ? hallDateTime(notice.end, code) : "";
  if (!end) return [notice.title, notice.text].filter(Boolean).join(" — ");
  return notice.text ? fillNodes(s.notice_line, {title: notice.title, text: notice.text, end})
                     : fillNodes(s.notice_title_line, {title: notice.title, end});
}

function outageText(outage, code) {
  return fillNodes(config.strings[code].outage_line, {
    title: outage.title || config.strings[code].outage, area: outage.area || "—", lines: outage.lines || "—",
    start: outage.start ? hallDateTime(outage.start, code) : "—", end: outage.end ? hallDateTime(outage.end, code) : "—",
  });
}

function tickerItem(nodes, code) {
  return el("span", langAttrs(code, {class: "ticker-item"}), ...[nodes].flat());
}

const NOTICE_REFRESH_MS = 60000; // notices and outages also expire on their own: look again every minute
let defaultTicker = null;

async function fetchNotices(lang) {
  try {
    // The API never keeps ?lang= in the session, so these requests leave the page's own language alone;
    // the device's cookie goes with them and keeps the hall.
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
    // Every display language in turn, each item with its own lang and dir; content not written in a
    // language falls back to Chinese, so the same text is shown once.
    const seen = new Set();
    const items = bodies.flatMap((body, index) => {
      if (!body) return [];
      const code = languages[index];
      return [
        ...(Array.isArray(body.notices) ? body.notices : []).map((notice) => tickerItem(noticeText(notice, code), code)),
        ...(Array.isArray(body.outages) ? body.outages : []).map((outage) => tickerItem(outageText(outage, code), code)),
      ];
    }).filter((item) => {
      const key = item.textContent;
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (items.length) {
      track.replaceChildren(...items);
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

// ---- the side panel's playlist (display-playlist.js) ----
const slidePanel = $("[data-slide-panel]");
const playlist = slidePanel && config.playlist_url ? startPlaylist(config, slidePanel) : null;

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
    refreshCounter();
    if (counterWindow && call.window !== counterWindow) return;
    showCall(call);
    playlist?.interrupt();
    if (kind === "wall") enqueueAnnouncement(config, call);
  });
  on("window", mergeWindow);
  on("queue", (data) => { setWaiting(data.services); refreshCounter(); });
  on("service", (update) => setWaiting([update]));
  source.addEventListener("notice", loadNotices);
  source.addEventListener("playlist", () => playlist?.reload());
  // The hall's setup changed (windows, services, hours, display languages): start again from the page.
  source.addEventListener("setup", () => window.location.reload());
}

startRotation();
applySnapshot(JSON.parse(document.getElementById("display-snapshot").textContent));
tickClock();
setInterval(tickClock, 1000);
connect();
setInterval(loadNotices, NOTICE_REFRESH_MS);
