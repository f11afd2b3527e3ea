// Opens lessons in headless Chromium the way a student does, in JupyterLab 4 or Notebook 7: load the
// page, wait for the kernel, Run › Run All Cells, wait until every cell has run and the kernel is idle,
// File › Save, then read what the page shows, cell by cell, and save a screenshot. Then it moves every
// knob of every movable figure (a Vega-Lite chart with inputs bound to its parameters) one step and
// records whether the chart changed, with a screenshot of the figure before and after.
// Usage: JUPYTER_TOKEN=… node run_lessons.mjs BASE_URL SCREENSHOT_DIR UI:NOTEBOOK...   (UI is lab or notebook)
// Prints one JSON object per UI:NOTEBOOK on stdout; judging what it saw is left to browser.py.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, shots, ...runs] = process.argv.slice(2);
const token = process.env.JUPYTER_TOKEN;
// The kit's launcher restarts a hung start by itself, so a slow start is waited for, not retried.
const KERNEL_WAIT_MS = 60_000;
const RUN_WAIT_MS = 180_000;
const MATH_WAIT_MS = 20_000;
// No lesson cell runs this long (the longest experiments take up to 45 s on a quiet machine): a run whose
// count of finished cells stands still this long has stalled.
const STALL_MS = 120_000;
const STARTS = 2;
// A kernel that hangs mid-run leaves the page waiting forever; the lesson
// is then run again from a fresh kernel and the notebook as it was.
const ATTEMPTS = 2;
const MAX_SHOT_HEIGHT = 16_000;
// Vega redraws asynchronously after an input event; a chart that has not changed by then did not react.
const REDRAW_WAIT_MS = 5_000;

// Lab and Notebook 7 share the notebook widgets, the menu bar and its commands; only the address differs.
const URLS = {
  lab: (nb) => `${base}/lab/tree/${encodeURI(nb)}?token=${token}&reset`,
  notebook: (nb) => `${base}/notebooks/${encodeURI(nb)}?token=${token}`,
};
const PANEL = '.jp-NotebookPanel:not(.lm-mod-hidden)';

function progress(panel) {
  const prompts = Array.from(document.querySelectorAll(`${panel} .jp-CodeCell .jp-InputArea-prompt`));
  return {
    ran: prompts.filter((p) => /\[\d+\]/.test(p.textContent)).length,
    cells: prompts.length,
    status: document.querySelector(`${panel} .jp-Notebook-ExecutionIndicator`)?.getAttribute('data-status') ?? 'none',
  };
}

// Text is read as textContent: a cell scrolled out of view is not laid out (CSS content-visibility), and
// its innerText is empty although the student sees it on scrolling.

// Markdown with `$…$` is typeset by MathJax after it renders: wait until no cell still shows the dollars.
function mathTypeset(panel) {
  return Array.from(document.querySelectorAll(`${panel} .jp-RenderedMarkdown`))
    .every((md) => !/\$[^$\n]+\$/.test(md.textContent));
}

// What the student sees, cell by cell, in notebook order.
function snapshot(panel) {
  const visible = (img) => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0;
  return Array.from(document.querySelectorAll(`${panel} .jp-Notebook .jp-Cell`)).map((cell) => {
    const markdown = cell.classList.contains('jp-MarkdownCell');
    const rendered = cell.querySelector('.jp-MarkdownOutput');
    return {
      type: markdown ? 'markdown' : cell.classList.contains('jp-CodeCell') ? 'code' : 'raw',
      prompt: cell.querySelector('.jp-InputArea-prompt')?.textContent.trim() ?? '',
      rendered: markdown ? cell.classList.contains('jp-mod-rendered') : null,
      math: markdown && rendered ? rendered.querySelectorAll('mjx-container').length : 0,
      text: markdown && rendered ? rendered.textContent.slice(0, 300) : '',
      outputs: Array.from(cell.querySelectorAll('.jp-OutputArea-output')).map((out) => ({
        mime: out.getAttribute('data-mime-type') ?? '',
        text: out.textContent.slice(0, 400),
        images: Array.from(out.querySelectorAll('img')).filter(visible).length,
        tables: out.querySelectorAll('table').length,
        math: out.querySelectorAll('mjx-container').length,
        vega: out.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length,
        knobs: out.querySelectorAll('.vega-bindings input, .vega-bindings select').length,
      })),
    };
  });
}

async function waitFor(page, fn, timeout) {
  try {
    await page.waitForFunction(fn, PANEL, { timeout, polling: 250 });
    return true;
  } catch {
    return false;
  }
}

