// The ingest pipeline: bytes of one announcement → rows of the Parquet contract, and a corpus of them →
// the whole dataset (ids made unique, duplicates resolved, similar cases computed).
// Pure: no Node imports, so the browser's "import a document" runs exactly this code.
//
// Stages, per document: decode → normalise (repairs mojibake) → segment → locate → classify → figures →
// measures; per corpus: ids → dedupe → similar (README lists the same). A document value that the
// text does not state comes from the hints (manifest), else is inferred from the text and recorded in the
// report, else stays null: nothing is guessed silently.

import { classificationFlags, classifyCase } from './classify.ts';
import type { IngestMessage } from './messages.ts';
import { dedupeCases, type DuplicateMatch } from './dedupe.ts';
import { readMeasures } from './measures.ts';
import { caseId, docId, fnv1aHex, idPrefix, metricId } from './ids.ts';
import { INDICATORS } from './indicators.ts';
import { cityNamedBy, inferProvince, locateCase, provinceCode, provinceNamedBy } from './locate.ts';
import { normaliseDocument } from './normalise.ts';
import { LOOKED_FOR, segmentDocument } from './segment.ts';
import { aroundWarnings } from './segment-around.ts';
import { similarCases } from './similar.ts';
import type {
  CaseRow,
  DocumentRow,
  IndicatorRow,
  Line,
  MetricRow,
  Section,
  SegmentedCase,
  SimilarRow,
  SourceHints,
} from './types.ts';

import { IngestError, type FailureReason } from './errors.ts';
import { documentText } from './read-document.ts';
import type { PreRead } from './read-pdf.ts';

export { IngestError, type FailureReason };
export { decodeSource } from './read-text.ts';

// ---------- one document ----------

export interface IngestDocumentInput {
  sourceFile: string;
  bytes: Uint8Array;
  hints?: SourceHints;
  /** Values the analyst set (import preview): they win over the text's and the hints'. */
  overrides?: SourceHints;
  /** A PDF's text, read beforehand (read-pdf.ts preReadPdf: PDF.js is asynchronous), or why it could not be. */
  preRead?: PreRead;
}

/** Where a document-level value came from when the document's header did not state it. */
export interface ValueOrigin {
  field: 'province' | 'year' | 'batch' | 'published' | 'issuer' | 'title';
  value: string | number;
  from: 'hints' | 'text';
  /** How it was found (messages.ts: a code with parameters, said in each reader's language). */
  detail: IngestMessage;
}

export interface DocumentReport {
  sourceFile: string;
  docId: string;
  /** Case count the notice states ("共48个"), or null. */
  casesAnnounced: number | null;
  /** Non-blank source lines, and where they went. linesHeader + linesInCases + unassigned = linesTotal. */
  linesTotal: number;
  linesHeader: number;
  linesInCases: number;
  /** Values taken from hints or inferred from the text rather than read from the header. */
  origins: ValueOrigin[];
  /** The reading the cases were found with: markers:<family>, part-cycle, numbered, title-lines, first-sentence (+list). */
  layout: string;
  /** Document headings cases are filed under (seq → heading, simplified). */
  headings: { seq: number; heading: string }[];
  warnings: IngestMessage[];
}

export interface DocumentResult {
  document: DocumentRow;
  cases: CaseRow[];
  metrics: MetricRow[];
  /** Non-blank lines placed nowhere: counted and shown, never dropped. */
  unassigned: Line[];
  report: DocumentReport;
  /** The prefix of this document's case ids (changed by the corpus step when two documents collide). */
  casePrefix: string;
  contentHash: string;
}

