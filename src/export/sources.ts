// Node only: reading source documents from disk, with the optional manifest (sources.json) beside them.
// A directory contributes every *.txt in it; a file is read whatever its name. The manifest adds what a
// document does not say about itself, keyed by file name.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IngestDocumentInput } from '../ingest/pipeline.ts';
import type { SourceHints } from '../ingest/types.ts';

export const MANIFEST = 'sources.json';

const SOURCE_HINT_TYPES: Record<keyof SourceHints, 'string' | 'number'> = {
  province: 'string',
  year: 'number',
  batch: 'number',
  published: 'string',
  issuer: 'string',
  title: 'string',
};

/** sources.json: { "<file name>": SourceHints, "_comment": … } — keys starting with "_" are notes. */
export async function readManifest(dir: string): Promise<Map<string, SourceHints>> {
  const file = path.join(dir, MANIFEST);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return new Map();
  }
  const json = JSON.parse(text) as Record<string, unknown>;
  const hints = new Map<string, SourceHints>();
  for (const [name, value] of Object.entries(json)) {
    if (name.startsWith('_')) continue;
    if (typeof value !== 'object' || value === null) throw new Error(`${file}: entry ${name} is not an object`);
    const entry: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('_')) continue;
      const type = SOURCE_HINT_TYPES[key as keyof SourceHints];
      if (!type) throw new Error(`${file}: ${name}.${key} is not a known hint (${Object.keys(SOURCE_HINT_TYPES).join(', ')})`);
      if (typeof v !== type) throw new Error(`${file}: ${name}.${key} should be a ${type}`);
      entry[key] = v;
    }
    hints.set(name, entry as SourceHints);
  }
  return hints;
}

export interface Collected {
  inputs: IngestDocumentInput[];
  unreadable: { sourceFile: string; message: string }[];
}

export async function collectInputs(paths: string[]): Promise<Collected> {
  const inputs: IngestDocumentInput[] = [];
  const unreadable: Collected['unreadable'] = [];
  const manifests = new Map<string, Map<string, SourceHints>>();
  const hintsFor = async (file: string): Promise<SourceHints | undefined> => {
    const dir = path.dirname(file);
    if (!manifests.has(dir)) manifests.set(dir, await readManifest(dir));
    return manifests.get(dir)?.get(path.basename(file));
  };
  const addFile = async (file: string) => {
    try {
      const bytes = new Uint8Array(await readFile(file));
      inputs.push({ sourceFile: path.basename(file), bytes, hints: await hintsFor(file) });
    } catch (error) {
      unreadable.push({ sourceFile: path.basename(file), message: `${file}: cannot read (${(error as Error).message})` });
    }
  };
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (error) {
      unreadable.push({ sourceFile: path.basename(p), message: `${p}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
      if (names.length === 0) unreadable.push({ sourceFile: path.basename(p), message: `${p}: no .txt documents in this directory` });
      for (const name of names) await addFile(path.join(p, name));
    } else {
      await addFile(p);
    }
  }
  return { inputs, unreadable };
}

