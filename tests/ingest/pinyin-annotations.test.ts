import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripPinyinAnnotations } from '../../src/ingest/pinyin-annotations.ts';

const RAW = 'data/raw';
const seedLines = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(`${RAW}/${f}`, 'utf8').split(/\r?\n/));

describe('stripPinyinAnnotations', () => {
  it.each([
    ['區(qū)域環(huán)境', '區域環境'],
    ['营(yíng)商环境', '营商环境'],
    ['一(yī)网(wǎng)通(tōng)办', '一网通办'],
    ['营商(yíng shāng)环境', '营商环境'],
    ['营商(yíngshāng)环境', '营商环境'],
    ['营(ying2)商', '营商'],
    ['绿(lǜ)色发展', '绿色发展'],
    ['区（qū）域', '区域'],
    // Untoned readings count where the text holds other annotations (a mirror page annotates many).
    ['营(ying)商环(huan)境', '营商环境'],
    ['区(qū)域营(ying)商', '区域营商'],
  ])('%s → %s', (text, expected) => {
    expect(stripPinyinAnnotations(text)).toBe(expected);
  });

  it.each([
    '（一）立足本地特色',
    '(二)主要做法',
    '省市场监管局(知识产权局)“三举措”',
    '福州市(福州市市场监管局)',
    '人工智能(AI)赋能',
    '网上国网(app)',
    '接入无线网络(wifi)',
    '包括(a)和(b)两类',
    '第(ii)项',
    '名称(name)自主申报', // a lone untoned reading: an English gloss as likely as pinyin
    '泉电(e)家',
    '营商(yíng shāng huán jìng)', // more readings than characters before it: not an annotation of them
    '2023(第二批)',
    'qū(区)',
  ])('leaves %s alone', (text) => {
    expect(stripPinyinAnnotations(text)).toBe(text);
  });

  it('changes no line of the seeds (none is annotated)', () => {
    for (const line of seedLines) expect(stripPinyinAnnotations(line)).toBe(line);
  });
});
