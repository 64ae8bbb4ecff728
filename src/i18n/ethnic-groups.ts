// The 56 ethnic groups of China under the English names the State Council's English documents and the
// autonomous areas' own English names use (延边朝鲜族自治州 → Yanbian Korean Autonomous Prefecture): an
// autonomous area's name is its place name, the groups it is named for, and its kind — romanised whole it would
// read "Yanbianchaoxianzu".
export const ETHNIC_GROUP_EN: Readonly<Record<string, string>> = {
  汉族: 'Han', 蒙古族: 'Mongol', 回族: 'Hui', 藏族: 'Tibetan', 维吾尔族: 'Uyghur', 苗族: 'Miao', 彝族: 'Yi',
  壮族: 'Zhuang', 布依族: 'Bouyei', 朝鲜族: 'Korean', 满族: 'Manchu', 侗族: 'Dong', 瑶族: 'Yao', 白族: 'Bai',
  土家族: 'Tujia', 哈尼族: 'Hani', 哈萨克族: 'Kazakh', 傣族: 'Dai', 黎族: 'Li', 傈僳族: 'Lisu', 佤族: 'Va',
  畲族: 'She', 高山族: 'Gaoshan', 拉祜族: 'Lahu', 水族: 'Sui', 东乡族: 'Dongxiang', 纳西族: 'Naxi',
  景颇族: 'Jingpo', 柯尔克孜族: 'Kyrgyz', 土族: 'Tu', 达斡尔族: 'Daur', 仫佬族: 'Mulao', 羌族: 'Qiang',
  布朗族: 'Blang', 撒拉族: 'Salar', 毛南族: 'Maonan', 仡佬族: 'Gelao', 锡伯族: 'Xibe', 阿昌族: 'Achang',
  普米族: 'Pumi', 塔吉克族: 'Tajik', 怒族: 'Nu', 乌孜别克族: 'Uzbek', 俄罗斯族: 'Russian', 鄂温克族: 'Evenk',
  德昂族: "De'ang", 保安族: 'Bonan', 裕固族: 'Yugur', 京族: 'Gin', 塔塔尔族: 'Tatar', 独龙族: 'Derung',
  鄂伦春族: 'Oroqen', 赫哲族: 'Hezhen', 门巴族: 'Monba', 珞巴族: 'Lhoba', 基诺族: 'Jino',
};

/**
 * Every way an autonomous area's name writes a group: with 族, and for names of two characters or more also
 * without it (伊犁哈萨克自治州, 鄂伦春自治旗); 各族 (龙胜各族自治县) names no one group. Longest first, so that
 * 土家族 is taken whole rather than as 土族 after 家.
 */
type Written = [written: string, english: string];
const WRITTEN: Written[] = [
  ...Object.entries(ETHNIC_GROUP_EN).flatMap(([zh, en]): Written[] => (zh.length >= 3 ? [[zh, en], [zh.slice(0, -1), en]] : [[zh, en]])),
  ['各族', 'Various Nationalities'] as Written,
].sort((a, b) => b[0].length - a[0].length);

/**
 * Splits the groups an autonomous area is named for off the end of its name (its kind already taken off):
 * 黔东南苗族侗族 → { place: 黔东南, groups: [Miao, Dong] }. A name ending in no group is returned whole.
 */
export function splitEthnicGroups(name: string): { place: string; groups: string[] } {
  const groups: string[] = [];
  let place = name;
  for (;;) {
    const found = WRITTEN.find(([written]) => place.endsWith(written));
    if (!found) break;
    groups.unshift(found[1]);
    place = place.slice(0, -found[0].length);
  }
  return { place, groups };
}

/** "Miao", "Miao and Dong", "Tibetan, Qiang and Mongol". */
export function joinGroups(groups: string[]): string {
  return groups.length <= 1 ? (groups[0] ?? '') : `${groups.slice(0, -1).join(', ')} and ${groups[groups.length - 1]}`;
}