/** Reads one document. Throws IngestError (file + reason) when it cannot. */
export function ingestDocument(input: IngestDocumentInput): DocumentResult {
  const { sourceFile, bytes } = input;
  const hints = input.hints ?? {};
  if (input.preRead && 'error' in input.preRead) throw input.preRead.error;
  const { text, notes } = input.preRead ? { text: input.preRead.text, notes: [] } : documentText(sourceFile, bytes);
  const normalised = normaliseDocument(text);
  const segmented = segmentDocument(normalised);
  const segCases = segmented.cases;
  if (segCases.length === 0) {
    throw new IngestError(
      sourceFile,
      'no_cases',
      `${normalised.lines.length} non-blank lines, none recognised as a case; looked for ${LOOKED_FOR}`,
    );
  }

  const header = segmented.header;
  const origins: ValueOrigin[] = [];
  const warnings: IngestMessage[] = [...notes];

  /** header value, else hint, else inferred from the text — recording where it came from. */
  function resolve<T extends string | number>(
    field: ValueOrigin['field'],
    fromHeader: T | null,
    fromHints: T | undefined,
    infer?: () => { value: T; detail: IngestMessage } | null,
  ): T | null {
    const override = input.overrides?.[field] as T | undefined;
    if (override !== undefined) {
      origins.push({ field, value: override, from: 'hints', detail: { code: 'origin_analyst', params: {} } });
      return override;
    }
    if (fromHeader !== null && fromHeader !== undefined) {
      if (fromHints !== undefined && fromHints !== fromHeader) {
        warnings.push({ code: 'hint_conflict', params: { field, text: fromHeader, manifest: fromHints } });
      }
      return fromHeader;
    }
    if (fromHints !== undefined) {
      origins.push({ field, value: fromHints, from: 'hints', detail: { code: 'origin_manifest', params: {} } });
      return fromHints;
    }
    const inferred = infer?.() ?? null;
    if (inferred) {
      origins.push({ field, value: inferred.value, from: 'text', detail: inferred.detail });
      return inferred.value;
    }
    return null;
  }

  const title = resolve('title', header.title, hints.title);
  const issuer = resolve('issuer', header.issuer, hints.issuer);
  const year = resolve('year', header.year, hints.year, () => inferYear(normalised.lines));
  const batch = resolve('batch', header.batch, hints.batch);
  const published = resolve('published', header.published, hints.published);
  const province = resolve<string>('province', null, hints.province, (): { value: string; detail: IngestMessage } | null => {
    // The issuer speaks for the notice (天津市商务局 → 天津市), then its title, then the places its cases name.
    const own = provinceNamedBy(issuer) ?? provinceNamedBy(title);
    if (own) return { value: own, detail: { code: 'origin_named_by', params: { by: provinceNamedBy(issuer) ? 'issuer' : 'title' } } };
    // A case's contributor (a table's 申报单位 column) names its place when its title does not.
    const texts = [title ?? '', ...segCases.flatMap((c) => [c.title, c.contributor ?? '', c.background, c.measures, c.outcomes])];
    const found = inferProvince(texts);
    return found ? { value: found, detail: { code: 'origin_case_places', params: {} } } : null;
  });

  const contentHash = fnv1aHex(bytes);
  const prefix = idPrefix(provinceCode(province), year, batch);
  const docIdValue = docId(prefix, contentHash);

  const cases: CaseRow[] = [];
  const metrics: MetricRow[] = [];
  const headings: DocumentReport['headings'] = [];
  const docCity = cityNamedBy(issuer, province) ?? cityNamedBy(title, province);
  for (const seg of segCases) {
    const id = caseId(prefix, seg.seq);
    cases.push(buildCaseRow(seg, id, docIdValue, province, docCity, year, batch));
    metrics.push(...buildMetricRows(seg, id));
    if (seg.headingLabel) headings.push({ seq: seg.seq, heading: seg.headingLabel });
  }

  // A notice dated before the year it names, or more than a year after it, contradicts itself: flagged, not guessed.
  if (published !== null && year !== null) {
    const dated = Number(published.slice(0, 4));
    if (dated < year || dated > year + 1) warnings.push({ code: 'published_contradicts_year', params: { published, year } });
  }
  const caseProvinces = new Set(cases.map((c) => c.province).filter((p) => p !== null));
  if (province === null && caseProvinces.size > 1) warnings.push({ code: 'several_provinces', params: { n: caseProvinces.size } });
  // A notice that only lists its cases (a 名单) gives no text for them: said once for the document, not only per case.
  const withoutText = segCases.filter((c) => !c.hasBody).length;
  if (withoutText > 0) warnings.push({ code: 'cases_without_text', params: { n: withoutText, found: segCases.length } });
  if (header.casesAnnounced !== null && header.casesAnnounced !== segCases.length) {
    warnings.push({ code: 'announced_mismatch', params: { announced: header.casesAnnounced, found: segCases.length } });
  }
  warnings.push(...aroundWarnings(segCases));
  const seqs = new Set(segCases.map((c) => c.seq));
  if (seqs.size !== segCases.length) warnings.push({ code: 'seq_collision', params: {} });

  const unassigned = accountForEveryLine(normalised.lines, segmented.headerLineNos, segCases, segmented.unassigned);
  const caseLines = new Set(segCases.flatMap((c) => c.lineNos));
  const headerLines = new Set(segmented.headerLineNos.filter((n) => !caseLines.has(n)));

  const document: DocumentRow = {
    doc_id: docIdValue,
    source_file: sourceFile,
    province,
    title,
    issuer,
    year,
    batch,
    published,
    source_url: input.overrides?.source_url ?? hints.source_url ?? null,
    script: normalised.script,
    cases_listed: segCases.length,
    cases_parsed: segCases.filter((c) => c.hasBody).length,
  };
  return {
    document,
    cases,
    metrics,
    unassigned,
    casePrefix: prefix,
    contentHash,
    report: {
      sourceFile,
      docId: docIdValue,
      casesAnnounced: header.casesAnnounced,
      layout: segmented.layout,
      linesTotal: normalised.lines.length,
      linesHeader: headerLines.size,
      linesInCases: caseLines.size,
      origins,
      headings,
      warnings,
    },
  };
}

