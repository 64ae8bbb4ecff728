// Every UI string in both languages, one dictionary looked up by `useI18n().t`. The strings live in one
// file per feature (dict-*.ts) so engineers working on different views do not edit one file at once;
// keys are prefixed by feature and must stay unique across files. A missing key shows the key itself,
// so gaps are visible.
import { APP_TEXT } from './dict-app.ts';
import { BRIEF_TEXT } from './dict-brief.ts';
import { CONSISTENCY_TEXT } from './dict-consistency.ts';
import { DOWNLOAD_TEXT } from './dict-downloads.ts';
import { IMPORT_TEXT } from './dict-import.ts';
import { MEASURE_TEXT } from './dict-measures.ts';
import { SAFETY_TEXT } from './dict-safety.ts';
import { VIEW_TEXT } from './dict-views.ts';
import { WORK_TEXT } from './dict-workflows.ts';

/** The feature files, one entry each (a new feature file is one import and one entry here). */
const FEATURE_TEXTS = [APP_TEXT, VIEW_TEXT, WORK_TEXT, IMPORT_TEXT, SAFETY_TEXT, MEASURE_TEXT, BRIEF_TEXT, CONSISTENCY_TEXT, DOWNLOAD_TEXT] as const;

type Merged<T> = T extends readonly [infer Head, ...infer Rest] ? Head & Merged<Rest> : unknown;
/** Keys two feature files both define: one would silently hide the other, so the type check rejects them. */
type DefinedTwice<T, Seen = never> = T extends readonly [infer Head, ...infer Rest]
  ? (keyof Head & Seen) | DefinedTwice<Rest, Seen | keyof Head>
  : never;
const noKeyDefinedTwice: [DefinedTwice<typeof FEATURE_TEXTS>] extends [never] ? true : { keyDefinedTwice: DefinedTwice<typeof FEATURE_TEXTS> } = true;
void noKeyDefinedTwice;

export const DICT = Object.assign({}, ...FEATURE_TEXTS) as Merged<typeof FEATURE_TEXTS>;

export type DictKey = keyof typeof DICT;

/** The dictionary key of a case flag's label (`flag.<flag>`), or null when the flag has none. */
export function flagKey(flag: string): DictKey | null {
  const key = `flag.${flag}`;
  return key in DICT ? (key as DictKey) : null;
}

/** English names of China's provincial units (the data uses full Chinese names, e.g. 福建省), in the national order (GB/T 2260). */
export const PROVINCE_EN: Record<string, string> = {
  北京市: 'Beijing', 天津市: 'Tianjin', 河北省: 'Hebei', 山西省: 'Shanxi', 内蒙古自治区: 'Inner Mongolia',
  辽宁省: 'Liaoning', 吉林省: 'Jilin', 黑龙江省: 'Heilongjiang', 上海市: 'Shanghai', 江苏省: 'Jiangsu',
  浙江省: 'Zhejiang', 安徽省: 'Anhui', 福建省: 'Fujian', 江西省: 'Jiangxi', 山东省: 'Shandong',
  河南省: 'Henan', 湖北省: 'Hubei', 湖南省: 'Hunan', 广东省: 'Guangdong', 广西壮族自治区: 'Guangxi',
  海南省: 'Hainan', 重庆市: 'Chongqing', 四川省: 'Sichuan', 贵州省: 'Guizhou', 云南省: 'Yunnan',
  西藏自治区: 'Tibet', 陕西省: 'Shaanxi', 甘肃省: 'Gansu', 青海省: 'Qinghai', 宁夏回族自治区: 'Ningxia',
  新疆维吾尔自治区: 'Xinjiang', 新疆生产建设兵团: 'Xinjiang Production and Construction Corps', 香港特别行政区: 'Hong Kong', 澳门特别行政区: 'Macao', 台湾省: 'Taiwan',
};
