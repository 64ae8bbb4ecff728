// STUB (owned by the ingest-figures helper): figures reported in a case text.
import type { Figure, Section } from './types.ts';

export function extractFigures(section: Section, text: string): Figure[] {
  void section; void text;
  return [];
}
