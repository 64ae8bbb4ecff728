import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContextModel, looksGarbled, repairMojibake } from '../../src/ingest/mojibake.ts';
import { normaliseDocument } from '../../src/ingest/normalise.ts';

const RAW = 'data/raw';
const docs = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${RAW}/${f}`, 'utf8').split(/\r?\n/).map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter(Boolean));
// The document with garbled lines: found by its content, not its name.
const garbledDoc = docs.reduce((a, b) => (b.filter(looksGarbled).length > a.filter(looksGarbled).length ? b : a));
const context = buildContextModel(garbledDoc);
const lineStarting = (prefix: string) => garbledDoc.find((l) => l.startsWith(prefix))!;

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
      '流程 ─ 审批 ─ 发证',
    ])
      expect(looksGarbled(ok)).toBe(false);
  });
});

describe('repairMojibake', () => {
  it('repairs the known example exactly', () => {
    const r = repairMojibake(lineStarting('?。ㄒ唬┝⒆惚镜靥厣?。'), context);
    expect(r.status).toBe('repaired');
    expect(r.text.startsWith('（一）立足本地特色。先后設立廈門')).toBe(true);
  });

  // Checked by hand: each reads as the sub-heading of its case and fits the text after it. They
  // cover a vanished pair (二 = b6 fe), a resync on an ASCII trail byte (統 = bd 79, 碼 = b4 61),
  // a run in mid-line after “ and two vanished pairs in a row.
  it.each([
    ['?。ǘ┩怀龇旨壗y籌。', '（二）突出分級統籌。省委成立法務區'],
    ['?。ㄒ唬┐a上通行', '（一）碼上通行,稅易辦。'],
    ['?。ㄈ┳ヌ幹', '（三）抓處置,根治欠薪“病灶”。'],
    ['?。ㄒ唬┨剿鳌疤夹袨椤痹', '（一）探索“碳行為”增效,為低碳者信用“加分”。'],
    ['?。ǘ┓诸惤忸}', '（二）分類解題,精準善意處置“僵尸企業”。'],
  ])('repairs %s', (prefix, expected) => {
    const r = repairMojibake(lineStarting(prefix), context);
    expect(r.status).toBe('repaired');
    expect(r.text.startsWith(expected)).toBe(true);
  });

  it('leaves clean traditional and simplified lines, ？ and symbols untouched', () => {
    for (const l of [
      '（二）構建訴調對接工作機制',
      '福建省智能客服“福晓宝”',
      '為什麼？因為。',
      '怎么办?群众说了算,企业说了算。',
      '为什么要这样做?因为企业需要更快的审批。',
      '①开办企业②获得电力③纳税',
      '流程 ─ 审批 ─ 发证',
      '龘靐齉爩是生僻字?不是。',
    ])
      expect(repairMojibake(l, context)).toEqual({ status: 'clean', text: l });
  });

  it('without the document as context nothing can be verified: the garbled text is kept', () => {
    const r = repairMojibake('?。ㄒ唬┝⒆惚镜靥厣?。', undefined);
    expect(r).toEqual({ status: 'unrepaired', text: '?。ㄒ唬┝⒆惚镜靥厣?。' });
  });

  it('an ambiguous character is not guessed: the line stays unrepaired, the rest offered as partial', () => {
    // 海 in “海” lost its lead byte: many characters end in a3, the document does not single one out.
    const r = repairMojibake(lineStarting('?。ǘ┮苑諡樽ナ'), context);
    expect(r.status).toBe('unrepaired');
    expect(r.text).toBe(lineStarting('?。ǘ┮苑諡樽ナ'));
    expect(r.partial).toMatch(/^（二）以.*\?.*,不斷提升企業辦事滿意度/);
  });

  it('a character rebuilt through a vanished pair is not guessed when a rival reading comes close', () => {
    // ）全 | 面/真 開: the pair (ab, c3|d5) vanished, so 面 (c3 e6) and 真 (d5 e6) both fit the bytes;
    // 全面 is the document's word, but 真開 (once, in 認真開展) tilts the counts towards 全真.
    const line = lineStarting('?。ㄒ唬┤骈_展');
    const r = repairMojibake(line, context);
    expect(r.text).not.toContain('全真');
    if (r.status === 'repaired') expect(r.text.startsWith('（一）全面開展')).toBe(true);
    else expect(r.partial).toMatch(/^（一）全[?面]開展涉外知產糾紛/);
  });

  it('normaliseDocument keeps the best reading of an unrepaired line', () => {
    const raw = readdirSync(RAW)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(`${RAW}/${f}`, 'utf8'))
      .find((text) => text.includes('?。ㄒ唬┤骈_展'))!;
    const lines = normaliseDocument(raw).lines;
    const line = lines.find((l) => l.original.startsWith('?。ㄒ唬┤骈_展'))!;
    expect(line.mojibake).toBe('unrepaired');
    expect(line.mojibakePartial).toMatch(/^（一）全\?開展/);
    expect(line.original).toBe(lineStarting('?。ㄒ唬┤骈_展'));
    // Only unrepaired lines carry one.
    for (const l of lines) if (l.mojibakePartial !== undefined) expect(l.mojibake).toBe('unrepaired');
    expect(lines.filter((l) => l.mojibakePartial !== undefined).length).toBeGreaterThan(10);
  });

  it('over every line of data/raw: never loses text, repairs only verifiably', () => {
    const counts = { clean: 0, repaired: 0, unrepaired: 0 };
    const started = performance.now();
    for (const doc of docs) {
      const ctx = buildContextModel(doc);
      for (const line of doc) {
        const r = repairMojibake(line, ctx);
        counts[r.status]++;
        if (r.status === 'unrepaired') expect(r.text).toBe(line);
        if (r.status === 'repaired') {
          expect(looksGarbled(r.text)).toBe(false);
          expect(r.text).not.toMatch(/[\uFFFD\uE000-\uF8FF]/);
        }
      }
    }
    const ms = performance.now() - started;
    console.log('mojibake over data/raw:', counts, `${ms.toFixed(0)} ms`);
    expect(counts.repaired).toBeGreaterThanOrEqual(80);
    expect(counts.repaired + counts.unrepaired).toBeGreaterThanOrEqual(130);
  });
});
