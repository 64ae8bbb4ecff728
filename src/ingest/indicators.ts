// STUB (owned by the ingest-semantics helper): the indicator taxonomy of DESIGN.md.
import type { IndicatorRow } from './types.ts';

export const INDICATORS: IndicatorRow[] = [
  { code: 'government_services', name_zh: '政务服务', name_en: 'Government services', sort: 16 },
];
