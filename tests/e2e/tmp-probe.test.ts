import { test } from 'vitest';
import { startApp } from './harness.ts';
test('probe cancel', async () => {
  const app = await startApp();
  const { page } = await app.newPage('?view=sql');
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  const editor = page.locator('[data-testid="sql-editor"]');
  await editor.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: '/tmp/shots/sql-empty.png' });
  await editor.fill('SELECT count(*) AS n FROM range(100000) a(i), range(100000) b(j) WHERE (i * j) % 7919 = 1');
  const t0 = Date.now();
  await page.locator('[data-testid="sql-run"]').click();
  await page.waitForTimeout(1500);
  await page.locator('[data-testid="sql-cancel"]').click({ timeout: 10_000 });
  console.log('clicked cancel', Date.now() - t0);
  try { await page.locator('[data-testid="sql-cancelled"], [data-testid="sql-error"], [data-testid="sql-result"]').first().waitFor({ timeout: 60_000 }); } catch (e) { console.log('timeout'); }
  console.log('ended', Date.now() - t0, await page.locator('main').textContent().then(t => t?.slice(-300)));
  await app.close();
}, 120_000);
