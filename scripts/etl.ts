// npm run etl                                   data/raw/*.{txt,html,htm,docx} → public/data/ (Parquet + quality.json)
// npm run etl -- --in <file-or-dir>... --out <dir>   any documents of this family
//
// A directory contributes every notice in it (.txt, .html/.htm web pages, .docx Word files); a file is read
// whatever its name, its format told by its content. A `sources.json` beside the inputs (in the directory, or
// the file's directory) adds what a document does not say about itself, keyed by file name; without one, what
// the text does not state is inferred where it can be, else left null.
// An input that cannot be read is named with the reason, the others are still exported, and the exit status is 1.
// So is a bad manifest (named, not blamed on a document) or a bad hint in it (named with its file, then ignored).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportDataset, type Logger } from '../src/export/index.ts';
import { collectInputs } from '../src/export/sources.ts';
import { useInstalledWordList } from '../src/export/word-list.ts';
import { ingestCorpus } from '../src/ingest/pipeline.ts';
import { formatQualitySummary } from '../src/ingest/quality.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  inputs: string[];
  outDir: string;
}

function parseArgs(argv: string[]): Args {
  const inputs: string[] = [];
  let outDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--in') {
      const before = inputs.length;
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) inputs.push(argv[++i]);
      // `--in` alone must not fall back to data/raw: the user meant other documents.
      if (inputs.length === before) throw new Error('--in needs at least one file or directory (usage: etl [--in <file-or-dir>...] [--out <dir>])');
    } else if (arg === '--out') {
      outDir = argv[++i] ?? null;
      if (!outDir || outDir.startsWith('--')) throw new Error('--out needs a directory');
    } else {
      throw new Error(`unknown argument ${arg} (usage: etl [--in <file-or-dir>...] [--out <dir>])`);
    }
  }
  return {
    inputs: inputs.length > 0 ? inputs : [path.join(ROOT, 'data/raw')],
    outDir: outDir ?? path.join(ROOT, 'public/data'),
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  const logger: Logger = {
    info: (m) => console.log(m),
    warn: (m) => console.warn(m),
  };
  const { inputs, unreadable, manifestProblems } = await collectInputs(args.inputs);
  // A bad manifest entry is named and left out; the documents are read all the same (exit status 1 at the end).
  for (const p of manifestProblems) console.error(`MANIFEST: ${p.message}`);
  // A garbled notice's repair reads the installed word list (only if one is met).
  useInstalledWordList();
  const dataset = ingestCorpus(inputs);
  dataset.failures.unshift(...unreadable.map((u) => ({ sourceFile: u.sourceFile, reason: 'unreadable' as const, message: u.message })));

  if (dataset.documents.length === 0) {
    for (const f of dataset.failures) console.error(`FAILED: ${f.message}`);
    console.error(`No document could be read; nothing written to ${args.outDir}.`);
    return 1;
  }
  const report = await exportDataset(dataset, args.outDir, logger);
  console.log('');
  console.log(formatQualitySummary(report));
  console.log(`\nWrote ${args.outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  if (dataset.failures.length > 0) {
    console.error(`${dataset.failures.length} input(s) failed:`);
    for (const f of dataset.failures) console.error(`  ${f.message}`);
  }
  if (manifestProblems.length > 0) {
    console.error(`${manifestProblems.length} manifest problem(s):`);
    for (const p of manifestProblems) console.error(`  ${p.message}`);
  }
  return dataset.failures.length > 0 || manifestProblems.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
