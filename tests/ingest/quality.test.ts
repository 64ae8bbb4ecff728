import { describe, expect, it } from 'vitest';
import { buildQualityReport, formatQualitySummary } from '../../src/ingest/quality.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';

describe('quality report on the real corpus', () => {
  it('lists every document with listed vs parsed, flags, agreement with headings, inferred values', async () => {
    const dataset = await ingestRawCorpus();
    const report = buildQualityReport(dataset);
    expect(report.documents.map((d) => d.source_file)).toEqual(dataset.documents.map((d) => d.source_file));
    for (const d of report.documents) {
      expect(d.cases_parsed).toBeLessThanOrEqual(d.cases_listed);
      expect(d.unassigned_count).toBe(d.unassigned.length);
    }
    expect(report.totals.cases).toBe(report.documents.reduce((n, d) => n + d.cases_listed, 0));
    expect(report.flags.missing_body).toBe(dataset.cases.filter((c) => !c.has_body).length);

    // Every case filed under a document heading is either compared with the blind classifier or its heading is
    // reported as unknown to the taxonomy.
    const headed = dataset.results.flatMap((r) => r.report.headings);
    const a = report.classifier_agreement;
    expect(headed.length).toBeGreaterThan(30); // Shaanxi files its 36 cases under headings
    const unmappedCases = headed.filter((h) => a.unmapped_headings.includes(h.heading)).length;
    expect(a.total + unmappedCases).toBe(headed.length);
    expect(a.agree + a.disagreements.length).toBe(a.total);
    console.log(`classifier vs Shaanxi headings: ${a.agree}/${a.total} agree; unmapped headings: ${a.unmapped_headings.length}`);

    expect(report.inferred).toContainEqual(expect.objectContaining({ source_file: '002_744bbf1a656dd3b2.txt', field: 'year', from: 'hints' }));

    const text = formatQualitySummary(report);
    for (const d of report.documents) expect(text).toContain(d.source_file);
    expect(text).toMatch(/Classifier vs document headings/);
  });
});
