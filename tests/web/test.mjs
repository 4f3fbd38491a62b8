/*
 * test.mjs - the web page in a real browser: Debian's chromium, driven by playwright-core.
 *
 *   node tests/web/test.mjs BASE KEYED-BASE KEY OUTDIR
 *
 * BASE is a `watchlist serve` without API keys, KEYED-BASE one that wants
 * KEY; both serve an index of the bundled lists (tests/web/run starts
 * them). The checks use the page as an analyst would, with the keyboard
 * where it matters: screen 倪高彬 and read why NI, Gaobin matched; find
 * APT31 under its Microsoft name and walk its links to the other
 * registries; read the provenance of Wuhan XRZ's facts; see errors said
 * plainly; use an API key; and the page on a phone-sized screen. Screenshots
 * are kept in OUTDIR (screenshot-*.png) to look at.
 *
 * Each check prints "ok   NAME" or "FAIL NAME: why"; the last line is
 * "browser: N passed, N failed". Exit status 0 when none failed.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [BASE, KEYED, KEY, OUT] = process.argv.slice(2);
if (!BASE || !KEYED || !KEY || !OUT) {
  console.error('usage: node test.mjs BASE KEYED-BASE KEY OUTDIR');
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

const APT31 = 'misp-6bf7e6b6-5917-45a6-9567-f0baba79768c';
const INTRUSION_SET = 'misp-4283ae19-69c7-4347-a35e-b56f08eb660b';
const MICROSOFT = 'misp-27eb4928-b3e6-5ae1-bbb6-f73bce8d7c69';
const ATTACK = 'attack-G0128';

let passed = 0;
let failed = 0;

function assert(cond, why) {
  if (!cond) throw new Error(why);
}

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log('ok   ' + name);
  } catch (e) {
    failed++;
    console.log('FAIL ' + name + ': ' + String(e && e.message ? e.message : e).split('\n')[0]);
  }
}

/* Fills the search form and presses Enter in the name field; waits for the answer. */
async function search(page, fields) {
  const f = Object.assign({ schema: 'Thing', dob: '', country: '', dataset: 'default' }, fields);
  await page.fill('#q-name', f.name);
  await page.selectOption('#q-schema', f.schema);
  await page.fill('#q-dob', f.dob);
  await page.fill('#q-country', f.country);
  await page.selectOption('#q-dataset', f.dataset);
  const answered = page.waitForResponse((r) => r.url().includes('/match/'));
  await page.focus('#q-name');
  await page.keyboard.press('Enter');
  await answered;
  await page.waitForSelector('#results-panel[aria-busy="false"]');
}

/* The page scrolls sideways: its content is wider than the window. */
async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    return { scroll: d.scrollWidth, client: d.clientWidth, body: document.body.scrollWidth };
  });
}

async function openEntity(page, id) {
  await page.evaluate((h) => { location.hash = h; }, '#/entity/' + encodeURIComponent(id));
  await page.waitForSelector('#entity[aria-busy="false"] h1, #entity-error:not([hidden])');
}

const started = Date.now();
const profile = mkdtempSync(join(tmpdir(), 'watchlist-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
  locale: 'en-GB',
});
context.setDefaultTimeout(10000);

const problems = []; /* script errors and CSP reports, from every page */
function watch(page) {
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console: ' + m.text());
  });
  return page;
}

