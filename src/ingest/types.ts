// Shared types of the ingest. Field names of DocumentRow / CaseRow / MetricRow / IndicatorRow are the
// public Parquet contract (../shared/DESIGN.md): add fields, never rename them.

export type Script = 'traditional' | 'simplified';
export type Level = 'province' | 'city' | 'county';
/** The levels, top down (the order every list and chart of levels shows). */
export const LEVELS: readonly Level[] = ['province', 'city', 'county'];
export type Section = 'background' | 'measures' | 'outcomes';
export type MetricKind = 'count' | 'money' | 'percent' | 'duration' | 'other';
export type IndicatorSource = 'document' | 'classifier' | 'analyst';

export type CaseFlag =
  | 'missing_body'
  | 'title_inferred'
  | 'mojibake_repaired'
  | 'mojibake_unrepaired'
  | 'place_inferred_from_body'
  /** Neither the title nor the presenter names a place: the case is the city's whose notice it is (locate.ts). */
  | 'place_from_notice'
  | 'imported'
  /** Filed under `other`: neither the document nor the text says which indicator (classify.ts). */
  | 'unclassified';

/** What a manifest (data/raw/sources.json) may add about a document that the document does not say. */
export interface SourceHints {
  province?: string;
  year?: number;
  batch?: number;
  published?: string; // YYYY-MM-DD
  issuer?: string;
  title?: string;
  /** Where the notice was published (an http(s) address); no notice states its own address. */
  source_url?: string;
}

// ---------- stage outputs ----------

/** One source line after normalisation. `lineNo` is 1-based in the raw file. */
export interface Line {
  lineNo: number;
  /** As published, trimmed of surrounding blanks (but otherwise untouched). */
  original: string;
  /** Mojibake repaired where verifiable (else its best partial reading, □ for unknown characters), then converted to simplified. */
  simplified: string;
  /** Set when the line was garbled: whether the repair could be verified. */
  mojibake?: 'repaired' | 'unrepaired';
  /** Unrepaired lines only: the best reading of the garbled text, □ where a character is not certain (display/search, never verified). */
  mojibakePartial?: string;
}

export interface NormalisedDocument {
  script: Script;
  lines: Line[];
}

/** The document header as read from its text (segment stage). */
export interface DocumentHeader {
  title: string | null;
  issuer: string | null;
  year: number | null;
  batch: number | null;
  published: string | null; // YYYY-MM-DD
  /** Number of cases the notice says it announces ("共48个"), if stated. */
  casesAnnounced: number | null;
}

/** A case as cut out of the document by the segment stage, before locating/classifying. */
export interface SegmentedCase {
  seq: number; // 1-based position in its document
  /** Title lines joined, as published (traditional where the document is). */
  titleOriginal: string;
  title: string; // simplified
  /** Indicator heading the document files the case under (Shaanxi), simplified, else null. */
  headingLabel: string | null;
  /** Who contributed the case, as a line under its title says ((福州市市场监管局), 供稿单位:…), else null. */
  contributor: string | null;
  /** Body parts, simplified; '' when absent. */
  background: string;
  measures: string;
  outcomes: string;
  /** Whole body as published (original script, mojibake untouched), '' when missing. */
  bodyOriginal: string;
  hasBody: boolean;
  titleInferred: boolean;
  mojibake: { repaired: number; unrepaired: number };
  /** Source line numbers this case consumed (title, list entry, body). */
  lineNos: number[];
}

export interface SegmentResult {
  header: DocumentHeader;
  cases: SegmentedCase[];
  /** Lines of the document header / list / web furniture that belong to no case. */
  headerLineNos: number[];
  /** Non-blank lines that could be placed nowhere: counted and reported, never dropped silently. */
  unassigned: Line[];
}

export interface Place {
  province: string | null; // e.g. 福建省 / 陕西省
  city: string | null; // prefecture-level name with suffix, e.g. 福州市, 杨凌示范区
  county: string | null;
  level: Level;
  agency: string | null;
  /** True when the title named no place and it came from the body. */
  fromBody: boolean;
  /** True when neither title, presenter nor body placed the case and the notice's own city did. */
  fromNotice?: boolean;
}

export interface Classification {
  indicator: string; // a code of the taxonomy; 'other' when nothing decides
  source: IndicatorSource;
  /** Other plausible codes, best first; for 'other', the codes its weak hints point to. */
  alts: string[];
  /** The heading or terms that decided the code (never empty unless the code is 'other'). */
  evidence: string[];
}

export interface Figure {
  section: Section;
  text: string;
  value: number;
  unit: string;
  kind: MetricKind;
  valueNorm: number;
  unitNorm: string;
  beforeValue: number | null;
  afterValue: number | null;
}

// ---------- Parquet rows (the contract) ----------

export interface DocumentRow {
  doc_id: string;
  source_file: string;
  province: string | null;
  title: string | null;
  issuer: string | null;
  year: number | null;
  batch: number | null;
  published: string | null; // DATE as YYYY-MM-DD
  /** The notice's web address, from the manifest (or the analyst); null where not recorded. */
  source_url: string | null;
  script: Script;
  cases_listed: number;
  cases_parsed: number;
}

export interface CaseRow {
  case_id: string;
  doc_id: string;
  seq: number;
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level;
  agency: string | null;
  title: string;
  title_original: string;
  indicator: string;
  indicator_source: IndicatorSource;
  indicator_alts: string[];
  indicator_evidence: string[];
  background: string;
  measures: string;
  outcomes: string;
  body_original: string;
  has_body: boolean;
  duplicate_of: string | null;
  flags: string[];
  year: number | null;
  batch: number | null;
}

/** What a reform-effect figure measures (docs/data-contract.md, metrics.dimension). */
export type Dimension = 'time' | 'steps' | 'documents' | 'visits' | 'cost' | 'cost_saving' | 'other_reduction';

export interface MetricRow {
  metric_id: string;
  case_id: string;
  section: Section;
  text: string;
  value: number;
  unit: string;
  kind: MetricKind;
  value_norm: number;
  unit_norm: string;
  before_value: number | null;
  after_value: number | null;
  /** Reform-effect figures only, else null. */
  dimension: Dimension | null;
  reduction_pct: number | null;
}

export interface IndicatorRow {
  code: string;
  name_zh: string;
  name_en: string;
  sort: number;
}

export interface SimilarRow {
  case_id: string;
  other_case_id: string;
  score: number;
  /** Distinctive terms both cases share (genre words left out), the most telling first. */
  shared_terms: string[];
  /** strong: the same practice; related: same procedure or problem, partly the same mechanism; weak: the rest. */
  strength: 'strong' | 'related' | 'weak';
  /** Cosine over distinctive terms only. */
  mechanism_score: number;
  same_indicator: boolean;
  /** Distinctive terms both titles contain. */
  title_terms: string[];
  /** Dimensions of the reform results both report (time, steps, documents, visits, cost). */
  shared_dimensions: string[];
}
