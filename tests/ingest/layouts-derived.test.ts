// The real notices of data/raw rewritten into other layouts of the genre (markers removed, the list removed,
// another marker style): the segmenter must find the same cases with the same text. The rewrites work on the
// text's structure, with patterns of their own, never on file names.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseDocument } from '../../src/ingest/normalise.ts';
import { segmentDocument } from '../../src/ingest/segment.ts';
import type { SegmentedCase } from '../../src/ingest/types.ts';

const RAW = 'data/raw';
const MARKER = /^\s*(?:附件\s*\d{1,3}|典型案例[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2})\s*$/;
const LIST_ENTRY = /^\s*(?:附件\s*[:：])?\s*\d{1,3}\s*[.、．]/;

const seeds = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${RAW}/${f}`, 'utf8').split(/\r?\n/));

const withoutMarkers = (lines: string[]) => lines.filter((l) => !MARKER.test(l));
const withoutList = (lines: string[]) => {
  const firstMarker = lines.findIndex((l) => MARKER.test(l));
  return lines.filter((l, i) => !(i < firstMarker && LIST_ENTRY.test(l)));
};
const renamedMarkers = (lines: string[]) =>
  lines.map((l) => {
    const m = /^\s*附件\s*(\d{1,3})\s*$/.exec(l);
    return m ? `【案例${m[1]}】` : l;
  });

const read = (lines: string[]) => segmentDocument(normaliseDocument(lines.join('\n'))).cases.filter((c) => c.hasBody);
const squash = (s: string) => s.replace(/\s+/g, '');
const essence = (c: SegmentedCase) => ({
  title: squash(c.title),
  background: c.background,
  measures: c.measures,
  outcomes: c.outcomes,
});

describe('the seeds in other layouts', () => {
  const variants: [string, (lines: string[]) => string[]][] = [
    ['without case markers', withoutMarkers],
    ['without markers or the list', (l) => withoutMarkers(withoutList(l))],
    ['with 【案例N】 markers', renamedMarkers],
  ];
  for (const [name, rewrite] of variants) {
    it(name, () => {
      for (const lines of seeds) {
        const rewritten = rewrite(lines);
        if (rewritten.join('\n') === lines.join('\n')) continue; // the rewrite does not apply to this notice
        const expected = read(lines).map(essence);
        expect(read(rewritten).map(essence)).toEqual(expected);
      }
    });
  }
});
