// The benchmark's synthetic corpus must be the real text, ×N: same cases per copy, unique ids, other provinces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus, type IngestDocumentInput } from '../../src/ingest/pipeline.ts';
import { PROVINCES, replicateCases, syntheticCorpus } from '../../scripts/bench/synthetic-corpus.ts';

const RAW = join(import.meta.dirname, '../../data/raw');
// The smallest real document (a city's reprint of a few cases) keeps the test fast.
const real: IngestDocumentInput = { sourceFile: '002_744bbf1a656dd3b2.txt', bytes: new Uint8Array(readFileSync(join(RAW, '002_744bbf1a656dd3b2.txt'))), hints: { year: 2023 } };

describe('syntheticCorpus', () => {
  it('copies keep the real text byte for byte (only trailing blank lines differ) and get another province', () => {
    const copies = syntheticCorpus([real], 3);
    expect(copies).toHaveLength(3);
    expect(copies[0]).toBe(real);
    const text = new TextDecoder().decode(real.bytes);
    for (const copy of copies.slice(1)) {
      const copyText = new TextDecoder().decode(copy.bytes);
      expect(copyText.startsWith(text)).toBe(true);
      expect(copyText.slice(text.length)).toMatch(/^\n+$/);
      expect(PROVINCES).toContain(copy.hints?.province);
      expect(copy.hints?.year).toBe(2023);
    }
    expect(new Set(copies.map((c) => c.sourceFile)).size).toBe(3);
  });

  it('ingesting ×3 gives three times the real cases and figures, ids unique, no input refused', () => {
    const one = ingestCorpus([real]);
    const three = ingestCorpus(syntheticCorpus([real], 3));
    expect(one.cases.length).toBeGreaterThan(0);
    expect(three.failures).toEqual([]);
    expect(three.cases).toHaveLength(one.cases.length * 3);
    expect(three.metrics).toHaveLength(one.metrics.length * 3);
    expect(new Set(three.cases.map((c) => c.case_id)).size).toBe(three.cases.length);
    // Same case titles in every copy (real text); the copies' documents are filed under three provinces.
    expect(new Set(three.documents.map((d) => d.province)).size).toBe(3);
    for (const d of three.documents) expect(three.cases.filter((c) => c.doc_id === d.doc_id).map((c) => c.title)).toEqual(one.cases.map((c) => c.title));
  });

  it('replicateCases builds what the ingest of the synthetic corpus yields: same counts, provinces and texts', () => {
    const one = ingestCorpus([real]);
    const three = ingestCorpus(syntheticCorpus([real], 3));
    const rep = replicateCases(one.cases, one.documents, 3);
    expect(rep.cases).toHaveLength(three.cases.length);
    expect(rep.documents.map((d) => d.province)).toEqual(three.documents.map((d) => d.province));
    expect(rep.cases.map((c) => c.province)).toEqual(three.cases.map((c) => c.province));
    expect(new Set(rep.cases.map((c) => c.case_id)).size).toBe(rep.cases.length);
    expect(rep.cases.map((c) => c.measures)).toEqual(three.cases.map((c) => c.measures));
  });

  it('refuses a factor that is not a positive integer', () => {
    expect(() => syntheticCorpus([real], 0)).toThrow(/factor/);
    expect(() => syntheticCorpus([real], 1.5)).toThrow(/factor/);
  });
});
