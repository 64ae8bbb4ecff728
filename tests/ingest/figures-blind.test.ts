// The blind set (figures-blind-set.ts): every figure of each hand-labelled case text is read with the
// dimension, before / after and cut a careful reader gives it, and nothing else is read.
import { describe, expect, it } from 'vitest';
import { readMeasures } from '../../src/ingest/measures.ts';
import { BLIND_SET, matchBlind } from './figures-blind-set.ts';

describe('figures of the blind set', () => {
  it.each(BLIND_SET.map((c) => [c.topic, c.text, c] as const))('%s: %s', (_topic, text, c) => {
    const read = readMeasures('outcomes', text);
    const { missed, extra } = matchBlind(read, c.figures);
    const shown = (r: (typeof read)[number]) => ({ text: r.text, dimension: r.dimension, before: r.beforeValue, after: r.afterValue, pct: r.reductionPct });
    expect({ missed, extra: extra.map(shown) }, JSON.stringify(read.map(shown))).toEqual({ missed: [], extra: [] });
  });
});
