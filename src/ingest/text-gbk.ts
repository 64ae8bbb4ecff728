// GBK code table, built once (lazily) from the platform's own TextDecoder('gbk') — browsers and
// Node both ship it — so there is no hand-made table and no Node Buffer.

export interface GbkTable {
  /** char → its 2 GBK bytes (lead, trail) packed as lead*256+trail. */
  encode: Map<string, number>;
  /** lead*256+trail → char, for every valid 2-byte code. */
  decode: Map<number, string>;
  /**
   * Codes the decoder maps to the Private Use Area (user-defined rows such as fe a3): text
   * pipelines drop those characters, so such a byte pair vanishes without a trace.
   */
  vanishing: Set<number>;
  /** `decode` as an array indexed by code: the decoder's inner loops read it thousands of times a line. */
  decodeAt: (string | undefined)[];
  /** Per UTF-16 code unit: the character's GBK code, 0 when it has none (every GBK code is ≥ 0x8140). */
  encodeAt: Uint16Array;
  /** Per UTF-16 code unit: its GbkClass as an index into CLASSES + 1, 0 when not a 2-byte GBK character. */
  classAt: Uint8Array;
}

let table: GbkTable | null = null;

export function gbk(): GbkTable {
  if (table) return table;
  const decoder = new TextDecoder('gbk');
  const encode = new Map<string, number>();
  const decode = new Map<number, string>();
  const vanishing = new Set<number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      // Unassigned codes decode to U+FFFD (or to two characters); user-defined ones to the Private Use Area.
      const code = lead * 256 + trail;
      if (ch.length === 1 && ch >= '\uE000' && ch <= '\uF8FF') vanishing.add(code);
      if (ch.length !== 1 || ch === '\uFFFD' || (ch >= '\uE000' && ch <= '\uF8FF')) continue;
      decode.set(code, ch);
      if (!encode.has(ch)) encode.set(ch, code);
    }
  }
  const decodeAt: (string | undefined)[] = new Array(0x10000).fill(undefined);
  const encodeAt = new Uint16Array(0x10000);
  const classAt = new Uint8Array(0x10000);
  for (const [code, ch] of decode) decodeAt[code] = ch;
  for (const [ch, code] of encode) {
    encodeAt[ch.charCodeAt(0)] = code;
    classAt[ch.charCodeAt(0)] = CLASSES.indexOf(gbkClass(code)) + 1;
  }
  table = { encode, decode, vanishing, decodeAt, encodeAt, classAt };
  return table;
}

/** What kind of character a GBK code is: decides whether decoded text is plausible. */
export type GbkClass = 'hanzi1' | 'hanzi2' | 'punct' | 'symbol' | 'rare';
const CLASSES: GbkClass[] = ['hanzi1', 'hanzi2', 'punct', 'symbol', 'rare'];

export function gbkClass(code: number): GbkClass {
  const lead = code >> 8;
  const trail = code & 0xff;
  if (trail >= 0xa1) {
    if (lead >= 0xb0 && lead <= 0xd7) return 'hanzi1'; // GB2312 level 1: the 3,755 common characters
    if (lead >= 0xd8 && lead <= 0xf7) return 'hanzi2'; // GB2312 level 2
    if (lead === 0xa1 && trail <= 0xbf) return 'punct'; // 、。·—～…‘’“”〔〕《》「」【】
    if (lead === 0xa3) return 'punct'; // full-width ASCII: （）：，０-９
    if (lead >= 0xa1 && lead <= 0xa9) return 'symbol'; // enclosed numbers, kana, Greek, Cyrillic, pinyin, bopomofo, box drawing
  }
  return 'rare'; // GBK extension: rare and traditional characters
}

/** The GBK class of a character, or null when it is not a 2-byte GBK character. */
export function charClass(ch: string): GbkClass | null {
  if (ch.length !== 1) return null;
  const cls = gbk().classAt[ch.charCodeAt(0)];
  return cls === 0 ? null : CLASSES[cls - 1];
}

/** The GBK code of a character, or undefined when it is not a 2-byte GBK character. */
export function gbkCode(ch: string): number | undefined {
  if (ch.length !== 1) return undefined;
  const code = gbk().encodeAt[ch.charCodeAt(0)];
  return code === 0 ? undefined : code;
}

// Dense numbers for characters, so that two of them make a key under 2^30: V8 keeps such a key as a
// small integer (a larger one is a heap number, allocated and hashed slowly). ASCII and the GBK
// characters come first; any other BMP character gets the next free number when first seen.
const COMPACT_LIMIT = 0x8000;
let compactAt: Uint16Array | null = null;
let nextCompact = 1;

/** A number under 2^15 for a BMP character (0 when the numbers have run out: the caller falls back). */
export function compactCode(unit: number): number {
  if (!compactAt) {
    compactAt = new Uint16Array(0x10000);
    for (let c = 0; c < 0x80; c++) compactAt[c] = nextCompact++;
    for (const ch of gbk().encode.keys()) if (compactAt[ch.charCodeAt(0)] === 0) compactAt[ch.charCodeAt(0)] = nextCompact++;
  }
  let code = compactAt[unit];
  if (code === 0 && nextCompact < COMPACT_LIMIT) code = compactAt[unit] = nextCompact++;
  return code;
}
