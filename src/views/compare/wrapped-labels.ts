// Category labels wrapped here, once per name and font, instead of by ECharts on every redraw. A label given a
// width and `overflow: 'break'` is re-wrapped character by character (a canvas measureText each) and the grid
// re-fitted around the labels' measured box on every setOption: on the Compare view a filter change spent ~30 ms
// of its frame on that for names that never change. Here each name is broken into lines once (the same rule:
// CJK between any two characters, Latin text at spaces) and the label column's width is known, so the chart can
// state its grid and let ECharts measure nothing but the lines it is given (its own width cache keeps those).
import { getWidth } from 'zrender/lib/contain/text.js';

/** A label font as ECharts writes it for `fontSize` (its default family). */
export const labelFont = (fontSize: number) => `${fontSize}px sans-serif`;

/** Words and single CJK characters: where a line may break (a Latin word stays whole unless it alone is too wide). */
function pieces(text: string): string[] {
  return text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g) ?? [];
}

const cache = new Map<string, { lines: string[]; width: number }>();

/** `text` broken into lines no wider than `maxWidth` in `font`, and the widest line's width. */
export function wrapLabel(text: string, maxWidth: number, font: string): { lines: string[]; width: number } {
  const key = `${font}\u0001${maxWidth}\u0001${text}`;
  const known = cache.get(key);
  if (known) return known;
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  for (const piece of pieces(text)) {
    if (getWidth((line + piece).trimEnd(), font) <= maxWidth) {
      line += piece;
      continue;
    }
    if (/^\s+$/.test(piece)) {
      push();
      continue;
    }
    push();
    // A piece wider than the column on its own (a long Latin word): cut it by characters.
    for (const char of piece) {
      if (line !== '' && getWidth(line + char, font) > maxWidth) push();
      line += char;
    }
  }
  push();
  const wrapped = { lines, width: Math.max(0, ...lines.map((l) => getWidth(l, font))) };
  cache.set(key, wrapped);
  return wrapped;
}

/** Names wrapped to `maxWidth` (lines joined by "\n", as ECharts draws them) and the width of their column. */
export function wrapLabels(names: string[], maxWidth: number, fontSize: number): { labels: string[]; width: number } {
  const font = labelFont(fontSize);
  const wrapped = names.map((name) => wrapLabel(name, maxWidth, font));
  return { labels: wrapped.map((w) => w.lines.join('\n')), width: Math.ceil(Math.max(0, ...wrapped.map((w) => w.width))) };
}
