// Browser tests of the review page: headless Debian chromium driven by playwright-core.
//
//   node review.mjs URL CORPUS_DIR SCREENSHOT_DIR
//
// URL is a running `zfxxgk serve` (the Rust test tests/it/browser.rs starts one on a
// free port and runs this); CORPUS_DIR is shared/corpus; screenshots go to
// SCREENSHOT_DIR. Prints one line per check and "N passed, N failed" at the end; exits
// 1 when a check failed.

import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, corpus, shots] = process.argv.slice(2);
if (!url || !corpus || !shots) {
  console.error('usage: node review.mjs URL CORPUS_DIR SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const SEED_002 = join(corpus, 'seeds', '002_6c2b816ae976f4e8.txt');
const HONGZE_2023 = join(corpus, 'real', 'hongze-2023.pdf');
const HONGZE_2024 = join(corpus, 'real', 'hongze-2024.pdf');
const TIMEOUT = 60_000;

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail === undefined ? '' : `: ${detail}`}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.ZFXXGK_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
});
const dialogs = [];
const pageErrors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(TIMEOUT);
  // A report's text must never run: any alert() would open a dialog.
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  // ---- the page loads, works without anything from outside
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
      outside.push(r.url());
    }
  });
  await page.goto(url);
  check('page loads with its title', (await page.title()).includes('zfxxgk'));

  // ---- seed 002: T302 and T303, the 自然人 （七）总计 cell highlighted
  await page.setInputFiles('#files', SEED_002);
  await page.waitForSelector('button.finding[data-rule="T302"]');
  const rules = await page.$$eval('[data-pane="one"] ~ aside button.finding, aside button.finding',
    (bs) => bs.map((b) => b.dataset.rule));
  check('seed 002 shows T302', rules.includes('T302'), rules.join(','));
  check('seed 002 shows T303', rules.includes('T303'), rules.join(','));
  const total = 'td[data-key="t3.results_total.natural_person"]';
  const totalClass = await page.getAttribute(total, 'class');
  check('自然人 （七）总计 cell is highlighted', /\bflagged\b/.test(totalClass) && /\berror\b/.test(totalClass), totalClass);
  const linked = await page.$(`${total} a.cell-link`);
  check('the highlighted cell links to its finding', linked !== null);
  check('the blank （七）总计 is singled out as the culprit', /\bculprit\b/.test(totalClass), totalClass);
  const otherPart = await page.getAttribute('td[data-key="t3.granted.natural_person"]', 'class');
  check('a part of its sum is not', !/\bculprit\b/.test(otherPart || ''), otherPart);

  // ---- the findings CSV: the columns of `check --format csv`
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-pane="one"] [data-download="findings-csv"]'),
  ]);
  const findingsCsv = readFileSync(await download.path(), 'utf8');
  const [header, firstRow] = findingsCsv.split('\r\n');
  check('findings CSV has the CLI columns',
    header === 'source,rule,severity,keys,expected,actual,line,column,message,values,culprit,notes', header);
  check('findings CSV names the culprit', firstRow.includes(',t3.results_total.natural_person,'), firstRow);

  // ---- choosing a finding shows its source lines and highlights its cells
  await page.click('button.finding[data-rule="T302"]');
  const source = await page.textContent('#one-source');
  check('choosing T302 shows its source lines', source.includes('error[T302]') && /-->\s.*:\d+:\d+/.test(source)
    && source.includes('t3.results_total.natural_person'), source.slice(0, 300));
  check('choosing T302 highlights its cells', /\bselected\b/.test(await page.getAttribute(total, 'class')));
  // Table 三 and the findings in view: the README's docs/review-page.png is this one.
  await page.click('[data-pane="one"] nav.jump a[href="#one-t3"]');
  await page.evaluate(() => window.scrollBy(0, -8));
  await page.screenshot({ path: join(shots, 'seed-002.png'), fullPage: false });

  // ---- with the keyboard: Enter on a focused finding chooses it
  await page.focus('#one-finding-2');
  await page.keyboard.press('Enter');
  check('Enter on a finding chooses it', (await page.getAttribute('#one-finding-2', 'aria-pressed')) === 'true');

  // ---- English
  await page.click('#lang-en');
  const message = await page.textContent('#one-finding-0 .message');
  check('messages switch to English', /[a-z]{3}/.test(message) && !/[\u4e00-\u9fff]{4}/.test(message), message);
  const said = await page.textContent('#status');
  check('the status line follows the language', said.startsWith('Read '), said);
  await page.click('#lang-zh');

  // ---- the two hongze years, side by side with the diff and T305
  await page.setInputFiles('#files', [HONGZE_2023, HONGZE_2024]);
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 3, null, { timeout: TIMEOUT });
  await page.selectOption('#old', '1');
  await page.selectOption('#new', '2');
  await page.click('#compare-go');
  await page.waitForSelector('.diff');
  const changedRows = await page.$$eval('.diff .changes tbody tr', (rows) => rows.length);
  check('the diff lists changed cells', changedRows > 0, changedRows);
  const changedCells = await page.$$eval('[data-pane="new"] td.changed', (cells) => cells.length);
  check('changed cells are marked in the tables', changedCells > 0 && changedCells <= changedRows, `${changedCells} of ${changedRows}`);
  await page.focus('.diff tr.change');
  await page.keyboard.press('Enter');
  const marked = await page.$$eval('.pair td.selected', (cells) => cells.map((c) => c.dataset.key));
  const firstChange = await page.getAttribute('.diff tr.change', 'data-key');
  check('Enter on a change marks its cell in both reports', marked.length === 2 && marked.every((k) => k === firstChange), marked.join(','));
  await page.evaluate(() => window.scrollTo(0, 0));
  const byPosition = await page.$$eval('[data-pane="old"] td.position', (cells) => cells.length);
  check('cells placed by position are marked', byPosition > 0, byPosition);
  const oldTitle = await page.textContent('[data-pane="old"] .source-name');
  const newTitle = await page.textContent('[data-pane="new"] .source-name');
  check('the two years stand side by side', oldTitle.includes('2023') && newTitle.includes('2024'), `${oldTitle} | ${newTitle}`);
  check('T305 is shown', (await page.$('.diff section.findings h2')) !== null
    && (await page.textContent('.diff section.findings h2')).includes('T305'));
  await page.screenshot({ path: join(shots, 'hongze-diff.png'), fullPage: false });

  // ---- a report whose title holds a script: shown as text, never run
  const seed = readFileSync(SEED_002, 'utf8');
  const hostile = seed.replace('政府信息公开工作年度报告', '<script>alert(1)</script>政府信息公开工作年度报告');
  await page.setInputFiles('#files', {
    name: 'hostile<img src=x onerror=alert(3)>.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(hostile, 'utf8'),
  });
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 4, null, { timeout: TIMEOUT });
  const title = await page.textContent('[data-pane="one"] .report-title');
  check('a script in the title is shown as text', title.includes('<script>alert(1)</script>'), title);
  const scripts = await page.$$eval('script', (s) => s.map((x) => x.getAttribute('src')));
  check('no script element but the page\'s own', scripts.length === 1 && scripts[0] === '/app.js', scripts.join(','));
  check('no img element came from the file name', (await page.$$('img')).length === 0);
  const shownName = await page.textContent('[data-pane="one"] .source-name');
  check('a tag in the file name is shown as text', shownName.includes('<img src=x onerror=alert(3)>'), shownName);
  await page.waitForTimeout(300);
  check('no script ran (no dialog opened)', dialogs.length === 0, dialogs.join(' | '));
  await page.screenshot({ path: join(shots, 'script-title.png'), fullPage: false });

  const bodyText = await page.textContent('body');
  check('nothing shown as [object …]', !bodyText.includes('[object '));
  // ---- a file that is no report: the server's message, the reports kept
  await page.setInputFiles('#files', {
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000', 'hex'),
  });
  await page.waitForSelector('#status.error');
  const refused = await page.textContent('#status');
  check('an image is refused with the server\'s message', refused.includes('photo.png') && refused.length > 20, refused);
  check('the reports read stay', (await page.$$('#report-list li')).length === 4);

  // ---- text left unplaced is listed
  await page.setInputFiles('#files', join(corpus, 'real', 'pingtan-2023-crawler.txt'));
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 5, null, { timeout: TIMEOUT });
  const unplaced = await page.$$eval('[data-pane="one"] ul.unplaced li', (items) => items.length);
  check('text left unplaced is listed under the tables', unplaced > 0, unplaced);

  check('no request left the server', outside.length === 0, outside.join(' '));
  check('no error in the page', pageErrors.length === 0, pageErrors.join(' | '));
} catch (e) {
  check('the run finished', false, e && e.stack ? e.stack : String(e));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
