// A province's colour, the same in every chart, under every filter and after any import: a pure function of
// its name, never of the order the provinces happen to be drawn in (an import adding a province would
// otherwise shift everyone's colour). Provinces are spread around the colour wheel by the golden angle, in
// the fixed order of the national list (GB/T 2260), so any two provinces get clearly different hues; a
// name outside that list (an unrecognised place in an imported file) gets a hue from a hash of its name.
import { PROVINCE_EN } from '../i18n/dict.ts';

const NATIONAL_ORDER = Object.keys(PROVINCE_EN);
const GOLDEN_ANGLE = 137.508;

/** FNV-1a: a small stable hash of the name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hue(name: string): number {
  const index = NATIONAL_ORDER.indexOf(name);
  // 210° first: Beijing blue, and the wheel from there.
  return index >= 0 ? (210 + index * GOLDEN_ANGLE) % 360 : hash(name) % 360;
}

/** The province's colour (CSS hsl), dark enough for white text and to read as a bar on white. */
export function provinceColour(name: string): string {
  return `hsl(${Math.round(hue(name))}, 58%, 42%)`;
}

/** The same hue, pale: the province's bars that are not in focus. */
export function provinceColourPale(name: string): string {
  return `hsl(${Math.round(hue(name))}, 45%, 78%)`;
}
