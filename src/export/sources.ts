// Node only: reading source documents from disk, with the optional manifest (sources.json) beside them.
// A directory contributes every notice in it (*.txt, *.html, *.htm, *.docx); a file is read whatever its name. The manifest adds what a
// document does not say about itself, keyed by file name.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DOCUMENT_EXTENSIONS, hasDocumentExtension } from '../ingest/formats.ts';
import { preReadPdf, type PdfJs } from '../ingest/read-pdf.ts';
import type { IngestDocumentInput } from '../ingest/pipeline.ts';
import type { SourceHints } from '../ingest/types.ts';

export const MANIFEST = 'sources.json';

// PDF.js's build for Node, loaded when a PDF is met; its character maps (for fonts that name a predefined
// Chinese encoding instead of embedding one) are read from the package.
const loadPdfJs = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
const PDF_CMAPS = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;

const SOURCE_HINT_TYPES: Record<keyof SourceHints, 'string' | 'number'> = {
  province: 'string',
  year: 'number',
  batch: 'number',
  published: 'string',
  issuer: 'string',
  title: 'string',
  source_url: 'string',
};

/** A problem in a manifest: the file is named, and the entry and hint when it is one of them. */
export interface ManifestProblem {
  manifest: string;
  message: string;
}

export interface Manifest {
  hints: Map<string, SourceHints>;
  problems: ManifestProblem[];
}

/** A real calendar date written YYYY-MM-DD (not 2023-13-45). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** Why a hint's value cannot be used, or null when it can. */
function hintProblem(key: keyof SourceHints, value: unknown): string | null {
  const type = SOURCE_HINT_TYPES[key];
  if (typeof value !== type) return `should be a ${type}`;
  if (key === 'published' && !isIsoDate(value as string)) return `${JSON.stringify(value)} is not a YYYY-MM-DD date`;
  // Only web addresses: the app links to it, and a javascript: or data: address must never become a link.
  if (key === 'source_url' && !/^https?:\/\/[^\s]+$/i.test(value as string)) return `${JSON.stringify(value)} is not an http(s) address`;
  if ((key === 'year' || key === 'batch') && !Number.isInteger(value)) return `${String(value)} is not a whole number`;
  if (key === 'year' && ((value as number) < 1900 || (value as number) > 2100)) return `${String(value)} is not a plausible year`;
  return null;
}

/**
 * sources.json: { "<file name>": SourceHints, "_comment": … } — keys starting with "_" are notes.
 * Never throws for its content: a manifest that is not valid JSON (or not an object) gives no hints and one
 * problem naming the manifest; a bad entry or hint is left out and named (`sources.json: a.txt.published …`),
 * the rest is used. The documents are still read either way.
 */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST);
  const hints = new Map<string, SourceHints>();
  const problems: ManifestProblem[] = [];
  const problem = (message: string) => problems.push({ manifest: file, message: `${file}: ${message}` });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { hints, problems };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problem(`not valid JSON (${(error as Error).message}); no hints used from it`);
    return { hints, problems };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problem('should be an object keyed by file name; no hints used from it');
    return { hints, problems };
  }
  for (const [name, value] of Object.entries(json)) {
    if (name.startsWith('_')) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(`entry ${name} is not an object (ignored)`);
      continue;
    }
    const entry: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('_')) continue;
      if (!Object.hasOwn(SOURCE_HINT_TYPES, key)) {
        problem(`${name}.${key} is not a known hint (${Object.keys(SOURCE_HINT_TYPES).join(', ')}); ignored`);
        continue;
      }
      const why = hintProblem(key as keyof SourceHints, v);
      if (why) {
        problem(`${name}.${key} ${why}; ignored`);
        continue;
      }
      entry[key] = v;
    }
    hints.set(name, entry as SourceHints);
  }
  return { hints, problems };
}

export interface Collected {
  inputs: IngestDocumentInput[];
  unreadable: { sourceFile: string; message: string }[];
  /** Problems of the manifests read (each manifest once). */
  manifestProblems: ManifestProblem[];
}

export async function collectInputs(paths: string[]): Promise<Collected> {
  const inputs: IngestDocumentInput[] = [];
  const unreadable: Collected['unreadable'] = [];
  const manifests = new Map<string, Manifest>();
  const hintsFor = async (file: string): Promise<SourceHints | undefined> => {
    const dir = path.dirname(file);
    if (!manifests.has(dir)) manifests.set(dir, await readManifest(dir));
    return manifests.get(dir)?.hints.get(path.basename(file));
  };
  const addFile = async (file: string) => {
    try {
      const bytes = new Uint8Array(await readFile(file));
      const preRead = await preReadPdf(path.basename(file), bytes, loadPdfJs, { cMapUrl: PDF_CMAPS });
      inputs.push({ sourceFile: path.basename(file), bytes, hints: await hintsFor(file), ...(preRead ? { preRead } : {}) });
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
      const names = (await readdir(p)).filter(hasDocumentExtension).sort();
      if (names.length === 0) unreadable.push({ sourceFile: path.basename(p), message: `${p}: no documents (${DOCUMENT_EXTENSIONS.join(' ')}) in this directory` });
      for (const name of names) await addFile(path.join(p, name));
    } else {
      await addFile(p);
    }
  }
  return { inputs, unreadable, manifestProblems: [...manifests.values()].flatMap((m) => m.problems) };
}

