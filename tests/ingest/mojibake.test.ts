import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContextModel, looksGarbled, repairMojibake } from '../../src/ingest/mojibake.ts';
import { deriveWordList, noticePhrases, parseWordList, readAsWords, wordList } from '../../src/ingest/mojibake-words.ts';
import { normaliseDocument } from '../../src/ingest/normalise.ts';
import { ingestDocument } from '../../src/ingest/pipeline.ts';
import type { Line } from '../../src/ingest/types.ts';

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
    // The line has a second garbled run further on (寫好“?!钡奈恼?): whatever its fate, the sub-heading
    // is repaired.
    const r = repairMojibake(lineStarting('?。ㄒ唬┝⒆惚镜靥厣?。'), context);
    expect((r.partial ?? r.text).startsWith('（一）立足本地特色。先后設立廈門')).toBe(true);
  });

  // Checked by hand: each reads as the sub-heading of its case and fits the text after it. They
  // cover a vanished pair (二 = b6 fe), a resync on an ASCII trail byte (統 = bd 79, 碼 = b4 61),
  // a run in mid-line after “ and two vanished pairs in a row.
  it.each([
    ['?。ǘ┩怀龇旨壗y籌。', '（二）突出分級統籌。省委成立法務區'],
    ['?。ㄒ唬┐a上通行', '（一）碼上通行,稅易辦。'],
    ['?。ㄈ┳ヌ幹', '（三）抓處置,根治欠薪“病灶”。'],
    ['?。ǘ┓诸惤忸}', '（二）分類解題,精準善意處置“僵尸企業”。'],
    // € (byte 80) puts the decoder back in step: 線 = be 80.
    ['?。ǘ┚€上服務', '（二）線上服務,過程零接觸。'],
    // 試 lost its trail byte (d4 87); the word list lacks 先行先試, but the notice writes it (its own phrases).
    ['?。ㄒ唬┫刃邢仍?,', '（一）先行先試,打通寧德時代'],
  ])('repairs %s', (prefix, expected) => {
    const r = repairMojibake(lineStarting(prefix), context);
    expect(r.status).toBe('repaired');
    expect(r.text.startsWith(expected)).toBe(true);
  });

  // Read right but not certain at one character: a rival within the margin (縣 for 環, 修 for 效)
  // leaves □ there, and the rest of the reading stands.
  it.each([
    // A vanished pair (af, ad) hides 環's lead, its trail 68 shows as 'h'.
    ['?。ㄎ澹﹥灮h境', /^（五）優化[環□]境早服務。/],
    // The run ends on the lone trail of 信 (d0 c5): lead known, trail lost. The published original reads
    // 增信; the notice writes 增效 more often (7 times to 2) and the word list has 增效, not 增信, so
    // nothing but the sense says 信: it must stay □, never 增效.
    ['?。ㄒ唬┨剿鳌疤夹袨椤痹', /^（一）探索“碳行為”增[信□],為低碳者信用“加分”。/],
  ])('reads %s', (prefix, expected) => {
    const r = repairMojibake(lineStarting(prefix), context);
    expect(r.status === 'repaired' ? r.text : r.partial).toMatch(expected);
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
    const line = lineStarting('?。ㄒ唬┝⒆惚镜靥厣?。');
    const r = repairMojibake(line, context);
    expect(r.status).toBe('unrepaired');
    expect(r.text).toBe(line);
    expect(r.partial).toMatch(/一是寫好“□”的文章。/);
  });

  it('a character rebuilt through a vanished pair is not guessed when a rival reading comes close', () => {
    // ）全 | 面/真 開: the pair (ab, c3|d5) vanished, so 面 (c3 e6) and 真 (d5 e6) both fit the bytes;
    // 全面 is the document's word, but 真開 (once, in 認真開展) tilts the counts towards 全真.
    const line = lineStarting('?。ㄒ唬┤骈_展');
    const r = repairMojibake(line, context);
    expect(r.text).not.toContain('全真');
    if (r.status === 'repaired') expect(r.text.startsWith('（一）全面開展')).toBe(true);
    else expect(r.partial).toMatch(/^（一）[全□][面□]開展涉外知產糾紛/);
  });

  it('the words of the language settle a character the notice leaves close, but never overturn its counts', () => {
    // （四）推行“一站式”服務: 務 lost its trail byte (the run's lone last byte), and the notice's counts
    // put 服務 only a little ahead of its rivals; 服務 is a word, they are not.
    const r = repairMojibake(lineStarting('?。ㄋ模┩菩小耙徽臼健狈?。'), context);
    expect(r.status).toBe('repaired');
    expect(r.text.startsWith('（四）推行“一站式”服務。')).toBe(true);
    // 全面 is the commoner word, but the notice's counts prefer 全真: the words may not overturn them,
    // so the character stays □ (the test above: never 全真).
    const full = repairMojibake(lineStarting('?。ㄒ唬┤骈_展'), context);
    expect(full.partial).toMatch(/^（一）全□開展/);
  });

  it('normaliseDocument keeps the best reading of an unrepaired line', () => {
    const raw = readdirSync(RAW)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(`${RAW}/${f}`, 'utf8'))
      .find((text) => text.includes('?。ㄒ唬┤骈_展'))!;
    const lines = normaliseDocument(raw).lines;
    const line = lines.find((l) => l.original.startsWith('?。ㄒ唬┤骈_展'))!;
    expect(line.mojibake).toBe('unrepaired');
    expect(line.mojibakePartial).toMatch(/^（一）[全□]□開展/);
    // What the line shows (case bodies are made of it) is the partial reading, never the mojibake.
    expect(line.simplified).toMatch(/^\(一\)[全□]□开展涉外知产纠纷/);
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

describe('word evidence (mojibake-words.ts)', () => {
  it('derives a compact list from a jieba dictionary: Han words of 1–4 characters, fillers and other words left out', () => {
    // Lines as jieba's dict.txt writes them ("word freq tag").
    const dict = ['全面 9321 n', '全真 227 ad', '服务 20000 vn', 'AA制 3 n', '营商环境好 50 l', '一站式 120 b', '罕用词 2 n'].join('\n');
    const list = parseWordList(deriveWordList(dict));
    expect([...list.lnP.keys()].sort()).toEqual(['一站式', '全真', '全面', '服务']);
    expect(list.lnP.get('全面')!).toBeGreaterThan(list.lnP.get('全真')!);
    expect(list.unseen).toBeLessThan(list.lnP.get('全真')!);
  });

  it('reads a traditional reading as words of the (simplified) list', () => {
    const list = wordList();
    expect(list).not.toBeNull();
    const common = readAsWords(list!, [...'全面開展']);
    expect(common.bonus).toBeGreaterThan(readAsWords(list!, [...'全真開展']).bonus);
    expect(common.inWord).toEqual([true, true, true, true]);
    // Characters other than Han separate words: a quote keeps 式 and 服 apart.
    expect(readAsWords(list!, [...'一站式”服務']).inWord).toEqual([true, true, true, false, true, true]);
  });
});

describe('the notice\'s own phrases (noticePhrases)', () => {
  // Lines modelled on the notice: 先行先試 is policy Chinese the general list lacks (it reads 先行 先 試).
  const model = buildContextModel(['在廈門等地先行先試全類戶政業務跨地市通辦。', '堅持先行先試,推動戶政業務通辦。']);
  const phrases = noticePhrases(model, wordList()!);

  it('are the stretches of whole words the readable text writes, in the list\'s script', () => {
    expect(phrases.has('先行先试')).toBe(true);
    expect(phrases.has('户政业务')).toBe(true);
    // A stretch that cuts a word of the list is no phrase: 政業 of 戶政業務, 行先 of 先行先試.
    expect(phrases.has('政业')).toBe(false);
    expect(phrases.has('行先')).toBe(false);
    // Written twice weighs more than written once.
    expect(phrases.get('先行先试')!).toBeGreaterThan(phrases.get('全类')!);
  });

  it('make a reading the notice writes a word where the list has none', () => {
    const list = wordList()!;
    const tried = readAsWords(list, [...'先行先試'], phrases).bonus - readAsWords(list, [...'先行先元'], phrases).bonus;
    const without = readAsWords(list, [...'先行先試']).bonus - readAsWords(list, [...'先行先元']).bonus;
    expect(without).toBe(0);
    expect(tried).toBeGreaterThan(5);
  });
});

// ---- The garbled notice as the product shows it ----
// Everything below judges the output with means of its own, independent of the repair code: a GBK
// table read off the platform decoder, the accident re-enacted on it, and a signature of mojibake.

const gbkDecoder = new TextDecoder('gbk');
const gbkBytesOf = new Map<string, [number, number]>();
for (let lead = 0x81; lead <= 0xfe; lead++)
  for (let trail = 0x40; trail <= 0xfe; trail++) {
    const ch = gbkDecoder.decode(Uint8Array.from([lead, trail]));
    if (ch.length === 1 && ch !== '\uFFFD' && !gbkBytesOf.has(ch)) gbkBytesOf.set(ch, [lead, trail]);
  }

/** The accident: GBK bytes, the first lost ('?'), decoded one byte out of step, PUA dropped, full-width folded. */
function reenact(text: string): string {
  const bytes = [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (gbkBytesOf.get(ch) ?? [0x3f])));
  const shifted = gbkDecoder.decode(Uint8Array.from(bytes.slice(1)));
  return (
    '?' +
    [...shifted]
      .filter((ch) => ch < '\uE000' || ch > '\uF8FF')
      .map((ch) => (ch === '\uFFFD' ? '?' : ch >= '\uFF01' && ch <= '\uFF5E' ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch))
      .join('')
  );
}

