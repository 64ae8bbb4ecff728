// Synthetic ingest corpora for the benchmark: ×N copies of the real documents, so every case text is real.
// Copy k of a document is filed under another province (the province comes from the manifest hints, which
// the ingest uses when the text names none) and differs from the other copies only by trailing blank lines,
// which the ingest ignores — so the bytes (and the content hash, hence the doc id) differ while the text,
// the cases and their figures stay exactly the real ones. Copies' documents spread over the 31 provinces;
// a case whose title or body names a city (福州市…) is still located in that city's province by the ingest,
// so those copies pile up in the real provinces — the worst case for dedupe, which compares every pair of
// cases of one province (and finds them all to be duplicates).
import type { IngestDocumentInput } from '../../src/ingest/pipeline.ts';
import type { CaseRow, DocumentRow } from '../../src/ingest/types.ts';

/** The 31 provincial-level units of the mainland, full names as the ingest writes them. */
export const PROVINCES = [
  '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省',
  '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市',
  '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区',
];

/** `factor` copies of every input (copy 0 is the input itself, unchanged). */
export function syntheticCorpus(inputs: IngestDocumentInput[], factor: number): IngestDocumentInput[] {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, got ${factor}`);
  const out: IngestDocumentInput[] = [];
  for (let k = 0; k < factor; k++) {
    for (const [i, input] of inputs.entries()) {
      if (k === 0) {
        out.push(input);
        continue;
      }
      const padding = new TextEncoder().encode('\n'.repeat(k));
      const bytes = new Uint8Array(input.bytes.length + padding.length);
      bytes.set(input.bytes);
      bytes.set(padding, input.bytes.length);
      out.push({
        sourceFile: `synthetic-${k}-${input.sourceFile}`,
        bytes,
        hints: { ...input.hints, province: PROVINCES[(k * inputs.length + i) % PROVINCES.length] },
      });
    }
  }
  return out;
}

/**
 * What ingesting `syntheticCorpus(inputs, factor)` yields before dedupe, built from one ingest of the real
 * corpus: copy k of each document (and its cases) filed under the province syntheticCorpus gives it, ids
 * suffixed so they stay unique. Used to time the corpus-wide stages at sizes too slow to ingest in full.
 */
export function replicateCases(cases: CaseRow[], documents: DocumentRow[], factor: number): { cases: CaseRow[]; documents: DocumentRow[] } {
  const docIndex = new Map(documents.map((d, i) => [d.doc_id, i]));
  const outCases: CaseRow[] = [];
  const outDocs: DocumentRow[] = [];
  for (let k = 0; k < factor; k++) {
    const province = (i: number) => (k === 0 ? documents[i].province : PROVINCES[(k * documents.length + i) % PROVINCES.length]);
    const suffix = k === 0 ? '' : `-s${k}`;
    documents.forEach((d, i) => outDocs.push({ ...d, doc_id: d.doc_id + suffix, province: province(i) }));
    for (const c of cases) {
      const i = docIndex.get(c.doc_id)!;
      // A city or county case keeps its city's province (the ingest locates it from the place its title or
      // body names); a province-level one takes the copy's province (approximately what locate does: a
      // 省… title speaks of the document's province).
      const own = c.city !== null ? c.province : province(i);
      outCases.push({ ...c, case_id: c.case_id + suffix, doc_id: c.doc_id + suffix, province: own, duplicate_of: null });
    }
  }
  return { cases: outCases, documents: outDocs };
}
