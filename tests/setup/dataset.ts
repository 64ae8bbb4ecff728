// vitest globalSetup: the dataset every data and e2e test reads is made (or refreshed) once, before any
// test file starts. And a place for this run's ingested corpus: the first file that needs the corpus ingested
// leaves it there for the others (tests/helpers/etl.ts, ingestRawCorpus), removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDataset } from '../helpers/dataset.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run keeps the corpus ingested once (JSON), made by the first file that asks for it. */
    ingestedCorpus: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  await ensureDataset();
  const dir = mkdtempSync(join(tmpdir(), 'ingested-corpus-'));
  project.provide('ingestedCorpus', join(dir, 'corpus.json'));
  return () => rmSync(dir, { recursive: true, force: true });
}
