// On-screen keyboard: each .osk[data-osk-for] types into the field its attribute names, in the
// layouts of its data-osk-layouts (pinyin, latin, ug, bo, mn); it starts in the kiosk locale's layout
// when the field takes it and switches with its layout key. The board sits in the page flow under
// its field, so it never covers the field or the results below; opening it scrolls the field to the
// top of the screen. The device's own input method keeps working on the same field.
import { LAYOUTS, LOCALE_LAYOUTS, keyLabel, subjoined } from "./osk-layouts.js";
import { candidates, loadPinyin } from "./osk-pinyin.js";

const DIGITS = "1234567890";

function button(value, label, extra = "") {
  const key = document.createElement("button");
  key.type = "button";
  key.className = `osk-key ${extra}`.trim();
  key.dataset.oskKey = value;
  key.textContent = label;
  return key;
}

function setup(board) {
  const field = document.getElementById(board.dataset.oskFor);
  if (!field) return;
  const allowed = (board.dataset.oskLayouts || "latin").split(" ").filter((name) => LAYOUTS[name]);
  const letters = board.querySelector("[data-osk-letters]");
  const switchKey = board.querySelector('[data-osk-key="layout"]');
  const shiftKey = board.querySelector('[data-osk-key="shift"]');
  const stackKey = board.querySelector('[data-osk-key="stack"]');
  const bar = board.querySelector("[data-osk-candidates]");
  const list = board.querySelector("[data-osk-candidate-list]");
  const composing = board.querySelector("[data-osk-composing]");
  const pageSize = () => (document.documentElement.classList.contains("elder") ? 6 : 9);
  const state = {
    layout: allowed[0], shift: false, stack: false, buffer: "", found: [], start: 0, starts: [], shown: 0, dict: null,
  };

  const insert = (text) => {
    const limit = field.maxLength > 0 ? field.maxLength : Infinity;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    if (field.value.length - (end - start) + text.length > limit) return;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    const caret = start + text.length;
    try { field.setSelectionRange(caret, caret); } catch { /* type=search may refuse */ }
  };
  const backspace = () => {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    const before = Array.from(field.value.slice(0, start));
    const from = start === end ? before.slice(0, -1).join("").length : start;
    field.value = field.value.slice(0, from) + field.value.slice(end);
    try { field.setSelectionRange(from, from); } catch { /* ignore */ }
  };

  // A page of candidates holds as many as fit on the bar (at most pageSize()); `starts` remembers
  // where the earlier pages began, for the "previous" key.
  const drawCandidates = () => {
    const pinyin = LAYOUTS[state.layout].ime === "pinyin";
    bar.hidden = !pinyin;
    if (!pinyin) return;
    composing.textContent = state.buffer;
    list.replaceChildren();
    state.found.slice(state.start, state.start + pageSize()).forEach((candidate, index) => {
      const key = button("", candidate.text, "osk-candidate");
      delete key.dataset.oskKey;
      key.dataset.oskCandidate = String(state.start + index);
      key.lang = "zh-Hans-CN";
      list.append(key);
    });
    const right = list.getBoundingClientRect().right;
    while (list.children.length > 1 && list.lastElementChild.getBoundingClientRect().right > right + 0.5) {
      list.lastElementChild.remove();
    }
    state.shown = list.children.length;
    for (const pager of bar.querySelectorAll("[data-osk-page]")) {
      pager.disabled = Number(pager.dataset.oskPage) < 0
        ? state.starts.length === 0 : state.start + state.shown >= state.found.length;
    }
  };
  const turn = (step) => {
    if (step > 0 && state.start + state.shown < state.found.length) {
      state.starts.push(state.start);
      state.start += state.shown;
    } else if (step < 0 && state.starts.length) state.start = state.starts.pop();
    drawCandidates();
  };
  const lookUp = () => {
    state.start = 0;
    state.starts = [];
    if (!state.buffer) { state.found = []; drawCandidates(); return; }
    const letters = state.buffer;
    const show = (dict) => {
      state.dict = dict;
      if (state.buffer !== letters) return;
      state.found = candidates(dict, letters);
      drawCandidates();
    };
    if (state.dict) show(state.dict);
    else {
      drawCandidates();
      loadPinyin(board.dataset.oskPinyin).then(show, () => { state.found = [{ text: letters, used: letters.length }]; drawCandidates(); });
    }
  };
  const pick = (candidate) => {
    insert(candidate.text);
    state.buffer = state.buffer.slice(candidate.used);
    lookUp();
  };
  const flush = () => {
    if (state.buffer) insert(state.buffer);
    state.buffer = "";
    lookUp();
  };

  const drawLetters = () => {
    const layout = LAYOUTS[state.layout];
    const upper = state.shift && layout.caps;
    letters.replaceChildren(...layout.rows.map((row) => {
      const line = document.createElement("div");
      line.className = "osk-row";
      for (const value of Array.from(row)) line.append(button(value, upper ? value.toUpperCase() : keyLabel(value)));
      return line;
    }));
    letters.dir = layout.dir;
    letters.lang = layout.lang;
    board.dataset.oskLayout = state.layout;
    board.querySelectorAll("[data-osk-punct]").forEach((key, index) => {
      key.dataset.oskKey = layout.punctuation[index];
      key.textContent = layout.punctuation[index];
    });
    if (shiftKey) { shiftKey.hidden = !layout.caps; shiftKey.setAttribute("aria-pressed", String(state.shift)); }
    if (stackKey) { stackKey.hidden = !layout.stack; stackKey.setAttribute("aria-pressed", String(state.stack)); }
    if (switchKey) {
      const next = allowed[(allowed.indexOf(state.layout) + 1) % allowed.length];
      switchKey.hidden = allowed.length < 2;
      switchKey.textContent = LAYOUTS[next].label;
      switchKey.lang = LAYOUTS[next].lang;
      switchKey.dataset.oskNext = next;
    }
    drawCandidates();
  };
  const useLayout = (name) => {
    flush();
    state.layout = name;
    state.shift = false;
    state.stack = false;
    drawLetters();
  };

  const type = (value) => {
    const layout = LAYOUTS[state.layout];
    if (layout.ime === "pinyin" && /^[a-z]$/.test(value)) {
      state.buffer += value;
      lookUp();
      return;
    }
    if (value === " " && state.buffer) {
      if (state.found.length) pick(state.found[0]); else flush();
      return;
    }
    flush();
    if (state.stack) {
      insert(subjoined(value));
      state.stack = false;
      drawLetters();
      return;
    }
    insert(state.shift && layout.caps ? value.toUpperCase() : value);
    if (state.shift) { state.shift = false; drawLetters(); }
  };

  board.addEventListener("mousedown", (event) => { if (event.target.closest("button")) event.preventDefault(); });
  board.addEventListener("click", (event) => {
    const pager = event.target.closest("[data-osk-page]");
    const chosen = event.target.closest("[data-osk-candidate]");
    const key = event.target.closest("[data-osk-key]");
    if (pager) { turn(Number(pager.dataset.oskPage)); return; }
    if (chosen) pick(state.found[Number(chosen.dataset.oskCandidate)]);
    else if (!key) return;
    else {
      const value = key.dataset.oskKey;
      if (value === "layout") { useLayout(key.dataset.oskNext); field.dispatchEvent(new Event("input", { bubbles: true })); return; }
      if (value === "shift") { state.shift = !state.shift; drawLetters(); return; }
      if (value === "stack") { state.stack = !state.stack; drawLetters(); return; }
      if (value === "hide") { flush(); close(); return; }
      if (value === "clear") { state.buffer = ""; lookUp(); field.value = ""; }
      else if (value === "backspace") {
        if (state.buffer) { state.buffer = state.buffer.slice(0, -1); lookUp(); return; }
        backspace();
      } else type(value);
    }
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus({ preventScroll: true });
  });

  const toggles = document.querySelectorAll(`[data-osk-toggle="${field.id}"]`);
  const block = field.closest("[data-osk-block]") || field;
  // Scrolls the field's block to the top when the field or the board is not wholly on screen.
  const reveal = () => {
    const main = field.closest(".kiosk-main");
    const limit = main ? main.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const top = block.getBoundingClientRect().top;
    const bottom = board.getBoundingClientRect().bottom;
    if (top >= limit.top && bottom <= limit.bottom) return;
    // the block's label goes off screen first when the block and the board are taller than the screen
    const fits = bottom - top <= limit.bottom - limit.top;
    (fits ? block : field).scrollIntoView({ block: "start", behavior: "instant" });
  };
  const open = () => {
    board.hidden = false;
    for (const toggle of toggles) toggle.setAttribute("aria-expanded", "true");
    reveal();
  };
  const close = () => {
    board.hidden = true;
    for (const toggle of toggles) toggle.setAttribute("aria-expanded", "false");
  };
  for (const toggle of toggles) {
    toggle.addEventListener("click", () => {
      if (board.hidden) { open(); field.focus({ preventScroll: true }); } else close();
    });
  }
  field.addEventListener("focus", open);
  field.form?.addEventListener("submit", flush);

  const preferred = LOCALE_LAYOUTS[document.documentElement.dataset.locale];
  if (preferred && allowed.includes(preferred)) state.layout = preferred;
  drawLetters();
  if ("oskReveal" in board.dataset) block.scrollIntoView({ block: "start", behavior: "instant" });
}

for (const board of document.querySelectorAll(".osk[data-osk-for]")) setup(board);
