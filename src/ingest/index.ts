// Public surface of the ingest library (pure: runs in Node and in the browser).
export * from './types.ts';
export { decodeSource, ingestCorpus, ingestDocument, inferYear, IngestError } from './pipeline.ts';
export type {
  Dataset,
  DocumentReport,
  DocumentResult,
  FailureReason,
  IngestCorpusOptions,
  IngestDocumentInput,
  IngestFailure,
  ValueOrigin,
} from './pipeline.ts';
export { BODY_THRESHOLD, TITLE_THRESHOLD, dedupeCases } from './dedupe.ts';
export type { DuplicateMatch } from './dedupe.ts';
export { similarCases } from './similar.ts';
export type { SimilarOptions } from './similar.ts';
export { buildQualityReport, formatQualitySummary } from './quality.ts';
export type { QualityReport } from './quality.ts';
export { messageText } from './messages.ts';
export type { IngestMessage, IngestMessageCode } from './messages.ts';
export { INDICATORS } from './indicators.ts';
