// What the tests and the benchmark need from the operating system rather than from npm, and where it is:
// a Chromium to drive, fonts that draw Chinese (or every chart label is a row of boxes), and Debian's
// nginx with its brotli_static module (the deployment test serves the build through it).
// scripts/test-setup.ts installs what is missing; everything else only asks these functions.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's packages that provide each need (apt-get install names). */
export const DEBIAN_PACKAGES = {
  chromium: ['chromium'],
  cjkFonts: ['fonts-noto-cjk', 'fontconfig'],
  nginx: ['nginx', 'libnginx-mod-http-brotli-static'],
} as const;

/** Where Debian's nginx keeps its dynamic modules, and the one the deployment configuration loads. */
export const NGINX_BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, then in `extraDirs` (sbin is not on a normal user's PATH). */
export function findProgram(name: string, extraDirs: string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The browser the tests drive: $CHROMIUM if set (any Chromium or Chrome), else Debian's `chromium` on PATH. */
export function findChromium(): { path: string | null; fromEnv: boolean } {
  const fromEnv = process.env.CHROMIUM;
  if (fromEnv) return { path: isExecutable(fromEnv) ? fromEnv : null, fromEnv: true };
  return { path: findProgram('chromium'), fromEnv: false };
}

/** The browser's path for playwright-core's `executablePath`, or an error that says what to do. */
export function chromiumPath(): string {
  const { path, fromEnv } = findChromium();
  if (path) return path;
  throw new Error(
    fromEnv
      ? `CHROMIUM=${process.env.CHROMIUM} is not an executable browser`
      : 'no Chromium found: run `npm test` once as root (it installs Debian\'s chromium), or set CHROMIUM=/path/to/chromium',
  );
}

/** Font families that cover Chinese, as fontconfig sees them; null when fontconfig's fc-list is missing. */
export function cjkFontFamilies(): string[] | null {
  const fcList = findProgram('fc-list');
  if (!fcList) return null;
  const result = spawnSync(fcList, [':lang=zh', 'family'], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** nginx and its brotli_static module, or null if either is missing. */
export function findNginx(): { path: string; brotliStaticModule: string } | null {
  const path = findProgram('nginx', ['/usr/sbin', '/usr/local/sbin']);
  if (!path || !existsSync(NGINX_BROTLI_STATIC_MODULE)) return null;
  return { path, brotliStaticModule: NGINX_BROTLI_STATIC_MODULE };
}
