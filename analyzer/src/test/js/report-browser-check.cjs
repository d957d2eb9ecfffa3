'use strict';
/*
 * Opens generated HTML reports in headless Chromium (through playwright-core, which drives the
 * system's /usr/bin/chromium: no browser download) and checks what a reader would see.
 * Run by HtmlBrowserTest:  node report-browser-check.cjs SPEC.json
 *
 * SPEC = { playwrightCore, chromium, screenshots, userDataDir, pages: [{ name, file, expectTexts,
 *          expectHostile, deepLinks, search }] }
 *
 * For every page: no request may leave the page except the file itself and data: URLs; no console
 * error, page error or CSP violation; the rendered text contains every expected string; hostile
 * pages must not run injected code (window.__pwned) nor create injected elements. Full-page
 * screenshots in light, dark and print are written for a person to look at. Prints one PASS/FAIL
 * line per page and exits 1 on any failure.
 */
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { chromium } = require(spec.playwrightCore);

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Collects every CSP violation the page reports; installed before any page script runs. */
function watchCsp() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
  });
}

async function checkPage(context, page, spec, failures) {
  const url = pathToFileURL(page.file).href;
  const tab = await context.newPage();
  const problems = [];
  tab.on('request', (request) => {
    const requested = request.url().split('#')[0];
    if (requested !== url && !requested.startsWith('data:')) problems.push('network request to ' + requested);
  });
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push('console ' + message.type() + ': ' + message.text());
  });
  tab.on('pageerror', (error) => problems.push('page error: ' + error.message));
  await tab.addInitScript(watchCsp);

  await tab.goto(url);
  await tab.waitForFunction(() => document.documentElement.dataset.rendered === 'true', null, { timeout: 15000 })
    .catch(() => problems.push('the report never finished rendering (script blocked or crashed?)'));

  const shown = await tab.evaluate(() => document.body.innerText);
  for (const expected of page.expectTexts) {
    if (!shown.includes(expected)) problems.push('rendered page does not show ' + JSON.stringify(expected.slice(0, 120)));
  }
  const state = await tab.evaluate(() => ({
    pwned: typeof window.__pwned !== 'undefined',
    injected: document.querySelectorAll('img, iframe, object, embed, form, base, link, meta[http-equiv=refresh]').length,
    scripts: document.querySelectorAll('script').length,
    handlers: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length,
    javascriptLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => !a.getAttribute('href').startsWith('#')).length,
    graphNodes: document.querySelectorAll('svg.graph .node').length,
    csp: window.__cspViolations || [],
  }));
  if (state.pwned) problems.push('injected code ran: window.__pwned is set');
  if (state.injected) problems.push(state.injected + ' injected element(s) (img/iframe/object/embed/form/base/link)');
  if (state.scripts !== 2) problems.push('expected exactly the 2 script elements of the template, found ' + state.scripts);
  if (state.handlers) problems.push(state.handlers + ' element(s) with on* attributes');
  if (state.javascriptLinks) problems.push(state.javascriptLinks + ' link(s) that are not in-page fragments');
  if (page.expectGraph && !state.graphNodes) problems.push('the graph has no nodes');
  state.csp.forEach((v) => problems.push('CSP violation: ' + v));

  if (page.search) {
    // Typing a column name must keep that column and hide columns that do not match.
    await tab.fill('#search', page.search);
    const result = await tab.evaluate(() => {
      const all = Array.from(document.querySelectorAll('details.column'));
      return { total: all.length, visible: all.filter((d) => !d.classList.contains('hidden')).map((d) => d.id) };
    });
    const wanted = 'column-' + page.search;
    if (!result.visible.includes(wanted) || (result.total > 1 && result.visible.length >= result.total)) {
      problems.push('search ' + JSON.stringify(page.search) + ' left visible ' + result.visible.length + ' of ' + result.total + ' columns');
    }
    await tab.fill('#search', '');
  }

  for (const id of page.deepLinks || []) {
    await tab.goto(url + '#' + encodeURIComponent(id));
    await tab.waitForFunction(() => document.documentElement.dataset.rendered === 'true');
    const target = await tab.evaluate(() => {
      const node = document.querySelector('.targeted');
      if (!node) return null;
      const box = node.getBoundingClientRect();
      return { id: node.id, top: box.top, open: node.tagName !== 'DETAILS' || node.open };
    });
    if (!target || target.id !== id) problems.push('deep link #' + id + ' did not select its element (got ' + JSON.stringify(target) + ')');
    else if (!target.open || target.top < -5 || target.top > 400) problems.push('deep link #' + id + ' is not open and scrolled to: ' + JSON.stringify(target));
  }

  await tab.goto(url);
  await tab.waitForFunction(() => document.documentElement.dataset.rendered === 'true');
  for (const scheme of ['light', 'dark']) {
    await tab.emulateMedia({ colorScheme: scheme, media: 'screen' });
    await tab.screenshot({ path: path.join(spec.screenshots, page.name + '-' + scheme + '.png'), fullPage: true });
  }
  await tab.emulateMedia({ colorScheme: 'light', media: 'print' });
  await tab.screenshot({ path: path.join(spec.screenshots, page.name + '-print.png'), fullPage: true });
  await tab.close();

  if (problems.length) failures.push(page.name + ':\n  ' + problems.join('\n  '));
  console.log((problems.length ? 'FAIL ' : 'PASS ') + page.name + (problems.length ? '\n  ' + problems.join('\n  ') : ''));
}

(async () => {
  fs.mkdirSync(spec.screenshots, { recursive: true });
  const context = await chromium.launchPersistentContext(spec.userDataDir, {
    executablePath: spec.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const failures = [];
  try {
    for (const page of spec.pages) await checkPage(context, page, spec, failures);
  } finally {
    await context.close();
  }
  console.log(failures.length ? failures.length + ' of ' + spec.pages.length + ' pages failed' : 'all ' + spec.pages.length + ' pages passed');
  process.exit(failures.length ? 1 : 0);
})().catch((error) => {
  console.error('browser check crashed: ' + (error && error.stack || error));
  process.exit(2);
});