// Ready when the page shows the kernel idle and the server has had the kernel's first reply: a kernel
// that hangs at start-up can look idle to the page while the server still waits for it.
async function kernelReady(page, nb) {
  const deadline = Date.now() + KERNEL_WAIT_MS;
  let seen = {};
  while (Date.now() < deadline) {
    const session = (await api('GET', 'sessions')).find((s) => s.path === nb);
    seen = { page: (await page.evaluate(progress, PANEL)).status, server: session?.kernel?.execution_state ?? 'no session' };
    if (seen.page === 'idle' && seen.server === 'idle') return null;
    await page.waitForTimeout(500);
  }
  return `the page showed the kernel '${seen.page}', the server '${seen.server}'`;
}

// Waits until every code cell has its execution count and the kernel is idle; a problem otherwise.
async function runAll(page) {
  const began = Date.now();
  let state = await page.evaluate(progress, PANEL);
  let ran = -1;
  let changed = began;
  while (!(state.status === 'idle' && state.ran === state.cells)) {
    const now = Date.now();
    if (state.ran !== ran) {
      [ran, changed] = [state.ran, now];
    } else if (now - changed > STALL_MS) {
      return `Run All stalled: ${state.ran} of ${state.cells} code cells had run and none more for ${STALL_MS / 1000} s (kernel: ${state.status})`;
    }
    if (now - began > RUN_WAIT_MS) {
      return `Run All had not finished after ${RUN_WAIT_MS / 1000} s: ${state.ran} of ${state.cells} code cells ran (kernel: ${state.status})`;
    }
    await page.waitForTimeout(500);
    state = await page.evaluate(progress, PANEL);
  }
  return null;
}

