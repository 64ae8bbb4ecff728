// The data-quality report (public/data/quality.json, shown by the dashboard and printed by the CLI):
// per document listed vs parsed, flag counts, unassigned text, classifier agreement with the document's own
// headings, values taken from the manifest or inferred from the text, duplicates, and files that failed.

import { agreement, classifyBlind, headingToIndicator } from './classify.ts';
import { messageText, type IngestMessage } from './messages.ts';
import type { Dataset, IngestFailure, ValueOrigin } from './pipeline.ts';

export interface QualityDocument {
  source_file: string;
  doc_id: string;
  province: string | null;
  year: number | null;
  batch: number | null;
  cases_announced: number | null;
  /** The reading the cases were found with (markers:annex+list, part-cycle, title-lines …). */
  layout: string;
  cases_listed: number;
  cases_parsed: number;
  lines_total: number;
  lines_header: number;
  lines_in_cases: number;
  unassigned_count: number;
  unassigned: { line_no: number; text: string }[];
  warnings: IngestMessage[];
}

export interface QualityDisagreement {
  case_id: string;
  title: string;
  heading: string;
  heading_indicator: string;
  classifier_indicator: string;
  classifier_evidence: string[];
}

export interface QualityReport {
  totals: {
    documents: number;
    failed: number;
    cases: number;
    canonical_cases: number;
    duplicates: number;
    metrics: number;
    similar_pairs: number;
    unassigned_lines: number;
  };
  documents: QualityDocument[];
  flags: Record<string, number>;
  classifier_agreement: {
    agree: number;
    total: number;
    rate: number | null;
    disagreements: QualityDisagreement[];
    /** Headings the taxonomy does not know (their cases fall back to the classifier). */
    unmapped_headings: string[];
  };
  inferred: (ValueOrigin & { source_file: string })[];
  duplicates: { case_id: string; duplicate_of: string; score: number; compared: string }[];
  failures: IngestFailure[];
}

export function buildQualityReport(dataset: Dataset): QualityReport {
  const flags: Record<string, number> = {};
  for (const c of dataset.cases) for (const f of c.flags) flags[f] = (flags[f] ?? 0) + 1;

  // Each case filed under a heading the taxonomy knows, beside what the classifier says without that heading.
  const caseById = new Map(dataset.cases.map((c) => [c.case_id, c]));
  const unmapped = new Set<string>();
  const filed: { heading: string; blind: string; evidence: string[]; case_id: string; title: string }[] = [];
  for (const result of dataset.results) {
    const bySeq = new Map(result.cases.map((c) => [c.seq, c.case_id]));
    for (const { seq, heading } of result.report.headings) {
      const c = caseById.get(bySeq.get(seq) ?? '');
      if (!c) continue;
      if (headingToIndicator(heading) === null) {
        unmapped.add(heading);
        continue;
      }
      const blind = classifyBlind({ title: c.title, background: c.background, measures: c.measures, outcomes: c.outcomes, headingLabel: null });
      filed.push({ heading, blind: blind.indicator, evidence: blind.evidence, case_id: c.case_id, title: c.title });
    }
  }
  const { agree, total, disagreements } = agreement(filed);

  const documents: QualityDocument[] = dataset.results.map((r) => ({
    source_file: r.document.source_file,
    doc_id: r.document.doc_id,
    province: r.document.province,
    year: r.document.year,
    batch: r.document.batch,
    cases_announced: r.report.casesAnnounced,
    layout: r.report.layout,
    cases_listed: r.document.cases_listed,
    cases_parsed: r.document.cases_parsed,
    lines_total: r.report.linesTotal,
    lines_header: r.report.linesHeader,
    lines_in_cases: r.report.linesInCases,
    unassigned_count: r.unassigned.length,
    unassigned: r.unassigned.map((l) => ({ line_no: l.lineNo, text: l.original })),
    warnings: r.report.warnings,
  }));

  return {
    totals: {
      documents: dataset.documents.length,
      failed: dataset.failures.length,
      cases: dataset.cases.length,
      canonical_cases: dataset.cases.filter((c) => c.duplicate_of === null).length,
      duplicates: dataset.cases.filter((c) => c.duplicate_of !== null).length,
      metrics: dataset.metrics.length,
      similar_pairs: dataset.similar.length,
      unassigned_lines: documents.reduce((n, d) => n + d.unassigned_count, 0),
    },
    documents,
    flags,
    classifier_agreement: {
      agree,
      total,
      rate: total > 0 ? Math.round((agree / total) * 1000) / 1000 : null,
      disagreements: disagreements.map((d) => ({
        case_id: d.case_id,
        title: d.title,
        heading: d.heading,
        heading_indicator: d.expected,
        classifier_indicator: d.blind,
        classifier_evidence: d.evidence,
      })),
      unmapped_headings: [...unmapped],
    },
    inferred: dataset.results.flatMap((r) => r.report.origins.map((o) => ({ source_file: r.document.source_file, ...o }))),
    duplicates: dataset.duplicates.map((d) => ({ ...d })),
    failures: dataset.failures,
  };
}

/** The report as a few readable lines for the terminal. */
export function formatQualitySummary(report: QualityReport): string {
  const out: string[] = [];
  const t = report.totals;
  out.push(
    `Documents: ${t.documents} read, ${t.failed} failed. Cases: ${t.cases} (${t.canonical_cases} distinct, ${t.duplicates} duplicates). ` +
      `Figures: ${t.metrics}. Similar pairs: ${t.similar_pairs}.`,
  );
  for (const d of report.documents) {
    const announced = d.cases_announced === null ? '' : `, announced ${d.cases_announced}`;
    out.push(
      `  ${d.source_file} [${d.doc_id}] ${d.province ?? 'province ?'} ${d.year ?? 'year ?'} batch ${d.batch ?? '?'}: ` +
        `read as ${d.layout}; listed ${d.cases_listed}, parsed ${d.cases_parsed}${announced}; lines ${d.lines_total} ` +
        `(header ${d.lines_header}, cases ${d.lines_in_cases}, unassigned ${d.unassigned_count})`,
    );
    for (const w of d.warnings) out.push(`    ! ${messageText(w)}`);
    for (const u of d.unassigned.slice(0, 5)) out.push(`    unassigned line ${u.line_no}: ${truncate(u.text, 60)}`);
    if (d.unassigned.length > 5) out.push(`    … and ${d.unassigned.length - 5} more unassigned lines (quality.json)`);
  }
  const flagText = Object.entries(report.flags).map(([f, n]) => `${f} ${n}`).join(', ');
  out.push(`Flags: ${flagText || 'none'}`);
  const a = report.classifier_agreement;
  out.push(
    a.total > 0
      ? `Classifier vs document headings: ${a.agree}/${a.total} agree (${Math.round((a.rate ?? 0) * 100)}%)`
      : 'Classifier vs document headings: no case is filed under a heading',
  );
  for (const d of a.disagreements.slice(0, 10)) {
    out.push(`    ${d.case_id} heading ${d.heading_indicator}, classifier ${d.classifier_indicator}: ${truncate(d.title, 40)}`);
  }
  if (a.unmapped_headings.length > 0) out.push(`    headings not in the taxonomy: ${a.unmapped_headings.join(' | ')}`);
  for (const i of report.inferred) out.push(`Inferred: ${i.source_file} ${i.field} = ${i.value} (${messageText(i.detail)})`);
  for (const d of report.duplicates) out.push(`Duplicate: ${d.case_id} → ${d.duplicate_of} (${d.compared} similarity ${d.score})`);
  for (const f of report.failures) out.push(`FAILED: ${f.message}`);
  return out.join('\n');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