function buildCaseRow(
  seg: SegmentedCase,
  id: string,
  docIdValue: string,
  docProvince: string | null,
  docCity: string | null,
  year: number | null,
  batch: number | null,
): CaseRow {
  const body = [seg.background, seg.measures, seg.outcomes].filter(Boolean).join('\n');
  // A contributor line ((福州市市场监管局)) or a table's unit column names the presenting place better than the body
  // does; in a city's notice, so does the city.
  const place = locateCase(seg.title, body, docProvince, seg.contributor, docCity);
  const cls = classifyCase({
    title: seg.title,
    background: seg.background,
    measures: seg.measures,
    outcomes: seg.outcomes,
    headingLabel: seg.headingLabel,
  });
  const flags: string[] = [];
  if (!seg.hasBody) flags.push('missing_body');
  if (seg.titleInferred) flags.push('title_inferred');
  if (seg.mojibake.repaired > 0) flags.push('mojibake_repaired');
  if (seg.mojibake.unrepaired > 0) flags.push('mojibake_unrepaired');
  if (place.fromBody) flags.push('place_inferred_from_body');
  if (place.fromNotice) flags.push('place_from_notice');
  flags.push(...classificationFlags(cls));
  return {
    case_id: id,
    doc_id: docIdValue,
    seq: seg.seq,
    province: place.province ?? docProvince,
    city: place.city,
    county: place.county,
    level: place.level,
    agency: place.agency,
    title: seg.title,
    title_original: seg.titleOriginal,
    indicator: cls.indicator,
    indicator_source: cls.source,
    indicator_alts: cls.alts,
    indicator_evidence: cls.evidence,
    background: seg.background,
    measures: seg.measures,
    outcomes: seg.outcomes,
    body_original: seg.bodyOriginal,
    has_body: seg.hasBody,
    duplicate_of: null,
    flags,
    year,
    batch,
  };
}

function buildMetricRows(seg: SegmentedCase, id: string): MetricRow[] {
  const sections: [Section, string][] = [
    ['background', seg.background],
    ['measures', seg.measures],
    ['outcomes', seg.outcomes],
  ];
  const figures = sections.flatMap(([section, text]) => (text ? readMeasures(section, text) : []));
  return figures.map((f, i) => ({
    metric_id: metricId(id, i),
    case_id: id,
    section: f.section,
    text: f.text,
    value: f.value,
    unit: f.unit,
    kind: f.kind,
    value_norm: f.valueNorm,
    unit_norm: f.unitNorm,
    before_value: f.beforeValue,
    after_value: f.afterValue,
    dimension: f.dimension,
    reduction_pct: f.reductionPct,
  }));
}

/**
 * "Nothing is lost": every non-blank line must be in the header, a case, or the unassigned remainder.
 * A line the segmenter accounted for nowhere is added to the remainder here, so it is counted and shown.
 */
function accountForEveryLine(lines: Line[], headerLineNos: number[], cases: SegmentedCase[], unassigned: Line[]): Line[] {
  const seen = new Set<number>([...headerLineNos, ...cases.flatMap((c) => c.lineNos)]);
  const result = unassigned.filter((l) => !seen.has(l.lineNo));
  for (const l of result) seen.add(l.lineNo);
  for (const line of lines) {
    if (!seen.has(line.lineNo)) {
      result.push(line);
      seen.add(line.lineNo);
    }
  }
  return result.sort((a, b) => a.lineNo - b.lineNo);
}

/**
 * Year from the dates a text gives: the latest year of a full date (2023年12月4日, 2023-12-04), which in a
 * notice is its signing or publishing date; else the year named most often (2023年). Null if none.
 */
