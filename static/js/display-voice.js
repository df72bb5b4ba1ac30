// Voice calls on the wall display: for each call (and recall) play the server's announcement, chime first, in
// each configured voice language in turn (GET /api/v1/announcements/<ticket>?window=&lang=), one call after the
// other, never overlapping, at the configured volume and silent in the quiet hours (hall time). When the audio
// cannot be played, fall back to the browser's speech voice, else a chime.
const queue = [];
let playing = false;

function settings(config) {
  return config.voice || {languages: [], volume: 80};
}

// "HH:MM" of now in the hall's time zone.
function hallClock(zone) {
  const parts = new Intl.DateTimeFormat("en-GB", {timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23"})
    .formatToParts(new Date());
  const value = (type) => parts.find((part) => part.type === type)?.value || "00";
  return `${value("hour")}:${value("minute")}`;
}

export function isQuiet(voice, now) {
  const start = voice.quiet_from;
  const end = voice.quiet_until;
  if (!start || !end) return false;
  return start < end ? start <= now && now < end : now >= start || now < end;
}

function announcementUrl(voice, call, code, withChime) {
  const base = voice.url.replace("TICKET", encodeURIComponent(call.ticket));
  const query = new URLSearchParams({window: String(call.window), lang: code});
  if (withChime) query.set("chime", "1");
  return `${base}?${query}`;
}

// Resolves true when the clip played to its end, false when it could not be loaded or played.
function play(url, volume) {
  return new Promise((resolve) => {
    const audio = new Audio();
    audio.volume = Math.max(0, Math.min(1, volume / 100));
    let guard = null;
    const done = (ok) => { clearTimeout(guard); audio.onended = audio.onerror = null; resolve(ok); };
    audio.onended = () => done(true);
    audio.onerror = () => done(false);
    guard = setTimeout(() => done(false), 15000);
    audio.src = url;
    audio.play().catch(() => done(false));
  });
}

function voiceFor(htmlLang) {
  if (!("speechSynthesis" in window) || !htmlLang) return null;
  const prefix = htmlLang.toLowerCase().split("-")[0];
  return speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().startsWith(prefix)) || null;
}

function say(text, htmlLang, volume) {
  const voice = voiceFor(htmlLang);
  if (!voice || !text) return null;
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.volume = Math.max(0, Math.min(1, volume / 100));
    const done = () => { clearTimeout(guard); resolve(); };
    const guard = setTimeout(done, 12000);
    utterance.onend = done;
    utterance.onerror = done;
    speechSynthesis.speak(utterance);
  });
}

function chime(volume) {
  return new Promise((resolve) => {
    try {
      const audio = new AudioContext();
      const level = 0.25 * Math.max(0.01, Math.min(1, volume / 100));
      [660, 880].forEach((frequency, index) => {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(level, audio.currentTime + index * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.35 + 0.33);
        tone.connect(gain).connect(audio.destination);
        tone.start(audio.currentTime + index * 0.35);
        tone.stop(audio.currentTime + index * 0.35 + 0.34);
      });
      setTimeout(() => { audio.close(); resolve(); }, 800);
    } catch { resolve(); }
  });
}

// What was played, in order ("start:<lang>", "end:<lang>"): lets a test see that announcements never overlap.
function log(entry) {
  window.__displayVoiceLog = [...(window.__displayVoiceLog || []), entry].slice(-50);
}

async function announce(config, call) {
  const voice = settings(config);
  if (isQuiet(voice, hallClock(config.timezone || "Asia/Shanghai"))) {
    window.__displayVoiceSkipped = (window.__displayVoiceSkipped || 0) + 1;
    return;
  }
  const volume = voice.volume ?? 80;
  let chimed = false;
  for (const code of voice.languages || []) {
    log(`start:${code}`);
    const played = await play(announcementUrl(voice, call, code, !chimed), volume);
    log(`end:${code}`);
    if (played) {
      chimed = true;
      continue;
    }
    const sentence = (voice.sentences || {})[code] || "";
    const text = sentence.replaceAll("{ticket}", call.ticket.split("").join(" ")).replaceAll("{window}", call.window);
    if (!chimed) { await chime(volume); chimed = true; }
    const speech = say(text, (voice.html_lang || {})[code], volume);
    if (speech) await speech;
  }
  if (!chimed) await chime(volume);
}

async function drain(config) {
  if (playing) return;
  playing = true;
  while (queue.length) await announce(config, queue.shift());
  playing = false;
}

// Queue a call's announcement (a recall repeats it); calls are announced one after another.
export function enqueueAnnouncement(config, call) {
  queue.push(call);
  window.__displayAnnouncements = (window.__displayAnnouncements || 0) + 1;
  drain(config);
}

if ("speechSynthesis" in window) speechSynthesis.getVoices(); // voices load lazily
