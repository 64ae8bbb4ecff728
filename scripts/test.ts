// `npm test`: the type check and the lint run alongside the tests rather than before them. Each is one process on
// one core for a minute or so, and vitest's start (the build, then the first files) leaves room for them. Their
// output is printed when they end; the exit code is non-zero if any of the three failed.
// Arguments go to vitest (`npm test -- tests/e2e/overview.test.ts`).
import { spawn } from 'node:child_process';

interface Finished {
  name: string;
  code: number;
  output: string;
}

/** Run an npm script or npx command; `quiet` keeps its output until it ends (so it does not cut into vitest's). */
function run(name: string, command: string, args: string[], quiet: boolean): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, TZ: 'UTC' } });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output }));
  });
}

const checks = [run('typecheck', 'npm', ['run', '--silent', 'typecheck'], true), run('lint', 'npm', ['run', '--silent', 'lint'], true)];
const tests = run('vitest', 'npx', ['vitest', 'run', ...process.argv.slice(2)], false);
const results = await Promise.all([...checks, tests]);
for (const { name, code, output } of results.slice(0, 2)) {
  console.log(`\n${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`}`);
  if (output.trim()) console.log(output.trimEnd());
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) console.log(`\nFailed: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
