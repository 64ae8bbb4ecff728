// The analyst's labels as a CSV of (case_id, indicator): export, and a re-import that validates every
// row (known case, known indicator code) and reports bad rows by line number instead of dropping them
// silently. Pure, so it is unit-tested in Node.
import Papa from 'papaparse';
import type { LabelRow } from './workspace-sql.ts';

export const LABEL_COLUMNS = ['case_id', 'indicator'] as const;

/** CSV text (UTF-8 BOM so Excel opens it as UTF-8): header case_id,indicator, then one row per label. */
export function labelsToCsv(labels: readonly LabelRow[]): string {
  const body = Papa.unparse(
    { fields: [...LABEL_COLUMNS], data: labels.map((l) => [l.case_id, l.indicator]) },
    { newline: '\r\n' },
  );
  return `\ufeff${body}\r\n`;
}

export interface LabelCsvProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  message: string;
}

export interface ParsedLabels {
  /** Valid labels, last one wins for a case named twice. */
  labels: { case_id: string; indicator: string }[];
  problems: LabelCsvProblem[];
}

export interface LabelContext {
  caseIds: ReadonlySet<string>;
  indicatorCodes: ReadonlySet<string>;
  /** Indicator names (中文 or English, any case) accepted in place of the code: name → code. */
  namesToCodes?: ReadonlyMap<string, string>;
}

/**
 * Parse and validate a labels CSV. The header must name the columns case_id and indicator (in any order,
 * other columns ignored); a file that is not such a CSV gives one problem at line 1 and no labels.
 */
export function parseLabelsCsv(text: string, context: LabelContext): ParsedLabels {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const problems: LabelCsvProblem[] = [];
  if (rows.length === 0) return { labels: [], problems: [{ line: 1, message: 'empty file' }] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const idCol = header.indexOf('case_id');
  const indicatorCol = header.indexOf('indicator');
  if (idCol < 0 || indicatorCol < 0) {
    return {
      labels: [],
      problems: [{ line: 1, message: `header must have the columns case_id and indicator (found: ${rows[0].join(', ') || 'nothing'})` }],
    };
  }
  const byCase = new Map<string, string>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const caseId = (row[idCol] ?? '').trim();
    const raw = (row[indicatorCol] ?? '').trim();
    if (!caseId) {
      problems.push({ line, message: 'case_id is empty' });
      return;
    }
    if (!context.caseIds.has(caseId)) {
      problems.push({ line, message: `unknown case_id "${caseId}"` });
      return;
    }
    const code = context.indicatorCodes.has(raw) ? raw : context.namesToCodes?.get(raw.toLowerCase());
    if (!code) {
      problems.push({ line, message: raw ? `unknown indicator "${raw}"` : 'indicator is empty' });
      return;
    }
    byCase.set(caseId, code);
  });
  for (const error of parsed.errors) {
    if (error.row !== undefined && error.row !== null) problems.push({ line: error.row + 1, message: error.message });
  }
  problems.sort((a, b) => a.line - b.line);
  return { labels: [...byCase].map(([case_id, indicator]) => ({ case_id, indicator })), problems };
}
