// Normalise stage: raw document text → one Line per non-blank source line, each with the published
// original and a normal form for display, search and matching (normalForm: mojibake repaired where
// verifiable, traditional → simplified where the text is traditional, full-width ASCII folded to ASCII,
// pinyin annotations of mirror pages removed). Text already simplified is never rewritten: a simplified
// line's normal form is its original with widths folded. Pure: runs in Node and in the browser.
import type { Line, NormalisedDocument, Script } from './types.ts';
import { buildContextModel, repairMojibake } from './mojibake.ts';
import { stripPinyinAnnotations } from './pinyin-annotations.ts';
import { countTraditional, foldFullWidth, toSimplified, toSimplifiedQuotes } from './text-convert.ts';

export { foldFullWidth, toSimplified };

type TraditionalCount = ReturnType<typeof countTraditional>;

/**
 * 'traditional' when a noticeable share of the Han characters are traditional (countTraditional).
 * Simplified text has none, traditional text 15–30 % of its characters, so a 3 % threshold separates
 * them with a wide margin.
 */
export function detectScript(lines: string[]): Script {
  return scriptOf(lines.map(countTraditional));
}

function scriptOf(counts: TraditionalCount[]): Script {
  let han = 0;
  let traditional = 0;
  for (const c of counts) {
    han += c.han;
    traditional += c.traditional;
  }
  return han > 0 && traditional / han > 0.03 ? 'traditional' : 'simplified';
}

/**
 * A line of a simplified document written in traditional characters itself (a quoted passage, a mirrored
 * block): at least 2 traditional characters making ≥ 10 % of its Han. One stray character (a place name
 * such as 乾县, which the converter would turn into 干县) does not make a line traditional.
 */
export function isTraditionalLine(text: string): boolean {
  return isTraditionalCount(countTraditional(text));
}

function isTraditionalCount({ han, traditional }: TraditionalCount): boolean {
  return traditional >= 2 && traditional >= 0.1 * han;
}

/**
 * The normal form of one line: converted to simplified only when `traditional` (the line's document is
 * traditional, or the line itself is), as a whole line (the converter's Taiwan phrasing: 著力 → 着力; corner quotes
 * 「」『』 → “”‘’); then
 * full-width ASCII folded (（一）→ (一), ：→ :, １２ → 12) and pinyin annotations dropped. A simplified line
 * thus stays as published but for the width of its ASCII forms.
 */
export function normalForm(text: string, traditional: boolean): string {
  return stripPinyinAnnotations(foldFullWidth(traditional ? toSimplifiedQuotes(toSimplified(text)) : text)).trim();
}

export function normaliseDocument(raw: string): NormalisedDocument {
  const text = raw.replace(/^\uFEFF/, '');
  const kept: { lineNo: number; original: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    // Blank lines are layout, not content. Trim ASCII and ideographic blanks (leading indentation).
    const original = l.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
    if (original !== '') kept.push({ lineNo: i + 1, original });
  });

  // The clean lines of the document itself are the language model that decides ambiguous repairs.
  const context = buildContextModel(kept.map((l) => l.original));
  // Decided per document, then per line: a simplified document's traditional line is converted, no other.
  const counts = kept.map((l) => countTraditional(l.original));
  const script = scriptOf(counts);

  const lines: Line[] = kept.map(({ lineNo, original }, i) => {
    // Pinyin annotations (區(qū)) come off first: their tone marks are no garbled bytes.
    const fix = repairMojibake(stripPinyinAnnotations(original), context);
    // An unrepaired line shows its best partial reading (□ for unknown characters), never the mojibake.
    const shown = fix.partial ?? fix.text;
    const traditional = script === 'traditional' || isTraditionalCount(shown === original ? counts[i] : countTraditional(shown));
    const line: Line = { lineNo, original, simplified: normalForm(shown, traditional) };
    if (fix.status !== 'clean') line.mojibake = fix.status;
    if (fix.partial !== undefined) line.mojibakePartial = fix.partial;
    return line;
  });
  return { script, lines };
}
