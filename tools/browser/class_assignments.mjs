// A student on the class's JupyterHub, in headless Chromium: log in with the Unix password (the hub's login
// form, PAM), open JupyterLab's Nbgrader › Assignment List, and press Fetch (or Submit) on one assignment.
// Usage: CLASS_PASSWORD=… node class_assignments.mjs HUB_URL USER ASSIGNMENT fetch|submit SCREENSHOT.png
// Prints one JSON object: what each of the three lists (released, fetched, submitted) showed at the end.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [hub, user, assignment, action, shot] = process.argv.slice(2);
const WAIT_MS = 60_000;
const LISTS = ['released', 'fetched', 'submitted'];
const BUTTON = { fetch: ['released', 'Fetch'], submit: ['fetched', 'Submit'] };

const profile = mkdtempSync(join(tmpdir(), 'rnnkit-class-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});
const began = Date.now();
const report = { user, action, assignment };
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  await page.goto(`${hub}/hub/login`);
  await page.fill('#username_input', user);
  await page.fill('#password_input', process.env.CLASS_PASSWORD ?? '');
  await page.click('#login_submit');
  await page.waitForURL(new RegExp(`/user/${user}/lab`), { timeout: WAIT_MS });
  await page.click('.lm-MenuBar-itemLabel:text-is("Nbgrader")', { timeout: WAIT_MS });
  await page.click('.lm-Menu-item[data-command="nbgrader:open-assignment-list"]');
  const [list, label] = BUTTON[action];
  const row = page.locator(`#${list}_assignments_list .list_item`, { hasText: assignment });
  await row.locator(`button:text-is("${label}")`).first().click({ timeout: WAIT_MS });
  const done = action === 'fetch' ? 'fetched' : 'submitted';
  await page.locator(`#${done}_assignments_list .list_item`, { hasText: assignment }).first()
    .waitFor({ timeout: WAIT_MS });
  for (const name of LISTS) {
    report[name] = await page.locator(`#${name}_assignments_list .list_item`).allTextContents();
  }
  await page.screenshot({ path: shot });
  report.seconds = (Date.now() - began) / 1000;
} catch (e) {
  report.problem = `${action} in the Assignment List as ${user}: ${e.message.split('\n')[0]}`;
  const page = browser.pages()[0];
  if (page) await page.screenshot({ path: shot }).catch(() => {});
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(report));