async function menu(page, label, command) {
  await page.click(`.lm-MenuBar-itemLabel:text-is("${label}")`);
  await page.click(`.lm-Menu-item[data-command="${command}"]`);
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

// Stops the lesson's kernels: a hung one before a new start, every one once the lesson is checked.
async function stopKernels(nb) {
  for (const session of await api('GET', 'sessions')) {
    if (session.path === nb) await api('DELETE', `sessions/${session.id}`);
  }
}

// The whole notebook in one picture: the page is made as tall as the notebook's content, scrolled to the top.
async function screenshot(page, path) {
  const height = await page.evaluate((panel) => {
    const outer = document.querySelector(`${panel} .jp-WindowedPanel-outer`);
    return outer ? outer.scrollHeight - outer.clientHeight : 0;
  }, PANEL);
  await page.setViewportSize({ width: 1280, height: Math.min(900 + height, MAX_SHOT_HEIGHT) });
  await page.evaluate((panel) => {
    const outer = document.querySelector(`${panel} .jp-WindowedPanel-outer`);
    if (outer) outer.scrollTop = 0;
  }, PANEL);
  await page.waitForTimeout(1000);
  await page.screenshot({ path });
  await page.setViewportSize({ width: 1280, height: 900 });
}

// What a Vega chart draws, to tell whether it changed: a canvas's pixels, or an SVG's markup.
function drawn(output) {
  const canvas = output.querySelector('.vega-embed canvas');
  if (canvas) return canvas.toDataURL();
  return output.querySelector('.vega-embed svg')?.outerHTML ?? '';
}

// One knob moved one step as a student would, with the mouse: a slider is clicked on its track where the
// next position lies (one step right, or left at the end; the browser snaps to the nearest step), a
// dropdown set to its next option, the next radio button clicked. (An arrow key pressed on a focused
// slider left its value unchanged in both UIs, so the mouse is used.) Returns what the knob showed before
// and after, as the page reads it.
async function moveKnob(knob) {
  const kind = await knob.evaluate((el) => (el.tagName === 'SELECT' ? 'select' : el.type));
  const value = () => knob.evaluate((el) => (el.type === 'radio'
    ? el.closest('.vega-bind').querySelector('input:checked')?.value : el.value));
  const before = await value();
  if (kind === 'range') {
    const [min, max, step, now] = await knob.evaluate((el) => [el.min, el.max, el.step, el.value].map(Number));
    const target = now + step <= max + step / 2 ? now + step : now - step;
    await knob.scrollIntoViewIfNeeded();
    const box = await knob.boundingBox();
    const thumb = Math.min(16, box.width / 4);   // Chromium's thumb travels the track less its own width
    const x = box.x + thumb / 2 + ((target - min) / (max - min)) * (box.width - thumb);
    await knob.page().mouse.click(x, box.y + box.height / 2);
  } else if (kind === 'select') {
    const options = await knob.evaluate((el) => Array.from(el.options).map((o) => o.value));
    await knob.selectOption(options[(options.indexOf(before) + 1) % options.length]);
  } else {
    const buttons = knob.locator('xpath=ancestor::*[contains(@class, "vega-bind")][1]//input[@type="radio"]');
    const values = await buttons.evaluateAll((els) => els.map((e) => e.value));
    await buttons.nth((values.indexOf(before) + 1) % values.length).click();
  }
  return { kind, before, after: await value() };
}

// Every movable figure of the page: each knob moved one step, and whether the chart then changed.
// Radio buttons of one knob count once. Screenshots: the figure as it opened, and after each move.
async function moveFigures(page, shotStem) {
  const figures = [];
  const cells = page.locator(`${PANEL} .jp-Notebook .jp-Cell`);
  for (let cell = 0; cell < await cells.count(); cell++) {
    // JupyterLab's Vega renderer sets no data-mime-type: a figure is an output holding a Vega embed
    const outputs = cells.nth(cell).locator('.jp-OutputArea-output:has(.vega-embed)');
    for (let o = 0; o < await outputs.count(); o++) {
      const output = outputs.nth(o);
      await output.scrollIntoViewIfNeeded();
      const figure = { cell, shots: [join(shots, `${shotStem}-cell${cell}-figure${o}-opened.png`)], moves: [] };
      await output.screenshot({ path: figure.shots[0] });
      const knobs = output.locator('.vega-bindings .vega-bind');
      for (let k = 0; k < await knobs.count(); k++) {
        const knob = knobs.nth(k).locator('input, select').first();
        const name = (await knobs.nth(k).locator('.vega-bind-name').textContent()).trim();
        const was = await output.evaluate(drawn);
        const move = { knob: name, ...(await moveKnob(knob)) };
        move.changed = await page.waitForFunction(([el, old]) => {
          const canvas = el.querySelector('.vega-embed canvas');
          const now = canvas ? canvas.toDataURL() : el.querySelector('.vega-embed svg')?.outerHTML ?? '';
          return now !== old;
        }, [await output.elementHandle(), was], { timeout: REDRAW_WAIT_MS, polling: 100 }).then(() => true, () => false);
        const shot = join(shots, `${shotStem}-cell${cell}-figure${o}-moved-${k}.png`);
        await output.screenshot({ path: shot });
        figure.shots.push(shot);
        figure.moves.push(move);
      }
      figures.push(figure);
    }
  }
  return figures;
}

async function runLesson(ui, nb) {
  const began = Date.now();
  const page = await browser.newPage();
  const result = { notebook: nb, ui, kernelStarts: 0, ranAll: false };
  try {
    await page.goto(URLS[ui](nb), { waitUntil: 'load' });
    let notReady = 'not started';
    while (notReady && result.kernelStarts < STARTS) {
      result.kernelStarts += 1;
      if (result.kernelStarts > 1) {
        await stopKernels(nb);
        await page.reload({ waitUntil: 'load' });
      }
      notReady = await kernelReady(page, nb);
    }
    if (notReady) {
      result.problem = `the kernel was not ready after ${STARTS} starts of ${KERNEL_WAIT_MS / 1000} s: ${notReady}`;
      return result;
    }
    const clicked = Date.now();
    await menu(page, 'Run', 'runmenu:run-all');
    const stalled = await runAll(page);
    result.runSeconds = (Date.now() - clicked) / 1000;
    result.ranAll = !stalled;
    if (stalled) result.problem = stalled;
    result.mathTypeset = await waitFor(page, mathTypeset, MATH_WAIT_MS);
    await menu(page, 'File', 'docmanager:save');
    result.cells = await page.evaluate(snapshot, PANEL);
    const stem = `${ui}-${nb.replace(/\//g, '__').replace(/\.ipynb$/, '')}`;
    result.screenshot = join(shots, `${stem}.png`);
    await screenshot(page, result.screenshot);
    result.figures = await moveFigures(page, stem);
  } catch (e) {
    result.problem = `${e.name}: ${e.message.split('\n')[0]}`;
  } finally {
    result.seconds = (Date.now() - began) / 1000;
    await page.close();
    await stopKernels(nb);
  }
  return result;
}

try {
  for (const run of runs) {
    const [ui, nb] = [run.slice(0, run.indexOf(':')), run.slice(run.indexOf(':') + 1)];
    if (!URLS[ui]) throw new Error(`unknown UI '${ui}' in '${run}': expected lab:NOTEBOOK or notebook:NOTEBOOK`);
    const original = await api('GET', contentsPath(nb));
    let result;
    let starts = 0;
    const earlier = [];
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        earlier.push(result.problem);
        await api('PUT', contentsPath(nb), { type: 'notebook', format: 'json', content: original.content });
      }
      result = await runLesson(ui, nb);
      starts += result.kernelStarts;
      result.attempts = attempt;
      if (!result.problem) break;
    }
    console.log(JSON.stringify({ ...result, kernelStarts: starts, earlierAttempts: earlier }));
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
