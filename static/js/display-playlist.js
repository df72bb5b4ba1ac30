// The wall display's side panel: plays the slides that are current for this display (images, muted videos, text
// notices in every display language, the tariff and commitments fragments), each for its duration, in order.
// The page embeds the first playlist; a "playlist" event or the minute tick reloads it. A call interrupts:
// the panel pauses (and steps back) for the call's highlight time, then the slide starts again.
const REFRESH_MS = 60000; // daily hours and dates begin and end on their own: look again every minute
const FALLBACK_MS = 20000;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

export function startPlaylist(config, panel) {
  const languages = config.languages && config.languages.length ? config.languages : ["zh_Hans_CN"];
  const pauseMs = Number(config.call_pause_ms || 8000);
  let slides = Array.isArray(config.playlist?.slides) ? config.playlist.slides : [];
  let index = -1;
  let timer = null;
  let pausedUntil = 0;
  let generation = 0; // a newer show() makes older fetches drop their result
  let shown = ""; // the slide on screen, as its JSON

  function langAttrs(code) {
    return {lang: config.html_lang?.[code] || code, dir: config.directions?.[code] || "ltr", "data-lang": code};
  }

  function caption(slide) {
    const titles = slide.titles || {};
    const seen = new Set();
    const lines = languages.filter((code) => titles[code] && !seen.has(titles[code]) && seen.add(titles[code]))
      .map((code) => el("span", langAttrs(code), titles[code]));
    return lines.length ? el("p", {class: "media-caption"}, ...lines) : null;
  }

  async function fragment(url, id) {
    const response = await fetch(url, {cache: "no-store"});
    if (!response.ok || id !== generation) return null;
    const holder = el("div", {class: "media-fragment"});
    holder.innerHTML = await response.text();
    holder.querySelectorAll(".slide").forEach((node) => node.classList.add("rotating"));
    return holder;
  }

  async function render(slide, id) {
    if (slide.kind === "image") {
      return el("figure", {class: "media-slide media-image", "data-media-slide": slide.id, "data-kind": "image"},
        el("img", {src: slide.url, alt: slide.titles?.[languages[0]] || ""}), caption(slide));
    }
    if (slide.kind === "video") {
      const video = el("video", {src: slide.url, type: slide.type, muted: true, autoplay: true, playsinline: true,
        loop: true, preload: "auto"});
      video.muted = true; // the attribute alone is not enough for every autoplay policy
      return el("figure", {class: "media-slide media-video", "data-media-slide": slide.id, "data-kind": "video"},
        video, caption(slide));
    }
    if (slide.kind === "text") {
      const titles = slide.titles || {};
      const texts = slide.texts || {};
      const seen = new Set();
      const blocks = languages.filter((code) => {
        const key = `${titles[code] || ""}|${texts[code] || ""}`;
        if (seen.has(key)) return false; // a language without its own text falls back to Chinese: show it once
        seen.add(key);
        return true;
      }).map((code) => el("div", {...langAttrs(code), class: "media-text-block"},
        titles[code] ? el("h2", {}, titles[code]) : null, el("p", {}, texts[code] || "")));
      return el("section", {class: "media-slide media-text", "data-media-slide": slide.id, "data-kind": "text",
        "data-blocks": String(blocks.length)}, ...blocks);
    }
    const holder = await fragment(slide.url, id);
    if (!holder) return null;
    holder.classList.add("media-slide");
    holder.dataset.mediaSlide = String(slide.id);
    holder.dataset.kind = slide.kind;
    return holder;
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(next, Math.max(ms, 1000));
  }

  async function show(slide) {
    generation += 1;
    const id = generation;
    let node = null;
    try { node = await render(slide, id); } catch { node = null; }
    if (id !== generation) return;
    shown = JSON.stringify(slide);
    if (node) {
      panel.replaceChildren(node);
      panel.dataset.slide = String(slide.id);
      panel.dataset.kind = slide.kind;
    }
    schedule(slide.seconds * 1000);
  }

  async function showFallback() {
    generation += 1;
    const id = generation;
    delete panel.dataset.slide;
    shown = "";
    if (config.fallback_slide) {
      try {
        const holder = await fragment(config.fallback_slide, id);
        if (holder && id === generation) {
          panel.replaceChildren(...holder.childNodes);
          panel.dataset.kind = "fallback";
        }
      } catch { /* keep what is shown */ }
    } else {
      panel.replaceChildren();
    }
    clearTimeout(timer);
    timer = setTimeout(next, FALLBACK_MS);
  }

  function next() {
    if (Date.now() < pausedUntil) { schedule(pausedUntil - Date.now()); return; }
    if (!slides.length) { showFallback(); return; }
    index = (index + 1) % slides.length;
    show(slides[index]);
  }

  async function reload() {
    try {
      const response = await fetch(config.playlist_url, {cache: "no-store"});
      if (!response.ok) return;
      const body = await response.json();
      if (!Array.isArray(body.slides)) return;
      const current = slides[index]?.id;
      slides = body.slides;
      const position = slides.findIndex((slide) => slide.id === current);
      const paused = Date.now() < pausedUntil;
      if (position >= 0) {
        index = position; // the slide on screen keeps its place, then the new order goes on after it
        if (!paused && JSON.stringify(slides[position]) !== shown) show(slides[position]); // it was edited
      } else {
        index = -1;
        if (!paused) next(); // what was on screen left the playlist (or there was none): start at the top
      }
    } catch { /* keep playing what is known */ }
  }

  // A call takes the focus: the panel steps back and its video pauses until the call's highlight is over.
  function interrupt() {
    pausedUntil = Date.now() + pauseMs;
    panel.dataset.paused = "true";
    panel.querySelectorAll("video").forEach((video) => video.pause());
    clearTimeout(timer);
    timer = setTimeout(() => {
      delete panel.dataset.paused;
      panel.querySelectorAll("video").forEach((video) => { video.play().catch(() => {}); });
      if (slides.length && index >= 0) show(slides[index]); // the interrupted slide gets its whole time again
      else next();
    }, pauseMs);
  }

  next();
  setInterval(reload, REFRESH_MS);
  return {reload, interrupt};
}
