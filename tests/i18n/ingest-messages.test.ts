// The ingest's messages (codes + parameters, src/ingest/messages.ts) in both UI languages
// (src/i18n/ingest-messages.ts): every code in both, the Chinese with no English sentence, every parameter
// filled, and what the corpus really produces said in Chinese.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INGEST_MESSAGES, ingestMessage } from '../../src/i18n/ingest-messages.ts';
import { messageText, type IngestMessage } from '../../src/ingest/messages.ts';
import { ingestDocument } from '../../src/ingest/pipeline.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';
import { RAW_DIR } from '../helpers/paths.ts';

const SAMPLES: IngestMessage[] = [
  { code: 'hint_conflict', params: { field: 'year', text: 2023, manifest: 2024 } },
  { code: 'announced_mismatch', params: { announced: 36, found: 35 } },
  { code: 'published_contradicts_year', params: { published: '2022-07-21', year: 2023 } },
  { code: 'cases_without_text', params: { n: 4, found: 4 } },
  { code: 'several_provinces', params: { n: 5 } },
  { code: 'seq_collision', params: {} },
  { code: 'last_case_long', params: { title: '泉州市推行“一件事”集成改革', paragraphs: 5, usual: 2 } },
  { code: 'first_case_preamble', params: { title: '坚持问题导向 持续打造一流营商环境' } },
  { code: 'prefix_renamed', params: { shared: 'fj-2023-b2', used: 'fj-2023-b2-x1' } },
  { code: 'page_chrome_dropped', params: { n: 14 } },
  { code: 'cases_excluded', params: { n: 2 } },
  { code: 'origin_analyst', params: {} },
  { code: 'origin_manifest', params: {} },
  { code: 'origin_named_by', params: { by: 'issuer' } },
  { code: 'origin_case_places', params: {} },
  { code: 'origin_latest_date', params: { year: 2023 } },
  { code: 'origin_most_named_year', params: { times: 4 } },
];

/** English words of two letters or more: a Chinese message may name sources.json or an id, never say a sentence. */
const englishWords = (text: string) => (text.replace(/sources\.json|[a-z]{2}-\d{4}-b\d[\w-]*/g, '').match(/[A-Za-z]{2,}/g) ?? []);

describe('ingest messages', () => {
  it('every code has a template in both languages, and every sample fills all its placeholders', () => {
    expect(new Set(SAMPLES.map((m) => m.code))).toEqual(new Set(Object.keys(INGEST_MESSAGES)));
    for (const message of SAMPLES) {
      for (const lang of ['zh', 'en'] as const) {
        const text = ingestMessage(message, lang);
        expect(text, `${message.code} ${lang}`).not.toMatch(/[{}]/);
        for (const value of Object.values(message.params)) {
          if (typeof value === 'number') expect(text).toContain(String(value));
        }
      }
      expect(englishWords(ingestMessage(message, 'zh')), message.code).toEqual([]);
      expect(messageText(message).length).toBeGreaterThan(0);
    }
  });

  it('what the corpus really reports (warnings, where inferred values came from) reads in Chinese in the Chinese UI', async () => {
    const dataset = await ingestRawCorpus();
    const messages = dataset.results.flatMap((r) => [...r.report.warnings, ...r.report.origins.map((o) => o.detail)]);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(englishWords(ingestMessage(message, 'zh')), JSON.stringify(message)).toEqual([]);
      expect(ingestMessage(message, 'en'), JSON.stringify(message)).not.toMatch(/\p{Script=Han}|[{}]/u);
    }
  });

  it('a notice announcing more cases than it lists says so with both numbers, in Chinese', async () => {
    // A real notice of the corpus with its announced count raised by two: "共48个" → "共50个" (either script).
    const file = readdirSync(RAW_DIR).find((name) => /共\s*\d+\s*[个個]/.test(readFileSync(path.join(RAW_DIR, name), 'utf8')))!;
    const original = readFileSync(path.join(RAW_DIR, file), 'utf8');
    const announced = Number(/共\s*(\d+)\s*[个個]/.exec(original)![1]);
    const text = original.replace(/共\s*\d+\s*([个個])/, `共${announced + 2}$1`);
    const result = ingestDocument({ sourceFile: file, bytes: new TextEncoder().encode(text) });
    const mismatch = result.report.warnings.find((w) => w.code === 'announced_mismatch');
    expect(mismatch).toEqual({ code: 'announced_mismatch', params: { announced: announced + 2, found: result.cases.length } });
    expect(ingestMessage(mismatch!, 'zh')).toBe(`公告称共 ${announced + 2} 个案例，实际找到 ${result.cases.length} 个`);
    expect(ingestMessage(mismatch!, 'en')).toBe(`the notice announces ${announced + 2} cases, ${result.cases.length} were found`);
  });

  it('a sentence stored before messages had codes is shown as it is', () => {
    expect(ingestMessage('the notice announces 36 cases, 35 were found', 'zh')).toBe('the notice announces 36 cases, 35 were found');
  });
});
