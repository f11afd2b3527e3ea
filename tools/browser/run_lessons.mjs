// Opens lessons in headless Chromium the way a student does: load the page, wait for the kernel,
// Run All, wait until every cell has run, then read what the page shows and save a screenshot.
// Usage: node run_lessons.mjs BASE_URL TOKEN UI(classic|lab) SCREENSHOT_DIR NOTEBOOK...
// Prints one JSON object per notebook on stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, token, ui, shots, ...notebooks] = process.argv.slice(2);
const KERNEL_WAIT_MS = 45_000;
const RUN_WAIT_MS = 180_000;
const STARTS = 4;
// A restart that overlaps a slow start can leave the page waiting on a kernel that will never answer;
// the lesson is then run again from a fresh kernel and the notebook as it was.
const ATTEMPTS = 2;

const CLASSIC = {
  url: (nb) => `${base}/notebooks/${encodeURIComponent(nb)}?token=${token}`,
  idle: () => {
    const icon = document.querySelector('#kernel_indicator_icon');
    return !!icon && icon.classList.contains('kernel_idle_icon') && !!Jupyter.notebook.kernel;
  },
  restart: () => Jupyter.notebook.kernel.restart(),
  runAll: async (page) => {
    await page.click('#celllink');
    await page.click('#run_all_cells');
  },
  prompts: '.code_cell .input_prompt',
  done: (text) => /In\s*\[\d+\]/.test(text),
  counts: () => ({
    codeCells: document.querySelectorAll('.code_cell').length,
    errors: Array.from(document.querySelectorAll('.output_error')).map((e) => e.innerText.slice(0, 300)),
    stderr: document.querySelectorAll('.output_stderr').length,
    images: document.querySelectorAll('.output_png img').length,
    visibleImages: Array.from(document.querySelectorAll('.output_png img'))
      .filter((img) => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0).length,
    tables: document.querySelectorAll('.output_html table').length,
  }),
  unclip: () => {
    document.body.style.overflow = 'visible';
    const site = document.getElementById('site');
    if (site) { site.style.height = 'auto'; site.style.overflow = 'visible'; }
  },
};

const LAB = {
  url: (nb) => `${base}/lab/tree/${encodeURIComponent(nb)}?token=${token}`,
  idle: () => {
    const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
    return !!status && status.getAttribute('data-status') === 'idle';
  },
  restart: null,
  runAll: async (page) => {
    await page.click('.lm-MenuBar-itemLabel:text-is("Run")');
    await page.click('li[data-command="notebook:run-all-cells"]');
  },
  prompts: '.jp-CodeCell .jp-InputArea-prompt',
  done: (text) => /\[\d+\]/.test(text),
  counts: () => ({
    codeCells: document.querySelectorAll('.jp-CodeCell').length,
    errors: Array.from(document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
      .filter((e) => e.closest('.jp-OutputArea-child')?.querySelector('.jp-OutputPrompt') && /Error|Exception/.test(e.innerText))
      .map((e) => e.innerText.slice(0, 300)),
    stderr: document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length,
    images: document.querySelectorAll('.jp-RenderedImage img').length,
    visibleImages: Array.from(document.querySelectorAll('.jp-RenderedImage img'))
      .filter((img) => img.complete && img.naturalWidth > 0).length,
    tables: document.querySelectorAll('.jp-RenderedHTMLCommon table').length,
  }),
  unclip: () => {},
};

async function waitFor(page, fn, timeout) {
  try {
    await page.waitForFunction(fn, null, { timeout, polling: 250 });
    return true;
  } catch {
    return false;
  }
}

async function allRan(page, view) {
  const texts = await page.$$eval(view.prompts, (els) => els.map((e) => e.innerText));
  return texts.length > 0 && texts.every(view.done);
}

async function runLesson(browser, view, nb) {
  const began = Date.now();
  const page = await browser.newPage();
  const result = { notebook: nb, kernelStarts: 0, ranAll: false };
  try {
    await page.goto(view.url(nb), { waitUntil: 'load' });
    let ready = false;
    while (!ready && result.kernelStarts < STARTS) {
      result.kernelStarts += 1;
      if (result.kernelStarts > 1) {
        if (view.restart) await page.evaluate(view.restart); else await page.reload({ waitUntil: 'load' });
      }
      ready = await waitFor(page, view.idle, KERNEL_WAIT_MS);
    }
    if (!ready) {
      result.problem = `the kernel was not ready after ${STARTS} starts`;
      return result;
    }
    await view.runAll(page);
    const deadline = Date.now() + RUN_WAIT_MS;
    while (Date.now() < deadline && !(await allRan(page, view) && await page.evaluate(view.idle))) {
      await page.waitForTimeout(500);
    }
    result.ranAll = await allRan(page, view);
    Object.assign(result, await page.evaluate(view.counts));
    await page.evaluate(view.unclip);
    result.screenshot = join(shots, nb.replace(/\//g, '__').replace(/\.ipynb$/, '.png'));
    await page.screenshot({ path: result.screenshot, fullPage: true });
  } catch (e) {
    result.problem = `${e.name}: ${e.message.split('\n')[0]}`;
  } finally {
    result.seconds = (Date.now() - began) / 1000;
    await page.close();
  }
  return result;
}

const profile = mkdtempSync(join(tmpdir(), 'rnnkit-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});

async function api(method, path, data) {
  const response = await browser.request.fetch(`${base}/api/${path}?token=${token}`, { method, data });
  if (!response.ok()) throw new Error(`${method} /api/${path}: HTTP ${response.status()}`);
  return response.status() === 204 ? null : response.json();
}

const contentsPath = (nb) => `contents/${nb.split('/').map(encodeURIComponent).join('/')}`;

// Stops the lesson's kernel and puts the notebook back without the outputs the failed attempt saved.
async function reset(nb, original) {
  for (const session of await api('GET', 'sessions')) {
    if ((session.path ?? session.notebook?.path) === nb) await api('DELETE', `sessions/${session.id}`);
  }
  await api('PUT', contentsPath(nb), { type: 'notebook', format: 'json', content: original.content });
}

try {
  const view = ui === 'lab' ? LAB : CLASSIC;
  for (const nb of notebooks) {
    const original = await api('GET', contentsPath(nb));
    let result;
    let starts = 0;
    let seconds = 0;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) await reset(nb, original);
      result = await runLesson(browser, view, nb);
      starts += result.kernelStarts;
      seconds += result.seconds;
      result.attempts = attempt;
      if (!result.problem && result.ranAll) break;
    }
    console.log(JSON.stringify({ ...result, kernelStarts: starts, seconds }));
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
