// Normalise stage: raw document text → one Line per non-blank source line, each with the published
// original and a simplified normal form (mojibake repaired where verifiable, traditional → simplified,
// full-width ASCII folded to ASCII). Pure: runs in Node and in the browser.
import type { Line, NormalisedDocument, Script } from './types.ts';
import { buildContextModel, repairMojibake } from './mojibake.ts';
import { foldFullWidth, toSimplified } from './text-convert.ts';

export { foldFullWidth, toSimplified };

const HAN = /\p{Script=Han}/u;

/**
 * 'traditional' when a noticeable share of the Han characters change under t→s conversion.
 * Simplified text changes almost nowhere (a rare variant or two), traditional text changes at
 * 15–30 % of its characters, so a 3 % threshold separates them with a wide margin.
 */
export function detectScript(lines: string[]): Script {
  let han = 0;
  let changed = 0;
  for (const line of lines.slice(0, 400)) {
    const a = [...line];
    const b = [...toSimplified(line)];
    // opencc maps Han text character for character; a line whose length changed is skipped.
    if (a.length !== b.length) continue;
    for (let i = 0; i < a.length; i++) {
      if (!HAN.test(a[i])) continue;
      han++;
      if (a[i] !== b[i]) changed++;
    }
  }
  return han > 0 && changed / han > 0.03 ? 'traditional' : 'simplified';
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

  const lines: Line[] = kept.map(({ lineNo, original }) => {
    const fix = repairMojibake(original, context);
    // An unrepaired line shows its best partial reading (□ for unknown characters), never the mojibake.
    const shown = fix.partial ?? fix.text;
    const line: Line = { lineNo, original, simplified: foldFullWidth(toSimplified(shown)).trim() };
    if (fix.status !== 'clean') line.mojibake = fix.status;
    if (fix.partial !== undefined) line.mojibakePartial = fix.partial;
    return line;
  });
  return { script: detectScript(kept.map((l) => l.original)), lines };
}
