// npx tsx scripts/mojibake-eval.ts — how well the mojibake repair reads text it has not seen.
// Every clean numbered sub-heading （一）… and 一是… clause of data/raw (traditional form, up to its first
// full stop, at most 40 characters) is garbled the way the 2023 Fujian notice was (GBK bytes, first lost,
// one byte out of step) and repaired with the garbled notice's own text as context, the line itself held
// out of it. Counts per line what is shown: fully right, with □, and characters shown wrongly as certain
// (a wrong character shown as certain is worse than a □). Prints one JSON line of totals; EVAL_VERBOSE=1
// lists the lines read differently from their truth.
import { readdirSync, readFileSync } from 'node:fs';
import { useInstalledWordList } from '../src/export/word-list.ts';
import { buildContextModel, looksGarbled, repairMojibake, UNKNOWN_CHAR } from '../src/ingest/mojibake.ts';
import { garble } from '../src/ingest/mojibake-verify.ts';
import { toTraditional } from '../src/ingest/text-convert.ts';

useInstalledWordList();
const RAW = 'data/raw';
const docs = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${RAW}/${f}`, 'utf8').split(/\r?\n/).map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter(Boolean));
const garbledDoc = docs.reduce((a, b) => (b.filter(looksGarbled).length > a.filter(looksGarbled).length ? b : a));

const HEADING = /^(?:[（(][一二三四五六七八九十][）)]|[一二三四五六七八九十]是)[^。；;？?]{2,}/;
const samples: { truth: string; source: string }[] = [];
const seen = new Set<string>();
for (const doc of docs)
  for (const line of doc) {
    if (looksGarbled(line) || /[?？]/.test(line)) continue;
    for (const clause of line.split(/(?<=[。；;])/)) {
      const m = clause.match(HEADING);
      if (!m) continue;
      const truth = toTraditional(m[0].slice(0, 40)).replace(/（/g, '(').replace(/）/g, ')');
      if (seen.has(truth)) continue;
      seen.add(truth);
      samples.push({ truth, source: line });
    }
  }

/** How many certain characters of `shown` (□ excepted) no alignment with `truth` can match. */
function wrongCertain(shown: string[], truth: string[]): number {
  const n = shown.length;
  const m = truth.length;
  // matched[i][j]: most certain characters of shown[i..] matched in order to equal ones of truth[j..].
  const matched: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      matched[i][j] = Math.max(matched[i + 1][j], matched[i][j + 1], shown[i] === truth[j] && shown[i] !== UNKNOWN_CHAR ? matched[i + 1][j + 1] + 1 : 0);
  return shown.filter((c) => c !== UNKNOWN_CHAR).length - matched[0][0];
}

const shared = buildContextModel(garbledDoc);
const totals = { lines: 0, right: 0, withUnknown: 0, unknownChars: 0, wrongCertain: 0, linesWithWrong: 0, unread: 0 };
const started = performance.now();
for (const { truth, source } of samples) {
  // Garbled after an indentation, as the notice's sub-headings are; the rest of a real line follows intact.
  const garbled = garble('\u3000' + truth.replace(/\(/g, '（').replace(/\)/g, '）') + '。');
  if (!garbled) continue;
  const held = garbledDoc.includes(source) ? buildContextModel(garbledDoc.filter((l) => l !== source)) : shared;
  const r = repairMojibake(garbled, held);
  const shown = [...(r.partial ?? r.text).replace(/（/g, '(').replace(/）/g, ')')];
  const expected = [...truth, '。'];
  totals.lines++;
  if (r.status === 'clean' || (r.status === 'unrepaired' && r.partial === undefined)) {
    totals.unread++;
    continue;
  }
  const unknown = shown.filter((c) => c === UNKNOWN_CHAR).length;
  const wrong = wrongCertain(shown, expected);
  totals.unknownChars += unknown;
  totals.wrongCertain += wrong;
  if (wrong > 0) totals.linesWithWrong++;
  if (unknown > 0) totals.withUnknown++;
  if (shown.join('') === expected.join('')) totals.right++;
  else if (process.env.EVAL_VERBOSE) console.error(`${wrong > 0 ? 'WRONG ' : ''}${truth}\n   → ${shown.join('')}`);
}
console.log(JSON.stringify({ ...totals, ms: Math.round(performance.now() - started) }));
