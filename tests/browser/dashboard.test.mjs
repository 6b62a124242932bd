// The dashboard in a real browser: Debian's headless Chromium, driven by playwright-core,
// against `factd serve` on the bundled corpus.  Run by tests/browser/run (make test-browser),
// which installs the pinned playwright-core and passes its folder in FACTD_BROWSER_TOOLS.
//
// It checks what a reader of the page relies on, reading the expected answers from the API
// itself (nothing about the corpus is written here):
//   - GET / from a browser is the page; the timeline lists every agreement, in the order
//     /timeline?kind=agreement gives, and the kind filter lands in the URL and survives a reload;
//   - clicking each quote opens its source with a highlighted element whose text is the
//     quote's evidence excerpt exactly (and the same on an article with characters outside
//     the BMP, where code points and UTF-16 units differ);
//   - a word typed into the search box finds the quote it comes from;
//   - a fact with more evidence spans than it carries inline lists every one of them;
//   - the keyboard opens and closes the evidence; a bad filter shows an error;
//   - at 375 x 800 no view scrolls sideways;
//   - on tests/disputes (articles that disagree): the Conflicts view lists what /conflicts
//     gives, in its order, with each disputed attribute and its values; each card of a
//     disputed fact or person badges exactly the attributes its `disputes` names; a disputed
//     fact's detail shows every value given side by side, with its article count and
//     evidence, and each of those spans marks its exact excerpt in the article.
// It saves screenshots in tests/browser/artifacts/ and exits non-zero on any failure.
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const factd = path.resolve(root, process.env.FACTD_BIN || 'build/factd');
const tools = process.env.FACTD_BROWSER_TOOLS;
const chromiumPath = process.env.FACTD_CHROMIUM || '/usr/bin/chromium';
const artifacts = path.join(here, 'artifacts');

if (!tools) {
  console.error('dashboard.test.mjs: FACTD_BROWSER_TOOLS is not set (run tests/browser/run)');
  process.exit(2);
}
const {chromium} = createRequire(path.join(tools, 'package.json'))('playwright-core');