export function inferYear(lines: Line[]): { value: number; detail: IngestMessage } | null {
  const fullDates: number[] = [];
  const counts = new Map<number, number>();
  for (const line of lines) {
    const t = line.simplified;
    for (const m of t.matchAll(/((?:19|20)\d\d)\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))/g)) {
      fullDates.push(Number(m[1]));
    }
    for (const m of t.matchAll(/((?:19|20)\d\d)\s*年/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  if (fullDates.length > 0) {
    const value = Math.max(...fullDates);
    return { value, detail: { code: 'origin_latest_date', params: { year: value } } };
  }
  let best: [number, number] | null = null;
  for (const [y, n] of counts) if (!best || n > best[1] || (n === best[1] && y > best[0])) best = [y, n];
  return best ? { value: best[0], detail: { code: 'origin_most_named_year', params: { times: best[1] } } } : null;
}

// ---------- the corpus ----------

export interface IngestFailure {
  sourceFile: string;
  reason: FailureReason;
  message: string;
  /** What the reason is about (e.g. for no_cases: what was looked for). */
  detail?: string;
}

export interface Dataset {
  documents: DocumentRow[];
  cases: CaseRow[];
  metrics: MetricRow[];
  indicators: IndicatorRow[];
  similar: SimilarRow[];
  /** Per-document results (reports, unassigned lines), in input order. */
  results: DocumentResult[];
  failures: IngestFailure[];
  duplicates: DuplicateMatch[];
}

export interface IngestCorpusOptions {
  /** Case ids already in use (e.g. the published dataset, when the browser imports a document). */
  existingCaseIds?: Iterable<string>;
  /** Similar cases kept per case and per province. */
  similarPerProvince?: number;
}

/**
 * Reads every input; one that cannot be read becomes a failure, the others are still returned.
 * Then: ids made unique across the corpus, duplicates resolved, similar cases computed.
 */
export function ingestCorpus(inputs: IngestDocumentInput[], options: IngestCorpusOptions = {}): Dataset {
  const results: DocumentResult[] = [];
  const failures: IngestFailure[] = [];
  const seenHashes = new Map<string, string>();
  for (const input of inputs) {
    try {
      const hash = fnv1aHex(input.bytes);
      const same = seenHashes.get(hash);
      if (same !== undefined) throw new IngestError(input.sourceFile, 'duplicate_file', `identical to ${same}`);
      const result = ingestDocument(input);
      seenHashes.set(hash, input.sourceFile);
      results.push(result);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      failures.push({ sourceFile: error.sourceFile, reason: error.reason, message: error.message, detail: error.detail });
    }
  }

  makeCaseIdsUnique(results, new Set(options.existingCaseIds ?? []));

  const documents = results.map((r) => r.document);
  const allCases = results.flatMap((r) => r.cases);
  const { cases, matches } = dedupeCases(allCases, documents);
  const similar = similarCases(cases, { perProvince: options.similarPerProvince ?? 5 });
  return {
    documents,
    cases,
    metrics: results.flatMap((r) => r.metrics),
    indicators: INDICATORS,
    similar,
    results,
    failures,
    duplicates: matches,
  };
}

/**
 * Two documents of the same province/year/batch (a city's reprint of a batch, or two batches whose number is
 * unknown) would give the same case ids. The document with the most cases keeps the plain prefix (it is the
 * batch notice itself); every other one gets a short suffix from its content hash: fj-2023-b2-dbb3a51-001.
 * Mutates the results (case ids, metric ids, report).
 */
function makeCaseIdsUnique(results: DocumentResult[], taken: Set<string>): void {
  const order = [...results].sort(
    (a, b) => b.cases.length - a.cases.length || a.document.source_file.localeCompare(b.document.source_file),
  );
  for (const result of order) {
    let prefix = result.casePrefix;
    const collides = (p: string) => result.cases.some((c) => taken.has(caseId(p, c.seq)));
    for (let len = 6; collides(prefix) && len <= 8; len++) prefix = `${result.casePrefix}-d${result.contentHash.slice(0, len)}`;
    for (let n = 2; collides(prefix); n++) prefix = `${result.casePrefix}-d${result.contentHash}-${n}`;
    if (prefix !== result.casePrefix) rekey(result, prefix);
    for (const c of result.cases) taken.add(c.case_id);
  }
}

function rekey(result: DocumentResult, prefix: string): void {
  const newIds = new Map<string, string>();
  for (const c of result.cases) {
    const id = caseId(prefix, c.seq);
    newIds.set(c.case_id, id);
    c.case_id = id;
  }
  const indexInCase = new Map<string, number>();
  for (const m of result.metrics) {
    const id = newIds.get(m.case_id) ?? m.case_id;
    const i = indexInCase.get(id) ?? 0;
    indexInCase.set(id, i + 1);
    m.case_id = id;
    m.metric_id = metricId(id, i);
  }
  result.report.warnings.push({ code: 'prefix_renamed', params: { shared: result.casePrefix, used: prefix } });
  result.casePrefix = prefix;
}