try {
  const page = watch(context.pages()[0] || await context.newPage());
  await page.goto(BASE + '/');

  await check('the page loads: title, lang, heading, form', async () => {
    assert((await page.title()).includes('watchlist'), 'title: ' + await page.title());
    assert(await page.getAttribute('html', 'lang') === 'en', 'no lang="en"');
    assert(await page.locator('h1').first().innerText() === 'Screen a name', 'no heading');
    assert(await page.locator('#q-name[required]').count() === 1, 'name not required');
  });

  await check('every field has a label', async () => {
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select')]
      .filter((e) => !e.labels || !e.labels.length).map((e) => e.id));
    assert(!unlabelled.length, 'unlabelled: ' + unlabelled.join(', '));
  });

  await check('the dataset menu comes from /catalog', async () => {
    await page.waitForSelector('#q-dataset option[value="us_ofac_sdn"]', { state: 'attached' });
    const values = await page.$$eval('#q-dataset option', (os) => os.map((o) => o.value));
    for (const d of ['default', 'sanctions', 'threat_actors', 'us_ofac_sdn', 'un_sc_sanctions',
      'mitre_attack', 'misp_threat_actor'])
      assert(values.includes(d), 'missing ' + d);
    const info = await page.innerText('#index-info');
    assert(/entities/.test(info), 'index info: ' + info);
  });

  await check('the keyboard: the name field first, a skip link before it, a visible focus', async () => {
    assert(await page.evaluate(() => document.activeElement.id) === 'q-name', 'name field not focused');
    for (let i = 0; i < 5 && await page.evaluate(() => document.activeElement.id) !== 'skip-link'; i++)
      await page.keyboard.press('Shift+Tab');
    assert(await page.evaluate(() => document.activeElement.id) === 'skip-link', 'no skip link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert(outline !== 'none', 'no focus outline');
    await page.keyboard.press('Enter');
    assert(await page.evaluate(() => document.activeElement.id) === 'main', 'skip link: focus not on main');
    assert(await page.evaluate(() => location.hash === ''), 'skip link changed the route');
  });

  await check('the keyboard: the form in reading order', async () => {
    await page.focus('#q-name');
    const order = ['#q-schema', '#q-dob', '#q-country', '#q-threshold', '#q-dataset', '#q-submit'];
    for (const sel of order) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => '#' + document.activeElement.id);
      assert(at === sel, 'expected ' + sel + ', focus on ' + at);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert(outline !== 'none', 'no visible focus on ' + sel);
    }
  });

  await search(page, { name: '倪高彬' });
  const first = page.locator('#results > li').first();
  await check('倪高彬: NI, Gaobin (ofac-47818) first, a MATCH', async () => {
    const link = first.locator('h3 a');
    assert(await link.getAttribute('href') === '#/entity/ofac-47818', 'first: ' + await link.getAttribute('href'));
    assert(await link.innerText() === 'NI, Gaobin', 'caption: ' + await link.innerText());
    assert(await first.locator('.badge-match').innerText() === 'MATCH', 'no MATCH badge');
    assert(await first.locator('.score-value').innerText() === '1.00', 'score');
    assert(await first.locator('.bar-fill').count() === 1, 'no score bar');
  });
  await check('倪高彬: the results are a list of articles with headings', async () => {
    assert(await page.locator('ol#results > li > article[aria-labelledby] h3').count() >= 1, 'no list');
    assert(/1 result|results/.test(await page.innerText('#results-summary')), 'no summary');
  });
  await check('倪高彬: the explanation is shown', async () => {
    const row = first.locator('tr.feature-name');
    const cells = await row.locator('th, td').allInnerTexts();
    assert(cells[0] === 'Name', 'feature: ' + cells[0]);
    assert(cells[1] === '1.00', 'score: ' + cells[1]);
    assert(cells[2] === '倪高彬', 'query: ' + cells[2]);
    assert(cells[3] === 'NI, Gaobin', 'candidate: ' + cells[3]);
    assert(/=gaobin/.test(cells[4]) && /ni=ni/.test(cells[4]), 'detail: ' + cells[4]);
  });
  await check('倪高彬: the tokens that met are highlighted', async () => {
    const marks = await first.locator('h3 mark').allInnerTexts();
    assert(marks.includes('NI') && marks.includes('Gaobin'), 'marks: ' + marks.join('|'));
  });
  await page.screenshot({ path: join(OUT, 'screenshot-results.png'), fullPage: true });

  await search(page, { name: 'Ni Gaobin', schema: 'Person', dob: '1985-10-27', country: 'China',
    dataset: 'us_ofac_sdn' });
  await check('qualifiers and a single list: every feature explained', async () => {
    const card = page.locator('#results > li').first();
    assert(await card.locator('h3 a').getAttribute('href') === '#/entity/ofac-47818', 'not first');
    for (const f of ['name', 'birthDate', 'country'])
      assert(await card.locator('tr.feature-' + f).count() === 1, 'no ' + f + ' row');
    const dob = await card.locator('tr.feature-birthDate td').allInnerTexts();
    assert(dob[0].startsWith('+'), 'birthDate adjustment: ' + dob[0]);
    const ds = await card.locator('.tag-dataset').allInnerTexts();
    assert(ds.includes('us_ofac_sdn'), 'datasets: ' + ds.join(','));
  });

  await search(page, { name: 'Violet Typhoon' });
  await page.screenshot({ path: join(OUT, 'screenshot-results-violet-typhoon.png') });
  await check('Violet Typhoon: APT31 among the matches, with its other listings', async () => {
    const card = page.locator('#results > li', { has: page.locator(`h3 a[href="#/entity/${APT31}"]`) });
    assert(await card.count() === 1, 'no APT31 card');
    assert(await card.locator('.badge-match').count() === 1, 'APT31 not a match');
    assert(/Violet Typhoon/.test(await card.locator('.matched-name').innerText()), 'matched name');
    const also = await card.locator('.also a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert(also.includes('#/entity/' + ATTACK), 'also listed: ' + also.join(','));
  });

  await check('Violet Typhoon: opening APT31 with the keyboard', async () => {
    await page.focus(`#results h3 a[href="#/entity/${APT31}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#entity[aria-busy="false"] h1');
    assert(await page.innerText('#entity h1') === 'APT31', 'heading: ' + await page.innerText('#entity h1'));
    assert(await page.evaluate(() => document.activeElement.tagName) === 'H1', 'focus not on the heading');
    assert(await page.isHidden('#search-view'), 'search still shown');
  });
  await check('APT31: its aliases', async () => {
    const aliases = await page.locator('[data-prop="alias"] .value-text').allInnerTexts();
    for (const a of ['ZIRCONIUM', 'JUDGMENT PANDA', 'Violet Typhoon', 'TA412'])
      assert(aliases.includes(a), 'aliases: ' + aliases.join('|'));
  });
  await check('APT31: links both ways to the other registries, as links', async () => {
    for (const dir of ['outgoing', 'incoming']) {
      const hrefs = await page.locator(`.links-${dir} a.entity-link`).evaluateAll(
        (as) => as.map((a) => a.getAttribute('href')));
      for (const id of [ATTACK, INTRUSION_SET, MICROSOFT])
        assert(hrefs.includes('#/entity/' + id), dir + ' lacks ' + id + ': ' + hrefs.join(','));
    }
    const text = await page.innerText('.links-outgoing');
    assert(/mitre_attack/.test(text) && /Same as/.test(text), 'link details: ' + text.slice(0, 200));
  });
  await check('APT31: other listings, provenance of each value', async () => {
    const other = await page.locator('.other-listings a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert(other.includes('#/entity/' + ATTACK), 'other listings: ' + other.join(','));
    const prov = await page.locator('[data-prop="alias"] .provenance').count();
    assert(prov >= 4, 'alias provenance lines: ' + prov);
    const country = await page.innerText('[data-prop="country"]');
    assert(/China \(CN\)/.test(country) && /attribution/.test(country) && /As listed/.test(country),
      'country: ' + country);
  });
  await page.screenshot({ path: join(OUT, 'screenshot-entity-apt31.png'), fullPage: true });

  await check('APT31 → ATT&CK G0128 and back, by links', async () => {
    await page.click(`.links-outgoing a[href="#/entity/${ATTACK}"]`);
    await page.waitForFunction(() => location.hash === '#/entity/attack-G0128');
    await page.waitForSelector('#entity[aria-busy="false"] h1');
    assert(await page.innerText('#entity h1') === 'ZIRCONIUM', 'heading: ' + await page.innerText('#entity h1'));
    const hrefs = await page.locator('.links-incoming a.entity-link').evaluateAll(
      (as) => as.map((a) => a.getAttribute('href')));
    assert(hrefs.includes('#/entity/' + APT31), 'no link back to APT31');
    await page.goBack();
    await page.waitForSelector('#entity[aria-busy="false"] h1');
    assert(await page.innerText('#entity h1') === 'APT31', 'back: ' + await page.innerText('#entity h1'));
    await page.goBack();
    await page.waitForSelector('#search-view:not([hidden])');
    assert(await page.locator('#results > li').count() >= 4, 'results gone after back');
    const focused = await page.evaluate(() => document.activeElement.getAttribute('href'));
    assert(focused === '#/entity/' + APT31, 'focus after back: ' + focused);
  });

  await openEntity(page, 'ofac-47800');
  await check('Wuhan XRZ (ofac-47800): the provenance of its facts', async () => {
    assert(/^WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY, LIMITED$/.test(await page.innerText('#entity h1')),
      'heading');
    const reg = await page.innerText('[data-prop="registrationNumber"]');
    for (const s of ['91420100551956105K', 'us_ofac_sdn', 'record 47800', 'listed 2024-05-03',
      'Unified Social Credit Code (USCC)', 'China (CN)',
      'As listed: Unified Social Credit Code (USCC) 91420100551956105K (China)'])
      assert(reg.includes(s), 'registrationNumber lacks ' + s + ': ' + reg);
    const inc = await page.innerText('[data-prop="incorporationDate"]');
    assert(inc.includes('2010-03-08') && inc.includes('Organization Established Date 08 Mar 2010'), 'incorporationDate: ' + inc);
    const addr = await page.innerText('[data-prop="address"]');
    assert(addr.includes('add.csv:71520'), 'address record: ' + addr);
  });
  await check('Wuhan XRZ: links section says what there is', async () => {
    assert(await page.locator('.links-outgoing, .links-incoming').count() === 2, 'no link groups');
  });
  await page.screenshot({ path: join(OUT, 'screenshot-entity-wuhan-xrz.png'), fullPage: true });

  await openEntity(page, 'ofac-0');
  await check('an unknown entity: the 404 said plainly', async () => {
    const err = await page.innerText('#entity-error');
    assert(/404/.test(err) && /no entity with id 'ofac-0'/.test(err), 'error: ' + err);
  });

  await page.goto(BASE + '/#/');
  await search(page, { name: 'a'.repeat(600) });
  await check('a bad request: the API error (422 detail) shown plainly', async () => {
    const err = page.locator('#search-error');
    assert(await err.isVisible(), 'no error shown');
    assert(await err.getAttribute('role') === 'alert', 'not an alert');
    const text = await err.innerText();
    assert(/HTTP 422/.test(text) && /longer than 512 bytes/.test(text), 'error: ' + text);
    assert(await page.locator('#results > li').count() === 0, 'stale results left');
  });
  await page.screenshot({ path: join(OUT, 'screenshot-error.png'), fullPage: true });

  await search(page, { name: '<img src=x onerror=alert(1)>"&amp;' });
  await check('text from the query and the API is escaped, never markup', async () => {
    const summary = await page.innerText('#results-summary');
    assert(summary.includes('<img src=x onerror=alert(1)>"&amp;'), 'summary: ' + summary);
    assert(await page.locator('#results-panel img').count() === 0, 'an img element was made');
    assert(!(await page.isVisible('#search-error')), 'an error was shown');
  });

  await check('contrast: text and badges meet WCAG AA (4.5:1)', async () => {
    await search(page, { name: '倪高彬' });
    const low = await page.evaluate(() => {
      const rgb = (s) => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
      const lum = (c) => {
        const [r, g, b] = c.map((v) => {
          v /= 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const bg = (e) => {
        for (; e; e = e.parentElement) {
          const s = getComputedStyle(e).backgroundColor;
          if (s && !/rgba\(.*, 0\)$/.test(s) && s !== 'transparent') return rgb(s);
        }
        return [255, 255, 255];
      };
      const out = [];
      for (const sel of ['body', '.hint', '.summary', '.badge-match', '.badge', '.tag-dataset',
        '.score-value', '.explanation td.detail', '.meta dt', 'h3 a', 'label', '.brand-tagline', '.index-info']) {
        const e = document.querySelector(sel);
        if (!e) continue;
        const a = lum(rgb(getComputedStyle(e).color));
        const b = lum(bg(e));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) out.push(sel + ' ' + ratio.toFixed(2));
      }
      return out;
    });
    assert(!low.length, 'low contrast: ' + low.join(', '));
  });

  /* A phone: 375 px wide. */
  const phone = watch(await context.newPage());
  await phone.setViewportSize({ width: 375, height: 812 });
  await phone.goto(BASE + '/');
  await check('375 px: the empty page does not scroll sideways', async () => {
    const o = await horizontalOverflow(phone);
    assert(o.scroll <= o.client, JSON.stringify(o));
  });
  await search(phone, { name: 'Violet Typhoon' });
  await check('375 px: results do not scroll sideways', async () => {
    assert(await phone.locator('#results > li').count() >= 4, 'no results');
    const o = await horizontalOverflow(phone);
    assert(o.scroll <= o.client, JSON.stringify(o));
  });
  await phone.screenshot({ path: join(OUT, 'screenshot-phone-results.png'), fullPage: true });
  for (const id of [APT31, 'ofac-47800', 'ofac-47818']) {
    await openEntity(phone, id);
    await check('375 px: the entity page of ' + id + ' does not scroll sideways', async () => {
      assert(await phone.locator('#entity h1').count() === 1, 'not shown');
      const o = await horizontalOverflow(phone);
      assert(o.scroll <= o.client, JSON.stringify(o));
    });
  }
  await check('375 px: the API key panel, open, does not scroll sideways', async () => {
    await phone.click('#key-panel > summary');
    assert(await phone.isVisible('#api-key'), 'the key field is not shown');
    const o = await horizontalOverflow(phone);
    assert(o.scroll <= o.client, JSON.stringify(o));
    await phone.click('#key-panel > summary');
  });
  await openEntity(phone, 'ofac-47800');
  await phone.screenshot({ path: join(OUT, 'screenshot-phone-entity.png'), fullPage: true });
  await phone.close();

  /* A server that wants an API key. */
  const keyed = watch(await context.newPage());
  const sent = [];
  keyed.on('request', (r) => {
    if (r.url().includes('/match/')) sent.push(r.headers().authorization || '');
  });
  await keyed.goto(KEYED + '/');
  await check('API key: the page itself needs none; the menu says one is needed', async () => {
    await keyed.waitForFunction(() => /API key/.test(document.getElementById('q-dataset-hint').textContent));
  });
  await search(keyed, { name: '倪高彬' });
  await check('API key: without one, the 401 is shown and the key field offered', async () => {
    const text = await keyed.innerText('#search-error');
    assert(/HTTP 401/.test(text) && /API key is required/.test(text), 'error: ' + text);
    assert(await keyed.getAttribute('#key-panel', 'open') !== null, 'key panel not opened');
  });
  await check('API key: saved for the session and sent as "ApiKey ..."', async () => {
    await keyed.fill('#api-key', KEY);
    await keyed.press('#api-key', 'Enter');
    await keyed.waitForFunction(() => /Saved/.test(document.getElementById('key-status').textContent));
    assert(await keyed.evaluate(() => sessionStorage.getItem('watchlist.apiKey')) === KEY, 'not in sessionStorage');
    assert(await keyed.inputValue('#api-key') === '', 'the key stays in the field');
    await keyed.waitForSelector('#q-dataset option[value="us_ofac_sdn"]', { state: 'attached' });
    await search(keyed, { name: '倪高彬' });
    assert(!(await keyed.isVisible('#search-error')), 'still an error');
    const href = await keyed.locator('#results > li h3 a').first().getAttribute('href');
    assert(href === '#/entity/ofac-47818', 'first: ' + href);
    assert(sent[sent.length - 1] === 'ApiKey ' + KEY, 'header sent: ' + sent[sent.length - 1]);
    assert(sent[0] === '', 'a key was sent before one was given');
  });
  await check('API key: entity pages use it too', async () => {
    await openEntity(keyed, 'ofac-47818');
    assert(await keyed.innerText('#entity h1') === 'NI, Gaobin', 'entity not shown');
  });
  await keyed.close();

  await check('no script error or CSP violation on any page', async () => {
    /* The deliberate 401, 404 and 422 answers are logged by the browser as failed loads. */
    const real = problems.filter((p) => !/status of (401|404|422)/.test(p));
    assert(!real.length, real.join(' | '));
  });
} catch (e) {
  failed++;
  console.log('FAIL the browser session: ' + String(e && e.stack ? e.stack : e).split('\n').slice(0, 3).join(' '));
} finally {
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
console.log(`browser session: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
