// Runs before `npm test` (the `pretest` script): makes sure the machine has what the end-to-end tests drive
// (scripts/system-deps.ts). As root with apt-get, it installs what is missing from Debian's packages;
// otherwise it stops with one line saying what to install. nginx is only needed by the deployment test,
// which is skipped without it, so its absence is reported but does not stop the tests.
import { spawnSync } from 'node:child_process';
import { cjkFontFamilies, DEBIAN_PACKAGES, findChromium, findNginx, findProgram } from './system-deps.ts';

interface Missing {
  /** What the tests lack, in words. */
  what: string;
  packages: readonly string[];
  /** false: only the deployment test needs it, and is skipped without it. */
  required: boolean;
}

function missingNow(): Missing[] {
  const missing: Missing[] = [];
  if (!findChromium().path) missing.push({ what: 'Chromium', packages: DEBIAN_PACKAGES.chromium, required: true });
  if (!cjkFontFamilies()?.length) missing.push({ what: 'CJK fonts', packages: DEBIAN_PACKAGES.cjkFonts, required: true });
  if (!findNginx()) missing.push({ what: 'nginx with brotli_static', packages: DEBIAN_PACKAGES.nginx, required: false });
  return missing;
}

const packagesOf = (missing: Missing[]) => missing.flatMap((m) => m.packages).join(' ');
const whatOf = (missing: Missing[]) => missing.map((m) => m.what).join(' and ');

function canInstall(): boolean {
  return process.getuid?.() === 0 && findProgram('apt-get') !== null;
}

/** apt-get, quiet unless it fails (then its output explains why). */
function aptGet(args: string[]): void {
  const result = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`apt-get ${args.join(' ')} failed with ${result.status ?? result.signal}`);
  }
}

function main(): number {
  const chromium = findChromium();
  if (chromium.fromEnv && !chromium.path) {
    console.error(`test setup: CHROMIUM=${process.env.CHROMIUM} is not an executable browser; point it at one, or unset it to use Debian's chromium.`);
    return 1;
  }
  let missing = missingNow();
  const installing = missing.length > 0 && canInstall();
  if (installing) {
    console.log(`test setup: installing ${whatOf(missing)} (apt-get install ${packagesOf(missing)})`);
    try {
      aptGet(['update', '-qq']);
      aptGet(['install', '-y', '-qq', ...missing.flatMap((m) => m.packages)]);
    } catch (error) {
      console.error(`test setup: ${(error as Error).message}`);
    }
    missing = missingNow();
  }
  const required = missing.filter((m) => m.required);
  if (required.length > 0) {
    console.error(
      `test setup: the end-to-end tests need ${whatOf(required)}: run \`sudo apt-get install -y ${packagesOf(missing)}\`` +
        (installing ? '' : ' (or `npm test` as root, which does it)') +
        (required.some((m) => m.what === 'Chromium') ? ', or set CHROMIUM to another Chromium or Chrome.' : '.'),
    );
    return 1;
  }
  if (missing.length > 0) {
    console.log(`test setup: no ${whatOf(missing)}, so the deployment test will be skipped (to run it: sudo apt-get install -y ${packagesOf(missing)})`);
  }
  return 0;
}

process.exitCode = main();
