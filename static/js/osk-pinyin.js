// Pinyin input for the on-screen keyboard: Latin letters typed into a buffer become candidates
// (characters and common words) from static/osk/pinyin.json, built offline by
// scripts/build_pinyin.py. The data is fetched once, on the first letter, from the kiosk itself.
const MAX_SYLLABLE = 6;
const MAX_WORD = 4;
const MAX_CANDIDATES = 120;

let loading = null;

// The dictionary ({chars, words} plus the syllable and prefix sets), loaded once per page.
export function loadPinyin(url) {
  if (!loading) {
    loading = fetch(url, { credentials: "same-origin" })
      .then((response) => { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
      .then((data) => {
        const syllables = new Set(Object.keys(data.chars));
        const prefixes = new Set();
        for (const syllable of syllables) for (let n = 1; n <= syllable.length; n += 1) prefixes.add(syllable.slice(0, n));
        return { ...data, syllables, prefixes };
      })
      .catch((error) => { loading = null; throw error; });
  }
  return loading;
}

// Splits letters into syllables, the last one possibly unfinished ("dianf" → dian, f), with as few
// syllables as possible ("xian" → xian, not xi'an). Returns null when the letters are not pinyin.
export function segment(dict, letters) {
  const memo = new Map();
  const best = (start) => {
    if (start === letters.length) return [];
    if (memo.has(start)) return memo.get(start);
    let found = null;
    for (let length = Math.min(MAX_SYLLABLE, letters.length - start); length >= 1; length -= 1) {
      const piece = letters.slice(start, start + length);
      const last = start + length === letters.length;
      let rest = null;
      if (dict.syllables.has(piece)) rest = best(start + length);
      else if (last && dict.prefixes.has(piece)) rest = [];
      if (rest !== null && (found === null || rest.length + 1 < found.length)) found = [piece, ...rest];
    }
    memo.set(start, found);
    return found;
  };
  return best(0);
}

// The complete syllables a typed piece may stand for (itself, or every syllable it begins).
function expand(dict, piece, complete) {
  if (complete && dict.syllables.has(piece)) return [piece];
  return [...dict.syllables].filter((syllable) => syllable.startsWith(piece)).sort();
}

// Interleaves lists so the most frequent entry of each comes first.
function interleave(lists) {
  const out = [];
  for (let i = 0; lists.some((list) => i < list.length); i += 1) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

function wordsFor(dict, pieces, lastComplete) {
  const lists = [];
  const heads = pieces.slice(0, -1);
  for (const tail of expand(dict, pieces[pieces.length - 1], lastComplete)) {
    const found = dict.words[[...heads, tail].join("'")];
    if (found) lists.push(found.split(" "));
  }
  return interleave(lists);
}

function charsFor(dict, piece, complete) {
  return interleave(expand(dict, piece, complete).map((syllable) => Array.from(dict.chars[syllable] || "")));
}

// Candidates for the typed letters, best first: [{text, used}] where `used` is how many letters
// the candidate stands for (a word for the whole input first, then shorter words, then characters).
export function candidates(dict, letters) {
  const pieces = segment(dict, letters);
  if (!pieces || pieces.length === 0) return [];
  const finished = dict.syllables.has(pieces[pieces.length - 1]);
  const out = [];
  const seen = new Set();
  const add = (texts, count) => {
    const used = pieces.slice(0, count).join("").length;
    for (const text of texts) {
      if (out.length >= MAX_CANDIDATES) return;
      if (!seen.has(text)) { seen.add(text); out.push({ text, used }); }
    }
  };
  for (let count = Math.min(pieces.length, MAX_WORD); count >= 2; count -= 1) {
    const whole = count === pieces.length;
    add(wordsFor(dict, pieces.slice(0, count), whole ? finished : true), count);
  }
  add(charsFor(dict, pieces[0], pieces.length > 1 || finished), 1);
  return out;
}
