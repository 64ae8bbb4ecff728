// Pinyin annotations of mirror pages: some reposting sites follow Han characters with their reading in
// parentheses — 區(qū)域, 環(huán)境, 营(yíng)商, 营商(ying shang). The annotation is not part of the notice: it
// breaks every term it sits in (区(qū)域 is no 区域 for the classifier, the search or dedupe), so it is
// removed from the normal form. The published original keeps it.
//
// An annotation is recognised only when it can be nothing else: a parenthesis right after a Han character,
// holding only pinyin syllables, no more syllables than there are Han characters right before it. Toned
// syllables (qū) are unmistakable; untoned ones must be real syllables of two letters or more, so (a), (e),
// (ii) or (app) after a word are left alone, and they need company (see stripPinyinAnnotations).

/** Toned vowels → the plain letter (ü stays ü: it is a letter of its own in pinyin). */
const TONE_MARKS: Record<string, string> = {};
for (const [plain, toned] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěè'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['ü', 'ǖǘǚǜ'],
  ['n', 'ńňǹ'],
  ['m', 'ḿ'],
] as const) {
  for (const c of toned) TONE_MARKS[c] = plain;
}
const TONED = new RegExp(`[${Object.keys(TONE_MARKS).join('')}]`);

/** An initial (or none) and a final, split; the tone number dropped. */
const SYLLABLE =
  /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?)(iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|üan|ai|ei|ao|ou|an|en|in|un|ün|ia|ie|iu|ua|uo|ui|üe|ue|er|a|o|e|i|u|ü)[1-5]?$/;

const I_MEDIAL = new Set(['i', 'ia', 'ie', 'iao', 'iu', 'ian', 'in', 'iang', 'ing', 'iong']);
const U_MEDIAL = new Set(['ua', 'uo', 'uai', 'ui', 'uan', 'un', 'uang', 'ueng']);
const U_UMLAUT = new Set(['ü', 'üe', 'üan', 'ün', 'ue']);
/** Which finals go with which initials: enough to tell real syllables (qu, ying) from letters (wifi, app). */
const FINALS_OF: [RegExp, (f: string) => boolean][] = [
  [/^[jqx]$/, (f) => I_MEDIAL.has(f) || ['u', 'ue', 'uan', 'un', 'ü', 'üe', 'üan', 'ün'].includes(f)],
  [/^y$/, (f) => ['a', 'ao', 'an', 'ang', 'e', 'i', 'in', 'ing', 'o', 'ong', 'ou', 'u', 'ue', 'uan', 'un'].includes(f)],
  [/^w$/, (f) => ['a', 'ai', 'an', 'ang', 'ei', 'en', 'eng', 'o', 'u'].includes(f)],
  [/^(zh|ch|sh|r|z|c|s)$/, (f) => f === 'i' || (!I_MEDIAL.has(f) && !U_UMLAUT.has(f) && f !== 'er' && f !== 'o')],
  [/^[gkh]$/, (f) => !I_MEDIAL.has(f) && !U_UMLAUT.has(f) && f !== 'er' && f !== 'o'],
  [/^[bpmf]$/, (f) => !U_MEDIAL.has(f) && !U_UMLAUT.has(f) && f !== 'er' && f !== 'ong'],
  [/^[dt]$/, (f) => !U_UMLAUT.has(f) && f !== 'er' && f !== 'o'],
  [/^[nl]$/, (f) => f !== 'er' && f !== 'o'],
  [/^$/, (f) => ['a', 'o', 'e', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'er'].includes(f)],
];

/** True for a real pinyin syllable, written plain (no tone marks). */
function isSyllable(plainText: string): boolean {
  const m = SYLLABLE.exec(plainText);
  if (!m) return false;
  const [, initial, final] = m;
  return FINALS_OF.some(([init, ok]) => init.test(initial) && ok(final));
}

/** The content of a parenthesis split into syllables (joined ones segmented, longest first), or null. */
function syllables(content: string): string[] | null {
  const out: string[] = [];
  for (const word of content.split(/[\s'’-]+/).filter(Boolean)) {
    const parts = segment(word);
    if (!parts) return null;
    out.push(...parts);
  }
  return out.length > 0 ? out : null;
}

function segment(word: string): string[] | null {
  if (word === '') return [];
  for (let end = Math.min(word.length, 7); end > 0; end--) {
    const head = word.slice(0, end);
    if (!isSyllable(plain(head))) continue;
    const rest = segment(word.slice(end));
    if (rest) return [head, ...rest];
  }
  return null;
}

function plain(syllable: string): string {
  return [...syllable].map((c) => TONE_MARKS[c] ?? c).join('');
}

type Reading = 'toned' | 'untoned' | null;

/** How the content of a parenthesis after `hanBefore` Han characters reads as pinyin, if it does. */
function reading(content: string, hanBefore: number): Reading {
  const parts = syllables(content);
  if (!parts || parts.length > hanBefore) return null;
  // Tone marks, tone numbers (ying2) and ü are pinyin's own: no English word has them.
  if (TONED.test(content) || /ü|[a-z][1-5]/.test(content)) return 'toned';
  // Untoned: every syllable a real one of ≥ 2 letters (ying, qu), not a lone letter or numeral.
  return parts.every((p) => p.replace(/[1-5]$/, '').length >= 2) ? 'untoned' : null;
}

// A run of Han characters, then a parenthesis (ASCII or full-width) of lower-case letters, tone marks, spaces.
const CANDIDATE = /(\p{Script=Han}+)[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ1-5 '’-]{1,40})[)）]/gu;

/**
 * The text with every pinyin annotation removed; text without one is returned unchanged. Untoned readings
 * can be English words by chance — 名称(name) — so they count only where the text holds another annotation
 * too (mirror pages annotate many characters, an English gloss comes alone).
 */
export function stripPinyinAnnotations(text: string): string {
  if (!text.includes('(') && !text.includes('（')) return text;
  const found = [...text.matchAll(CANDIDATE)].map((m) => reading(m[2], [...m[1]].length)).filter((r) => r !== null);
  if (found.length === 0) return text;
  const untonedToo = found.length >= 2 || found[0] === 'toned';
  return text.replace(CANDIDATE, (whole, han: string, content: string) => {
    const r = reading(content, [...han].length);
    return r === 'toned' || (r === 'untoned' && untonedToo) ? han : whole;
  });
}
