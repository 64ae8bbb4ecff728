// Units in English (src/i18n/units.ts): every unit the corpus's figures are written or normalised in has one.
import { describe, expect, it } from 'vitest';
import { unitName } from '../../src/i18n/units.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';

describe('unitName', () => {
  it('translates every unit of the corpus into English, and shows it as written in Chinese', async () => {
    const dataset = await ingestRawCorpus();
    const units = new Set(dataset.metrics.flatMap((m) => [m.unit, m.unit_norm]).filter((u): u is string => Boolean(u)));
    expect(units.size).toBeGreaterThan(10);
    for (const unit of units) {
      expect(unitName(unit, 'zh')).toBe(unit);
      expect(unitName(unit, 'en'), unit).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('days and 万元 read as English readers say them', () => {
    expect(unitName('天', 'en')).toBe('days');
    expect(unitName('个工作日', 'en')).toBe('working days');
    expect(unitName('万元', 'en')).toBe('10k yuan');
  });
});
