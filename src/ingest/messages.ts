// What the ingest says about a document — its warnings and where a value it did not read from the header came
// from — as codes with parameters, so any reader can say it in its own language: the CLI and quality.json's
// text report in English (messageText below), the app in Chinese or English (src/i18n/ingest-messages.ts).
// The ingest knows nothing of the UI.

export type IngestMessage =
  /** The header states a value the manifest contradicts; the text's is kept. */
  | { code: 'hint_conflict'; params: { field: string; text: string | number; manifest: string | number } }
  /** The notice announces n cases, another number were found. */
  | { code: 'announced_mismatch'; params: { announced: number; found: number } }
  /** n of the cases found have no text: the notice lists them (a table of cases) without telling them. */
  | { code: 'cases_without_text'; params: { n: number; found: number } }
  /** The notice's date falls in another year than the one its text names (a typo, or a repost's date). */
  | { code: 'published_contradicts_year'; params: { published: string; year: number } }
  /** No province speaks for the notice and its cases name several: a national (or regional) notice. */
  | { code: 'several_provinces'; params: { n: number } }
  /** Two cases share a sequence number, so their ids collide. */
  | { code: 'seq_collision'; params: Record<string, never> }
  /** The last case is much longer than the others: it may hold the notice's closing. */
  | { code: 'last_case_long'; params: { title: string; paragraphs: number; usual: number } }
  /** The first case looks like the notice's preamble under a headline (no place, speaks of the notice's cases). */
  | { code: 'first_case_preamble'; params: { title: string } }
  /** Another document's case ids use the same prefix: this one's were renamed. */
  | { code: 'prefix_renamed'; params: { shared: string; used: string } }
  /** A web page's lines outside its article (navigation, footer, related links) were left out. */
  | { code: 'page_chrome_dropped'; params: { n: number } }
  /** The analyst left cases out of an import. */
  | { code: 'cases_excluded'; params: { n: number } }
  /** Origins of a value: the analyst set it, the manifest gave it, or the text implies it (how). */
  | { code: 'origin_analyst'; params: Record<string, never> }
  | { code: 'origin_manifest'; params: Record<string, never> }
  | { code: 'origin_named_by'; params: { by: 'issuer' | 'title' } }
  | { code: 'origin_case_places'; params: Record<string, never> }
  | { code: 'origin_latest_date'; params: { year: number } }
  | { code: 'origin_most_named_year'; params: { times: number } };

export type IngestMessageCode = IngestMessage['code'];

/** The message in English (CLI, quality report text). */
export function messageText(message: IngestMessage): string {
  switch (message.code) {
    case 'hint_conflict': {
      const p = message.params;
      return `${p.field}: the text says ${p.text}, the manifest says ${p.manifest}; kept the text's`;
    }
    case 'announced_mismatch':
      return `the notice announces ${message.params.announced} cases, ${message.params.found} were found`;
    case 'cases_without_text':
      return `${message.params.n} of the ${message.params.found} cases have no text (the notice only lists them)`;
    case 'published_contradicts_year':
      return `the notice is dated ${message.params.published}, but its text names the year ${message.params.year}`;
    case 'several_provinces':
      return `no province issued the notice; its cases come from ${message.params.n} provinces`;
    case 'seq_collision':
      return 'two cases share a seq number; case ids collide';
    case 'last_case_long':
      return `the last case, ${message.params.title}, has ${message.params.paragraphs} paragraphs, the others at most ${message.params.usual}: it may hold the notice's closing`;
    case 'first_case_preamble':
      return `the first case, ${message.params.title}, names no place and speaks of the notice's cases: it may be the preamble`;
    case 'prefix_renamed':
      return `case ids of another document share ${message.params.shared}; this one uses ${message.params.used}`;
    case 'page_chrome_dropped':
      return `${message.params.n} line(s) of the web page outside its article (navigation, footer) left out`;
    case 'cases_excluded':
      return `${message.params.n} case(s) excluded by the analyst`;
    case 'origin_analyst':
      return 'set by the analyst';
    case 'origin_manifest':
      return 'from the manifest (sources.json)';
    case 'origin_named_by':
      return `named by the ${message.params.by}`;
    case 'origin_case_places':
      return 'from the places the titles and bodies name';
    case 'origin_latest_date':
      return `latest full date in the text (${message.params.year})`;
    case 'origin_most_named_year':
      return `year named most often in the text (${message.params.times}×)`;
  }
}
