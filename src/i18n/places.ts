// Chinese place names in English: provinces by their conventional English names (Shaanxi, Inner Mongolia,
// Hong Kong — the romanisation alone would make 陕西 and 山西 the same word), every other place romanised
// with pinyin-pro (厦门市 → Xiamen, 思明区 → Siming District, 西安市 → Xi'an). The administrative suffix
// becomes an English word where English keeps one (District, County, Zone); 市 (city) is dropped as usual; an
// autonomous area keeps the groups it is named for in English (延边朝鲜族自治州 → Yanbian Korean Autonomous Prefecture).
// Loaded only in English (pinyin-pro's dictionary is ~300 kB): the Chinese UI never needs it.
import { pinyin } from 'pinyin-pro';
import { PROVINCE_EN } from './dict.ts';
import { joinGroups, splitEthnicGroups } from './ethnic-groups.ts';

/** Suffixes that name a kind of place, longest first so 综合实验区 wins over 区. '' = dropped in English. */
const SUFFIXES: [suffix: string, english: string][] = [
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['自由贸易试验区', 'Pilot Free Trade Zone'],
  ['综合实验区', 'Comprehensive Experimental Zone'],
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['高新区', 'High-tech Zone'],
  ['开发区', 'Development Zone'],
  ['示范区', 'Demonstration Zone'],
  ['投资区', 'Investment Zone'],
  ['新区', 'New Area'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['地区', 'Prefecture'],
  ['特别行政区', ''],
  ['自治区', ''],
  ['省', ''],
  ['市', ''],
  ['区', 'District'],
  ['县', 'County'],
  ['盟', 'League'],
  ['旗', 'Banner'],
];

/**
 * Place names whose characters read otherwise than in common words, where pinyin-pro gives the common reading
 * (涡 wo, 单 dan, 费 fei …): the readings the places go by. Longest first where one holds another.
 */
const PLACE_READINGS: [han: string, syllables: string[]][] = [
  ['涡阳', ['guo', 'yang']],
  ['黄陂', ['huang', 'pi']],
  ['乐亭', ['lao', 'ting']],
  ['洪洞', ['hong', 'tong']],
  ['大埔', ['da', 'bu']],
  ['尉犁', ['yu', 'li']],
  ['六合', ['lu', 'he']],
  ['筠连', ['jun', 'lian']],
  ['吴堡', ['wu', 'bu']],
  ['繁峙', ['fan', 'shi']],
];

/** Counties named by one character (单县 Shan County): that character's reading as a whole name only. */
const ONE_CHARACTER_NAMES: Record<string, string> = { 单: 'shan', 蔚: 'yu', 浚: 'xun', 费: 'bi', 歙: 'she' };

/**
 * A character that reads one way in every place name: 都 is "du" in all of China's places (成都, 花都, 都匀, 三都 …),
 * where pinyin-pro reads it "dou" (all, as in 都是) unless the word is in its dictionary.
 */
const PLACE_CHARACTER_READINGS: Record<string, string> = { 都: 'du' };

/** The syllables of a place name: its known readings first, pinyin-pro for the runs between them. */
function placeSyllables(han: string): string[] {
  if (ONE_CHARACTER_NAMES[han]) return [ONE_CHARACTER_NAMES[han]];
  const syllables: string[] = [];
  let run = '';
  const flush = () => {
    if (run) syllables.push(...pinyin(run, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }));
    run = '';
  };
  for (let i = 0; i < han.length; ) {
    const known = PLACE_READINGS.find(([word]) => han.startsWith(word, i));
    const reading = known ? known[1] : PLACE_CHARACTER_READINGS[han[i]] ? [PLACE_CHARACTER_READINGS[han[i]]] : null;
    if (reading) {
      flush();
      syllables.push(...reading);
      i += known ? known[0].length : 1;
    } else {
      run += han[i];
      i += 1;
    }
  }
  flush();
  return syllables;
}

/** Syllables written as one word, with an apostrophe where a syllable starting with a, o or e would run on (Xi'an). */
function romanise(han: string): string {
  const syllables = placeSyllables(han).filter((s) => s.trim() !== '');
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const DIGITS = '〇一二三四五六七八九';

/** A numeral of the Corps' units: 十二 → 12 (第十二师), 一五二 → 152 (一五二团, read digit by digit). */
function corpsNumber(han: string): number {
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(han);
  if (m) return (m[1] ? DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? DIGITS.indexOf(m[2]) : 0);
  return Number([...han].map((c) => DIGITS.indexOf(c.replace('零', '〇'))).join(''));
}

/** The Corps' divisions and regiments go by their numbers in English: 第十二师 → 12th Division, 一五二团 → Regiment 152. */
function corpsUnitEn(name: string): string | null {
  const division = /^第([一二三四五六七八九十]{1,3})师$/.exec(name);
  if (division) {
    const n = corpsNumber(division[1]);
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return `${n}${suffix} Division`;
  }
  const regiment = /^([〇零一二三四五六七八九十]{1,4}|\d{1,3})团$/.exec(name);
  return regiment ? `Regiment ${/\d/.test(regiment[1]) ? regiment[1] : corpsNumber(regiment[1])}` : null;
}

/** A place name (province, city, county, zone) in English; text that is not Chinese is returned as it is. */
export function placeNameEn(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  const province = PROVINCE_EN[trimmed];
  if (province) return province;
  const corpsUnit = corpsUnitEn(trimmed);
  if (corpsUnit) return corpsUnit;
  if (!/\p{Script=Han}/u.test(trimmed)) return trimmed;
  for (const [suffix, english] of SUFFIXES) {
    // A suffix only when a name is left before it (市 alone, or 区 of 地区 … are names' own characters otherwise).
    if (trimmed.endsWith(suffix) && trimmed.length > suffix.length) {
      const before = trimmed.slice(0, -suffix.length);
      // An autonomous area: its place name, the groups it is named for, its kind (Yanbian Korean Autonomous Prefecture).
      if (suffix.startsWith('自治') && english) {
        const { place, groups } = splitEthnicGroups(before);
        return [place ? romanise(place) : '', joinGroups(groups), english].filter(Boolean).join(' ');
      }
      const base = romanise(before);
      return english ? `${base} ${english}` : base;
    }
  }
  return romanise(trimmed);
}
