// STUB (owned by the ingest-semantics helper): one indicator per case, with evidence.
import type { Classification } from './types.ts';

export interface ClassifyInput {
  title: string;
  background: string;
  measures: string;
  outcomes: string;
  /** The heading the document files the case under, simplified, or null. */
  headingLabel: string | null;
}

/** Document heading wins (source 'document'); otherwise the keyword classifier. */
export function classifyCase(input: ClassifyInput): Classification {
  return classifyBlind(input);
}

/** The classifier alone, ignoring any document heading (used to measure agreement). */
export function classifyBlind(input: ClassifyInput): Classification {
  void input;
  return { indicator: 'government_services', source: 'classifier', alts: [], evidence: [] };
}

/** Maps a document heading (e.g. 获得电力, 一把手走流程…) to a code, or null. */
export function headingToIndicator(heading: string): string | null {
  void heading;
  return null;
}