const results = [];
let failed = 0;
function pass(name) { results.push(name); console.log(`  ok    ${name}`); }
function fail(name, why) { failed++; console.log(`  FAIL  ${name}: ${why}`); }
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    pass(`${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    fail(name, e && e.stack ? e.stack : String(e));
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }
function assertEq(got, want, msg) {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g !== w) throw new Error(`${msg}\n    got:  ${g}\n    want: ${w}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const {port} = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Ingests `inputs` into a fresh database under tmp and serves it on a free port.
async function startServer(tmp, name, inputs) {
  const db = path.join(tmp, `${name}.db`);
  const ingest = spawnSync(factd, ['ingest', '--quiet', '--db', db, ...inputs], {cwd: root, encoding: 'utf8'});
  if (ingest.status !== 0) throw new Error(`factd ingest failed: ${ingest.stderr}`);
  const port = await freePort();
  const log = fs.openSync(path.join(tmp, `${name}.log`), 'w');
  const child = spawn(factd, ['serve', '--db', db, '--port', String(port)], {cwd: root, stdio: ['ignore', log, log]});
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`factd serve exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) break;
    } catch (e) { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('factd serve did not answer /healthz within 15 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {base, child, log: path.join(tmp, `${name}.log`)};
}

async function stopServer(server) {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function getJson(base, p) {
  const r = await fetch(base + p, {headers: {Accept: 'application/json'}});
  if (r.status !== 200) throw new Error(`GET ${p}: ${r.status}`);
  return r.json();
}

// Every item of a list, following `next`.
async function getAll(base, p) {
  const items = [];
  for (let url = p; url;) {
    const doc = await getJson(base, url);
    items.push(...doc.data);
    url = doc.next;
  }
  return items;
}

// Opens a quote's evidence from the quotes view and returns the highlighted text.
async function clickQuote(page, quoteId) {
  const button = page.locator(`li.quote[data-id="${quoteId}"] button.quote-text`);
  await button.click();
  await page.waitForFunction((id) => location.hash.includes(`fact=quotes%2F${id}`) || location.hash.includes(`fact=quotes/${id}`), quoteId);
  const mark = page.locator('#evidence-text mark.current');
  await mark.waitFor({state: 'visible', timeout: 10000});
  return mark.evaluate((m) => m.textContent);
}

async function noSideScroll(page, what) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    body: document.body.scrollWidth,
  }));
  assert(widths.scroll <= widths.client && widths.body <= widths.client,
    `${what}: the page scrolls sideways at 375 px (scrollWidth ${widths.scroll}, body ${widths.body}, clientWidth ${widths.client})`);
}

async function main() {
  const t0 = Date.now();
  fs.mkdirSync(artifacts, {recursive: true});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factd-browser-'));
  let server = null, astral = null, disputes = null, browser = null;
  try {
    server = await startServer(tmp, 'corpus', ['corpus']);
    browser = await chromium.launch({executablePath: chromiumPath, args: ['--no-sandbox'], headless: true});
    console.log(`browser test: ${chromiumPath} ${browser.version()}, factd at ${server.base}`);
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    const base = server.base;

    await check('GET / from a browser is the dashboard, and the JSON index for API clients', async () => {
      const resp = await page.goto(base + '/');
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(resp.headers()['content-type'].startsWith('text/html'), `content-type ${resp.headers()['content-type']}`);
      const index = await getJson(base, '/');
      assert(Array.isArray(index.endpoints), 'GET / with Accept: application/json is not the index');
      for (const asset of ['/ui', '/ui/app.js', '/ui/app.css']) {
        const r = await fetch(base + asset);
        assert(r.status === 200 && /charset=utf-8/.test(r.headers.get('content-type')) && r.headers.get('etag'),
          `${asset}: ${r.status} ${r.headers.get('content-type')} etag ${r.headers.get('etag')}`);
      }
    });

    const agreements = await getJson(base, '/timeline?kind=agreement&limit=1000&evidence=none');
    const allAgreements = await getAll(base, '/agreements?limit=1000&evidence=none&fields=name');

    await check('the timeline lists the agreements in the order /timeline gives', async () => {
      await page.locator('ol.timeline li.entry').first().waitFor({timeout: 10000});
      const shown = await page.$$eval('ol.timeline li.entry[data-kind="agreement"]',
        (els) => els.map((e) => ({id: e.dataset.id, date: e.dataset.date})));
      assertEq(shown, agreements.data.map((a) => ({id: a.id, date: a.date})), 'timeline agreements');
      for (let i = 1; i < shown.length; i++) {
        assert(shown[i - 1].date <= shown[i].date, `${shown[i - 1].date} is listed before ${shown[i].date}`);
      }
      const text = await page.locator('ol.timeline').innerText();
      for (const a of allAgreements) assert(text.includes(a.name), `the timeline lacks '${a.name}'`);
      const precisions = await page.$$eval('ol.timeline .precision', (els) => new Set(els.map((e) => e.textContent)).size);
      assert(precisions >= 2, 'the timeline shows no date precision');
      assert(await page.locator('#stats .tiles li').count() === 5, 'the counts from /stats are missing');
    });

    await check('a filter lands in the URL and survives a reload', async () => {
      await page.selectOption('#f-kind', 'agreement');
      await page.click('#filters button[type="submit"]');
      await page.waitForFunction(() => location.hash.includes('kind=agreement'));
      await page.reload();
      await page.locator('ol.timeline li.entry').first().waitFor();
      const kinds = await page.$$eval('ol.timeline li.entry', (els) => [...new Set(els.map((e) => e.dataset.kind))]);
      assertEq(kinds, ['agreement'], 'kinds listed after a reload of #...kind=agreement');
      assert(await page.inputValue('#f-kind') === 'agreement', 'the filter form lost kind=agreement');
      assert((await page.textContent('#api-url')).includes('kind=agreement'), 'the API link lacks kind=agreement');
    });

    // The screenshot for the README: the timeline with the newest agreement's evidence open.
    await check('the timeline with an agreement\'s evidence open (screenshot)', async () => {
      await page.goto(base + '/#tab=timeline');
      const newest = agreements.data[agreements.data.length - 1];
      await page.locator(`li.entry[data-id="${newest.id}"] button.fact-link`).click();
      await page.locator('#evidence-text mark.current').waitFor({timeout: 10000});
      const fact = await getJson(base, `/agreements/${newest.id}`);
      assertEq(await page.locator('#evidence-text mark.current').textContent(), fact.sources[0].excerpt, 'agreement excerpt');
      const shownCount = await page.locator('#evidence-fact .corroboration').textContent();
      assert(shownCount.startsWith(String(fact.source_count)), `source count shown '${shownCount}', API ${fact.source_count}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({path: path.join(artifacts, 'dashboard.png')});
    });

    // A fact carries at most ten spans inline; the panel lists every span of one that has
    // more, from its evidence pages, and marks one past the inline ones exactly.
    await check('a fact with more spans than it carries inline shows them all', async () => {
      let kind = null, fact = null;
      for (const k of ['agreements', 'meetings', 'quotes']) {
        fact = (await getAll(base, `/${k}?limit=1000&evidence=ids`)).find((f) => f.evidence_total > f.sources.length);
        if (fact) { kind = k; break; }
      }
      assert(fact, 'no fact of the corpus has more spans than it carries inline');
      const all = await getAll(base, `${fact.evidence}?limit=1000`);
      assertEq(all.length, fact.evidence_total, `the evidence pages of ${fact.id}`);
      const past = fact.sources.length; // the first span that is not inline
      // From a blank page, so that no mark of an earlier check is taken for this one.
      await page.goto('about:blank');
      await page.goto(`${base}/#tab=${kind}&fact=${kind}/${fact.id}&span=${past}`);
      const mark = page.locator('#evidence-text mark.current');
      await mark.waitFor({timeout: 10000});
      assertEq(await mark.textContent(), all[past].excerpt, `span ${past} of ${kind}/${fact.id}`);
      const spanButtons = '#evidence-spans button.span-link:not(.more-spans)';
      for (let clicks = 0; await page.locator('#evidence-spans .more-spans').count(); clicks++) {
        assert(clicks < 1000, 'the button for more evidence does not go away');
        const before = await page.locator(spanButtons).count();
        await page.locator('#evidence-spans .more-spans').click();
        await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [spanButtons, before]);
      }
      assertEq(await page.locator(spanButtons).count(), all.length, 'spans listed');
      const shown = await page.locator('#evidence-fact .meta').textContent();
      assert(shown.includes(`${all.length} spans`), `the panel says '${shown}', the API ${all.length} spans`);
    });

    const quotes = await getAll(base, '/quotes?limit=1000');
    await check(`clicking each of the ${quotes.length} quotes highlights its exact excerpt`, async () => {
      assert(quotes.length > 0, 'no quotes in the corpus');
      await page.goto(base + '/#tab=quotes');
      await page.locator('li.quote').first().waitFor();
      for (const q of quotes) {
        const got = await clickQuote(page, q.id);
        assertEq(got, q.sources[0].excerpt, `quote ${q.id}`);
        const count = await page.locator('#evidence-fact .corroboration').textContent();
        assert(count.startsWith(String(q.source_count)), `quote ${q.id}: shows '${count}', API says ${q.source_count}`);
      }
    });

    await check('the keyboard opens and closes the evidence', async () => {
      await page.goto(base + '/#tab=quotes');
      await page.locator('li.quote').first().waitFor();
      const first = page.locator('li.quote button.quote-text').first();
      await first.focus();
      await page.keyboard.press('Enter');
      await page.locator('#evidence-text mark.current').waitFor();
      assert(await page.evaluate(() => document.activeElement.id) === 'evidence-title', 'focus did not move to the evidence');
      await page.keyboard.press('Escape');
      await page.locator('#evidence').waitFor({state: 'hidden'});
      assert(await page.evaluate(() => document.activeElement.classList.contains('quote-text')), 'focus did not come back to the quote');
    });

    await check('a word typed into the search box finds its quote', async () => {
      // The longest word of the first quote that has one of 6 letters or more.
      let target = null, word = null;
      for (const q of quotes) {
        const words = (q.text.match(/[A-Za-z]{6,}/g) || []).sort((a, b) => b.length - a.length);
        if (words.length) { target = q; word = words[0]; break; }
      }
      assert(target, 'no quote has a word to search for');
      await page.goto(base + '/#tab=timeline');
      await page.fill('#search-q', word);
      await page.press('#search-q', 'Enter');
      await page.locator(`ol.hits li[data-id="${target.id}"]`).waitFor({timeout: 10000});
      assert((await page.evaluate(() => location.hash)).includes(`q=${encodeURIComponent(word)}`), 'the search is not in the URL');
      const got = await page.locator(`ol.hits li[data-id="${target.id}"] q`).textContent();
      assertEq(got, target.text, `the hit for '${word}'`);
    });

    await check('a bad filter shows the API\'s error', async () => {
      await page.goto(base + '/#tab=agreements&signed_from=notadate');
      await page.locator('#error').waitFor({state: 'visible', timeout: 10000});
      const text = await page.locator('#error').textContent();
      assert(/400/.test(text) && /signed_from/.test(text), `error shown: ${text}`);
    });

    await check('at 375 x 800 no view scrolls sideways', async () => {
      const phone = await browser.newContext({viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true});
      const p = await phone.newPage();
      for (const tab of ['timeline', 'agreements', 'meetings', 'quotes', 'people', 'sources']) {
        await p.goto(`${base}/#tab=${tab}`);
        await p.locator('#view [data-id]').first().waitFor({timeout: 10000});
        await noSideScroll(p, tab);
      }
      await p.goto(`${base}/#tab=search&q=defence`);
      await p.locator('ol.hits li').first().waitFor();
      await noSideScroll(p, 'search');
      await p.goto(`${base}/#tab=quotes&fact=quotes/${quotes[0].id}`);
      await p.locator('#evidence-text mark.current').waitFor();
      await noSideScroll(p, 'evidence');
      await p.screenshot({path: path.join(artifacts, 'dashboard-375.png')});
      await phone.close();
    });


    // Where the articles disagree: tests/disputes, served apart.
    disputes = await startServer(tmp, 'disputes', ['tests/disputes']);
    const dbase = disputes.base;
    const conflicts = await getAll(dbase, '/conflicts?limit=1000&evidence=none');

    await check('the Conflicts view lists /conflicts in its order, with each attribute and value', async () => {
      assert(conflicts.length >= 3 && new Set(conflicts.map((c) => c.kind)).size >= 3,
        `tests/disputes gives too few conflicts: ${JSON.stringify(conflicts.map((c) => c.kind))}`);
      await page.goto('about:blank');
      await page.goto(dbase + '/#tab=conflicts');
      await page.locator('ol.conflicts li.conflict').first().waitFor({timeout: 10000});
      const shown = await page.$$eval('ol.conflicts li.conflict', (els) => els.map((e) => ({
        kind: e.dataset.kind, id: e.dataset.id,
        attributes: [...e.querySelectorAll('.conflict-attributes > li')].map((li) => ({
          attribute: li.dataset.attribute,
          values: [...li.querySelectorAll('.conflict-value')].map((v) => v.firstChild.textContent)})),
      })));
      const text = (v) => Array.isArray(v) ? v.map(text).join(', ') : v && typeof v === 'object' ? v.name : String(v);
      assertEq(shown, conflicts.map((c) => ({kind: c.kind, id: c.id,
        attributes: c.attributes.map((a) => ({attribute: a, values: c.fact.disputes[a].map((v) => text(v.value))}))})),
      'conflicts shown');
      assert((await page.textContent('#api-url')).includes('/conflicts'), 'the API link is not /conflicts');
      // the kind filter is the API's own
      await page.selectOption('#f-kind', 'quote');
      await page.click('#filters button[type="submit"]');
      await page.waitForFunction(() => location.hash.includes('kind=quote'));
      await page.waitForFunction(() => [...document.querySelectorAll('li.conflict')].every((e) => e.dataset.kind === 'quote'));
      const quoteIds = await page.$$eval('li.conflict', (els) => els.map((e) => e.dataset.id));
      assertEq(quoteIds, conflicts.filter((c) => c.kind === 'quote').map((c) => c.id), 'conflicts of kind quote');
    });

    await check('each card badges exactly the attributes its sources disagree on', async () => {
      let disputedCards = 0;
      for (const [tab, kind] of [['agreements', 'agreements'], ['meetings', 'meetings'], ['quotes', 'quotes'], ['people', 'people']]) {
        const facts = await getAll(dbase, `/${kind}?limit=1000${kind === 'people' ? '' : '&evidence=none'}`);
        await page.goto('about:blank');
        await page.goto(`${dbase}/#tab=${tab}`);
        await page.locator('#view [data-id]').first().waitFor({timeout: 10000});
        for (const f of facts) {
          const badges = await page.$$eval(`#view [data-id="${f.id}"] .dispute-badge`,
            (els) => [...new Set(els.map((e) => e.dataset.attribute))].sort());
          assertEq(badges, Object.keys(f.disputes).sort(), `${kind}/${f.id}: the attributes badged`);
          if (f.disputed) disputedCards++;
        }
      }
      assert(disputedCards === conflicts.length, `${disputedCards} disputed cards, /conflicts lists ${conflicts.length}`);
      const person = conflicts.find((c) => c.kind === 'person');
      assert(person, 'no person is disputed in tests/disputes');
      await page.goto(`${dbase}/#tab=people&disputed=true`);
      await page.locator(`#view [data-id="${person.id}"]`).waitFor({timeout: 10000});
      const titles = await page.$$eval(`#view [data-id="${person.id}"] .dispute-value`,
        (els) => els.map((e) => ({value: e.dataset.value, sources: Number(e.dataset.sources)})));
      assertEq(titles, person.fact.disputes.title.map((v) => ({value: v.value, sources: v.sources})), 'a person\'s titles');
      const ids = await page.$$eval('#view [data-id]', (els) => els.map((e) => e.dataset.id));
      assertEq(ids, (await getAll(dbase, '/people?disputed=true&sort=name&limit=1000')).map((p) => p.id), 'people?disputed=true');
    });

    await check('a disputed fact shows every value side by side, each span its exact excerpt', async () => {
      let spansChecked = 0;
      for (const c of conflicts.filter((x) => x.kind !== 'person')) {
        const tab = `${c.kind}s`;
        const fact = await getJson(dbase, `/${tab}/${c.id}`); // evidence in full, with excerpts
        await page.goto('about:blank');
        await page.goto(`${dbase}/#tab=conflicts`);
        await page.locator(`li.conflict[data-id="${c.id}"] button.fact-link`).click();
        await page.locator('#evidence-disputes section.dispute').first().waitFor({timeout: 10000});
        const shown = await page.$$eval('#evidence-disputes section.dispute', (els) => els.map((e) => ({
          attribute: e.dataset.attribute,
          values: [...e.querySelectorAll('.dispute-value')].map((v) => ({
            sources: Number(v.dataset.sources),
            excerpts: [...v.querySelectorAll('.dispute-span .span-excerpt')].map((x) => x.textContent)}))})));
        assertEq(shown, Object.entries(fact.disputes).map(([a, values]) => ({attribute: a,
          values: values.map((v) => ({sources: v.sources, excerpts: v.evidence.map((s) => s.excerpt)}))})),
        `${tab}/${c.id}: the values side by side`);
        // side by side: the values of an attribute on one row at 1280 px
        const tops = await page.$$eval('#evidence-disputes section.dispute:first-of-type .dispute-value',
          (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
        assert(new Set(tops).size === 1, `${tab}/${c.id}: the values are not side by side (tops ${tops})`);
        for (const [a, values] of Object.entries(fact.disputes)) {
          for (let vi = 0; vi < values.length; vi++) {
            for (let si = 0; si < values[vi].evidence.length; si++) {
              const button = page.locator(`#evidence-disputes section.dispute[data-attribute="${a}"] .dispute-value`)
                .nth(vi).locator('.dispute-span').nth(si);
              await button.click();
              await page.waitForFunction(() => document.querySelector('.dispute-span[aria-pressed="true"]') &&
                document.querySelector('#evidence-text mark.current'));
              await page.waitForFunction((key) => location.hash.includes(encodeURIComponent(key)), `d:${a}:${vi}:${si}`);
              const mark = page.locator('#evidence-text mark.current');
              await page.waitForFunction((want) => {
                const m = document.querySelector('#evidence-text mark.current');
                return m && m.textContent === want;
              }, values[vi].evidence[si].excerpt, {timeout: 10000}).catch(() => {});
              assertEq(await mark.textContent(), values[vi].evidence[si].excerpt, `${tab}/${c.id} ${a} value ${vi} span ${si}`);
              spansChecked++;
            }
          }
        }
      }
      assert(spansChecked >= 4, `only ${spansChecked} spans of disputed values checked`);
      await page.screenshot({path: path.join(artifacts, 'dashboard-disputes.png')});
    });

    await check('at 375 x 800 the conflicts and a disputed fact do not scroll sideways', async () => {
      const phone = await browser.newContext({viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true});
      const p = await phone.newPage();
      await p.goto(`${dbase}/#tab=conflicts`);
      await p.locator('li.conflict').first().waitFor({timeout: 10000});
      await noSideScroll(p, 'conflicts');
      const fact = conflicts.find((c) => c.kind === 'agreement') || conflicts[0];
      await p.goto(`${dbase}/#tab=conflicts&fact=${fact.kind}s/${fact.id}`);
      await p.locator('#evidence-disputes section.dispute').first().waitFor({timeout: 10000});
      await noSideScroll(p, 'a disputed fact');
      await phone.close();
    });

    await check('no script errors on the page', async () => {
      assertEq(consoleErrors.filter((e) => !/status of 400/.test(e)), [], 'errors in the console');
    });

    // Code points, not UTF-16 units: an article with flags and an emoji before and inside a quote.
    await check('the excerpt is exact past characters outside the BMP', async () => {
      const file = path.join(tmp, 'astral.txt');
      fs.writeFileSync(file, 'Kuala Lumpur, 31 October 2025: \u{1F1EE}\u{1F1F3} and \u{1F1FA}\u{1F1F8} delegations met. ' +
        '\u201CWe are building a future together \u{1F680} for the next decade,\u201D said Defence Minister Rajnath Singh.\n');
      astral = await startServer(tmp, 'astral', [file]);
      const qs = await getAll(astral.base, '/quotes?limit=1000');
      assert(qs.length === 1 && /\u{1F680}/u.test(qs[0].sources[0].excerpt), `quotes found: ${JSON.stringify(qs)}`);
      await page.goto(astral.base + '/#tab=quotes');
      await page.locator('li.quote').first().waitFor();
      assertEq(await clickQuote(page, qs[0].id), qs[0].sources[0].excerpt, 'astral excerpt');
    });
  } catch (e) {
    fail('setting up', e && e.stack ? e.stack : String(e));
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer(astral);
    await stopServer(disputes);
    await stopServer(server);
    if (failed && server) {
      console.log(`--- factd log (${server.log}) ---`);
      console.log(fs.readFileSync(server.log, 'utf8').split('\n').slice(-40).join('\n'));
    }
    fs.rmSync(tmp, {recursive: true, force: true});
  }
  console.log(`browser test: ${((Date.now() - t0) / 1000).toFixed(1)} s, screenshots in ${path.relative(root, artifacts)}/`);
  console.log(`${results.length} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