/**
 * Mojibake of this accident, as a reader sees it: bopomofo, box drawing and block elements (shifted
 * bytes a8/a9 xx), Private Use characters, € glued to Han (byte 80), a lost byte '?' followed by
 * shifted full-width punctuation, or by 。 and a bopomofo/pinyin letter (the ？。ㄒ of a sub-heading).
 */
const MOJIBAKE = /[\u3105-\u312F\u2501-\u259F\uE000-\uF8FF]|[?？]。[\u01CD-\u01DC\u3105-\u312F]|\p{Script=Han}€|€\p{Script=Han}|[?？][!;:][^\s]|[?？],[A-Za-z]/u;

const NUMERALS = '一二三四五六七八九十';
const rawOf = (doc: string[]) =>
  readdirSync(RAW)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ f, text: readFileSync(`${RAW}/${f}`, 'utf8') }))
    .find(({ text }) => text.includes(doc[0]))!;

describe('the garbled notice as shown', () => {
  const { f: garbledFile, text: garbledRaw } = rawOf(garbledDoc);
  const lines: Line[] = normaliseDocument(garbledRaw).lines;

  it('every repaired run re-enacts to exactly the published characters', () => {
    let runs = 0;
    for (const line of garbledDoc) {
      const r = repairMojibake(line, context);
      if (r.status !== 'repaired') continue;
      const chars = [...line];
      for (const run of r.runs!) {
        const published = chars.slice(run.from, run.to).join('');
        const again = run.from === 0 && reenact(run.reading) !== published ? reenact('\u3000' + run.reading) : reenact(run.reading);
        expect(again).toBe(published);
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(50);
  });

  it('every numbered sub-heading shows its number, read from the bytes, and no mojibake', () => {
    // A published sub-heading line opens with (N), or, garbled, with ?。 and the shifted pair (a8, the
    // numeral's lead byte): the numeral is fixed by that byte alone (一 d2 bb, 二 b6 fe, 三 c8 fd …).
    const numeralOfLead = new Map([...NUMERALS].map((n) => [gbkBytesOf.get(n)![0], n]));
    const numberedAs = (original: string): string | null => {
      const clean = original.match(new RegExp(`^[（(]([${NUMERALS}])[）)]`));
      if (clean) return clean[1];
      const chars = [...original];
      if (chars[0] !== '?' || chars[1] !== '。' || !chars[2]) return null;
      const bytes = gbkBytesOf.get(chars[2]);
      return bytes && bytes[0] === 0xa8 ? (numeralOfLead.get(bytes[1]) ?? null) : null;
    };
    const headings = lines.filter((l) => numberedAs(l.original) !== null);
    expect(headings.length).toBeGreaterThan(100);
    let readable = 0;
    for (const l of headings) {
      expect(l.simplified.startsWith(`(${numberedAs(l.original)})`), `line ${l.lineNo}: ${l.simplified.slice(0, 20)}`).toBe(true);
      const heading = l.simplified.split(/[。;；]/)[0];
      expect(heading).not.toMatch(MOJIBAKE);
      if (!heading.includes('□')) readable++;
    }
    // Within a case, sub-headings count up from (一): a numeral read wrong would break the count.
    let previous = 0;
    for (const l of headings) {
      const n = NUMERALS.indexOf(numberedAs(l.original)!) + 1;
      expect(n === 1 || n === previous + 1, `line ${l.lineNo}`).toBe(true);
      previous = n;
    }
    console.log(`${garbledFile}: ${headings.length} numbered sub-headings, ${readable} read in full`);
    // A floor against regressions, not the goal (every one): the rest have a character the bytes
    // leave open and the document's text does not settle (shown □, the published original a click away).
    expect(readable / headings.length).toBeGreaterThanOrEqual(0.85);
  });

  it('numbered sub-headings as the cases show them: each case counts up from (一), the few still with □ counted', () => {
    const { cases } = ingestDocument({ sourceFile: garbledFile, bytes: readFileSync(`${RAW}/${garbledFile}`) });
    let headings = 0;
    const unread: string[] = [];
    for (const c of cases) {
      // A case numbers its measures and then its outcomes, each from (一).
      let previous = 0;
      for (const line of [c.background, c.measures, c.outcomes].join('\n').split('\n')) {
        const numbered = line.match(new RegExp(`^\\(([${NUMERALS}])\\)`));
        if (!numbered) continue;
        headings++;
        const n = NUMERALS.indexOf(numbered[1]) + 1;
        expect(n === 1 || n === previous + 1, `${c.case_id}: ${line.slice(0, 24)}`).toBe(true);
        previous = n;
        if (line.split(/[。;；]/)[0].includes('□')) unread.push(`${c.case_id} ${line.slice(0, 24)}`);
      }
    }
    // Every sub-heading the bytes announce (counted by the previous test: 174) is in a case, numbered.
    expect(headings).toBe(lines.filter((l) => /^\?。/.test(l.original) || new RegExp(`^[（(][${NUMERALS}][）)]`).test(l.original)).length);
    console.log(`${unread.length} of ${headings} numbered sub-headings still hold □:\n${unread.join('\n')}`);
    // Not zero. Each □ left is a character one of whose bytes is gone (lost with the run's first
    // byte or its lone last one, or hidden by a vanished pair) that neither the notice's own text (its
    // counts and phrases) nor the words of the language single out. As of this floor (22):
    // - not recoverable from the bytes: quotes whose content bytes vanished with a pair (做到“□”個專業,
    //   暢通“□”條, 突出“□”項: the numeral is gone, not one byte of it), a run no reading verifies
    //   ((二)□□□□□□, 落地維□□), bytes that spell a character the notice never writes (提桑建: c9 a3);
    // - a lost byte the evidence leaves open: one of ~100 characters fits and nothing written settles it
    //   (□建設, 理為□, 落細□, □企, □機制, 供□ — the notice never writes 供地); the sentence end 。 before a
    //   quote read best, but a Han character with the same trail byte within 20× (下鄉□“, 靈動性□“, 民易悅□“);
    // - the notice's counts put another reading first or close and words may not overturn them (全面 /
    //   全真 of 全真互聯, 手續 / 持續, 儲備 / 儲項, 暢通 / 灣同), or the rival is written by the notice
    //   (增信 / 增效: only the sense decides; 加快 / 加可 of 增加可, 品牌 / 品培 — letting words overrule a
    //   pair the notice writes once showed more characters wrongly certain on the held-out evaluation).
    // A regression floor, not a goal.
    expect(unread.length).toBeLessThanOrEqual(22);
  });

  it('一是/二是 enumerations are never shown garbled', () => {
    let seen = 0;
    for (const l of lines)
      for (const m of l.simplified.matchAll(new RegExp(`(?:^|[。;；])[${NUMERALS}]是[^。;；]*`, 'g'))) {
        expect(m[0]).not.toMatch(MOJIBAKE);
        seen++;
      }
    expect(seen).toBeGreaterThan(50);
  });

  it('□ only on lines flagged unrepaired, which keep the published text as original', () => {
    for (const l of lines) {
      if (l.simplified.includes('□')) expect(l.mojibake, `line ${l.lineNo}`).toBe('unrepaired');
      if (l.mojibake) expect(l.original).toBe(garbledRaw.split(/\r\n|\r|\n/)[l.lineNo - 1].trim());
    }
  });
});

describe('case bodies of the corpus', () => {
  it('never contain mojibake; □ only in cases flagged mojibake_unrepaired', () => {
    let cases = 0;
    for (const f of readdirSync(RAW).filter((name) => name.endsWith('.txt'))) {
      const result = ingestDocument({ sourceFile: f, bytes: readFileSync(`${RAW}/${f}`) });
      for (const c of result.cases) {
        cases++;
        const shown = [c.title, c.background, c.measures, c.outcomes].join('\n');
        expect(shown, `${c.case_id}`).not.toMatch(MOJIBAKE);
        if (shown.includes('□')) expect(c.flags, c.case_id).toContain('mojibake_unrepaired');
      }
    }
    expect(cases).toBeGreaterThan(100);
  });
});
