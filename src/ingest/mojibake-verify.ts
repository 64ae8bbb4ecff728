// The accident run forwards: a repair stands only if garbling its reading again gives back exactly
// the characters that were published. Independent of how the reading was found (mojibake-decode.ts
// searches backwards); this is the check that the bytes, not the language model, fix the text.
import { gbkCode } from './text-gbk.ts';

let decoder: TextDecoder | null = null;

/**
 * What the accident makes of `text`: its GBK bytes without the first one ('?' in its place), decoded
 * in step from there (a user-defined pair vanishes, a lone last byte shows as '?'), full-width forms
 * folded to ASCII. null when the text has a character outside GBK.
 */
export function garble(text: string): string | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = gbkCode(ch);
    if (code !== undefined) bytes.push(code >> 8, code & 0xff);
    else if (ch.length === 1 && ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else return null;
  }
  decoder ??= new TextDecoder('gbk');
  let out = '?';
  for (const ch of decoder.decode(Uint8Array.from(bytes.slice(1)))) {
    const unit = ch.charCodeAt(0);
    if (unit >= 0xe000 && unit <= 0xf8ff) continue; // the Private Use Area: dropped by the text pipeline
    if (ch === '\uFFFD') out += '?';
    else if (unit >= 0xff01 && unit <= 0xff5e) out += String.fromCharCode(unit - 0xfee0);
    else out += ch;
  }
  return out;
}

/** `reading` (indentation dropped at a line start) garbles to exactly `published`. */
export function reproduces(reading: string, published: string, atLineStart: boolean): boolean {
  if (garble(reading) === published) return true;
  return atLineStart && garble('\u3000' + reading) === published;
}
