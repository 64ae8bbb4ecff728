import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContextModel, looksGarbled, repairMojibake } from '../../src/ingest/mojibake.ts';

const RAW = 'data/raw';
const docs = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${RAW}/${f}`, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean));

describe('looksGarbled', () => {
  it('spots lines with symbol-row characters after a lost byte', () => {
    expect(looksGarbled('?。ㄒ唬┝⒆惚镜靥厣?。先后設立廈門')).toBe(true);
  });
  it('does not fire on normal lines with ？, rare characters or circled numbers', () => {
    for (const ok of [
      '為什麼要優化營商環境？因為企業需要。',
      '怎么办?群众说了算。',
      '①开办企业②获得电力③纳税',
      '福建省檢察機關打出行政檢察護航法治化營商環境的“組合拳”',
      '龘靐齉爩 are rare characters',
      '减少β系数 5%',
    ])
      expect(looksGarbled(ok)).toBe(false);
  });
});

describe('repairMojibake', () => {
  const corpus = docs.flat();
  const context = buildContextModel(corpus);

  it('repairs the known example exactly (verified against the document text)', () => {
    const line = corpus.find((l) => l.startsWith('?。ㄒ唬┝⒆惚镜靥厣?。'))!;
    const r = repairMojibake(line, context);
    expect(r.status).toBe('repaired');
    expect(r.text.startsWith('（一）立足本地特色。先后設立廈門')).toBe(true);
    expect(r.lost).toBe(0);
  });

  it('leaves clean traditional and simplified lines untouched', () => {
    for (const l of ['（二）構建訴調對接工作機制', '福建省智能客服“福晓宝”', '為什麼？因為。'])
      expect(repairMojibake(l, context)).toEqual({ status: 'clean', text: l });
  });

  it('without the document as context nothing can be verified: the garbled text is kept', () => {
    const r = repairMojibake('?。ㄒ唬┝⒆惚镜靥厣?。', undefined);
    expect(r).toEqual({ status: 'unrepaired', text: '?。ㄒ唬┝⒆惚镜靥厣?。' });
  });

  it('over every garbled line of data/raw: never loses text, repairs only verifiably', () => {
    const counts = { clean: 0, repaired: 0, unrepaired: 0 };
    for (const doc of docs) {
      const ctx = buildContextModel(doc);
      for (const line of doc) {
        const r = repairMojibake(line, ctx);
        counts[r.status]++;
        if (r.status === 'unrepaired') expect(r.text).toBe(line);
        if (r.status === 'repaired') {
          // The repaired text keeps the unaffected tail of the line as published.
          const tail = line.slice(-8);
          expect(r.text.endsWith(tail)).toBe(true);
          expect(looksGarbled(r.text)).toBe(false);
        }
      }
    }
    console.log('mojibake over data/raw:', counts);
    expect(counts.repaired).toBeGreaterThanOrEqual(1);
    expect(counts.repaired + counts.unrepaired).toBeGreaterThan(100);
  });
});
