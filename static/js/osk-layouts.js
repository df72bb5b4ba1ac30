// Layouts of the on-screen keyboard. The page renders the Latin layout (it also works without
// scripts); osk.js rebuilds the letter rows for the others. A layout has letter rows of at most
// 12 keys, its punctuation keys, its direction and its label (the script's own name, as in the
// language menu). Uyghur: the standard Uyghur (Arabic-script) layout, its shifted letters in a
// fourth row; Tibetan: the consonants in alphabet order, tsheg and shad, vowel signs and the
// common subjoined letters, and a "stack" key that subjoins the next consonant; traditional
// Mongolian: the phonetic layout of the standard Mongolian keyboard, the rarer letters and the
// narrow no-break space (suffixes) in a fourth row.
const LATIN_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

export const LAYOUTS = {
  latin: { label: "ABC", lang: "en", dir: "ltr", rows: LATIN_ROWS, caps: true, punctuation: [",", ".", "?"] },
  pinyin: { label: "拼音", lang: "zh-Hans-CN", dir: "ltr", rows: LATIN_ROWS, ime: "pinyin", punctuation: ["，", "。", "？"] },
  ug: {
    label: "ئۇيغۇرچە", lang: "ug", dir: "rtl",
    rows: ["چۋېرتيۇڭوپ", "ھسداەىقكل", "زشغۈبنمئ", "فگخجۆژ"],
    punctuation: ["،", ".", "؟"],
  },
  bo: {
    label: "བོད་ཡིག", lang: "bo", dir: "ltr", stack: true,
    rows: ["ཀཁགངཅཆཇཉཏཐད", "ནཔཕབམཙཚཛཝཞཟ", "འཡརལཤསཧཨ་།", "ིེོུྱྲླྭཱཾཿ"],
    punctuation: ["་", "།", "༄"],
  },
  mn: {
    label: "ᠮᠣᠩᠭᠣᠯ", lang: "mn-Mong-CN", dir: "ltr",
    rows: ["ᠴᠸᠡᠷᠲᠶᠦᠢᠥᠫ", "ᠠᠰᠳᠹᠭᠬᠵᠺᠯ", "ᠽᠱᠼᠤᠪᠨᠮ", "ᠣᠩᠧᠻᠾᠿᡀᡁᡂ\u202f"],
    punctuation: ["᠂", "᠃", "?"],
  },
};

// The layout a keyboard starts in, by the kiosk's locale (the <html data-locale> attribute).
export const LOCALE_LAYOUTS = { zh_Hans_CN: "pinyin", en: "latin", ug: "ug", bo: "bo", mn_Mong_CN: "mn" };

// Tibetan subjoined consonants sit 0x50 code points after their base letters (U+0F40–U+0F6C).
export function subjoined(letter) {
  const code = letter.codePointAt(0);
  return code >= 0x0f40 && code <= 0x0f6c ? String.fromCodePoint(code + 0x50) : letter;
}

// What a key shows: a combining mark on a dotted circle, the narrow no-break space as a visible sign.
export function keyLabel(value) {
  if (value === "\u202f") return "␣";
  return /^\p{M}$/u.test(value) ? `\u25cc${value}` : value;
}
