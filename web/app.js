/*
 * app.js - the analysts' page: the search form, result cards, entity pages, the API key.
 *
 * It talks to the same server's API only: GET /catalog (the lists, for the
 * dataset menu), POST /match/{dataset} in yente's dialect ({"queries": {"q":
 * {"schema", "properties": {"name", "birthDate", "country"}}}}, limit 10),
 * and GET /entities/{id}. Two views share the page, routed on the client by
 * the URL's fragment: the search (#/) and an entity (#/entity/ID), so that
 * entity links are real links (open in a new tab, back button, bookmarks).
 *
 * Safety: every text that comes from the API is put in the page as a text
 * node (el() below), never as HTML, so a list's data cannot become markup
 * or script; links to other sites are made only for http(s) addresses. The
 * page runs under `default-src 'self'`: no inline script, no eval, no inline
 * style attribute (the score bars are sized through the CSSOM).
 *
 * Accessibility: the form has labels and hints, results are a list with a
 * heading per result, errors are announced (role=alert) and a view change
 * moves the focus to the new view's heading, and back to the link that
 * left it.
 */
'use strict';

(function () {
  const KEY_STORE = 'watchlist.apiKey';
  const LIMIT = 10;
  const COLLECTIONS = {
    default: 'Every list',
    sanctions: 'Sanctions lists',
    threat_actors: 'Threat-actor registries',
  };
  const FEATURES = {
    name: 'Name',
    birthDate: 'Date of birth',
    country: 'Country',
    schema: 'Type',
    identifier: 'Identifier',
  };
  const PROPERTIES = {
    name: 'Name', alias: 'Alias', weakAlias: 'Weak alias', previousName: 'Previous name',
    firstName: 'First name', middleName: 'Middle name', lastName: 'Last name',
    fatherName: "Father's name", secondName: 'Second name', title: 'Title',
    birthDate: 'Date of birth', birthPlace: 'Place of birth', deathDate: 'Date of death',
    nationality: 'Nationality', citizenship: 'Citizenship', country: 'Country',
    jurisdiction: 'Jurisdiction', gender: 'Gender', position: 'Position',
    idNumber: 'ID number', passportNumber: 'Passport number',
    registrationNumber: 'Registration number', taxNumber: 'Tax number',
    incorporationDate: 'Incorporation date', dissolutionDate: 'Dissolution date',
    legalForm: 'Legal form', sector: 'Sector', address: 'Address', website: 'Website',
    email: 'Email', phone: 'Phone', topics: 'Topics', program: 'Sanctions program',
    notes: 'Notes', description: 'Description', summary: 'Summary', sourceUrl: 'Source',
    imoNumber: 'IMO number', mmsi: 'MMSI', callSign: 'Call sign', flag: 'Flag',
    buildDate: 'Build date', tonnage: 'Tonnage', grossRegisteredTonnage: 'Gross tonnage',
    owner: 'Owner', type: 'Kind', model: 'Model', serialNumber: 'Serial number',
  };
  const COUNTRY_PROPS = new Set(['country', 'nationality', 'citizenship', 'jurisdiction', 'flag']);
  const LINK_TYPES = {
    sameAs: 'Same as',
    linkedTo: 'Linked to',
    related: 'Related to',
    ownership: 'Owned by',
    membership: 'Member of',
  };
  const TOPICS = { sanction: 'Sanctioned', 'crime.cyber': 'Threat actor' };
  const MANY = 8; /* values shown before "show more" */

  const $ = (id) => document.getElementById(id);
  const state = {
    titles: new Map(), /* dataset name -> title, from /catalog */
    threshold: 0.8,
    returnFocus: null, /* the link that opened an entity, focused again on the way back */
    entityToken: 0,
    searchToken: 0,
  };
  let regionNames = null;
  try {
    regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch (e) {
    regionNames = null;
  }

  /* ---------------------------------------------------------------- DOM */

  /*
   * el('a', {href: x, class: 'y'}, 'text', child...): an element with its
   * attributes and children. Strings become text nodes, never markup.
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    append(node, children);
    return node;
  }

  /* Appends a child, or each of a list of them (nested lists too). */
  function append(node, children) {
    for (const c of Array.isArray(children) ? children : [children]) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else if (c instanceof Node) node.appendChild(c);
      else node.appendChild(document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function entityHref(id) {
    return '#/entity/' + encodeURIComponent(id);
  }

  function entityLink(id, text, attrs) {
    return el('a', Object.assign({ href: entityHref(id), class: 'entity-link' }, attrs || {}),
      text || id);
  }

  /* A link to another site for an http(s) address; any other text stays text. */
  function externalLink(text) {
    let url = null;
    try {
      url = new URL(text);
    } catch (e) {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return text;
    return el('a', { href: url.href, rel: 'noopener noreferrer nofollow', target: '_blank',
      class: 'external' }, text);
  }

  function countryName(code) {
    if (typeof code !== 'string' || !/^[a-z]{2}$/i.test(code) || !regionNames) return null;
    try {
      const n = regionNames.of(code.toUpperCase());
      return n && n.toUpperCase() !== code.toUpperCase() ? n : null;
    } catch (e) {
      return null;
    }
  }

  function countryText(code) {
    const n = countryName(code);
    return n ? n + ' (' + code.toUpperCase() + ')' : code;
  }

  function propertyLabel(p) {
    if (PROPERTIES[p]) return PROPERTIES[p];
    const words = String(p).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function datasetTag(name) {
    return el('span', { class: 'tag tag-dataset', title: state.titles.get(name) || null }, name);
  }

  function fmtScore(x) {
    return typeof x === 'number' && isFinite(x) ? x.toFixed(2) : '–';
  }

  /* A qualifier's score is an adjustment, shown with its sign: +0.02, −0.05. */
  function fmtAdjustment(x) {
    if (typeof x !== 'number' || !isFinite(x)) return '–';
    if (Math.abs(x) < 0.005) return '0.00';
    return (x > 0 ? '+' : '−') + Math.abs(x).toFixed(2);
  }

  function asList(v) {
    if (v === null || v === undefined) return [];
    return Array.isArray(v) ? v : [v];
  }

  /* ---------------------------------------------------------------- API */

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
      this.detail = detail;
    }
  }

  function apiKey() {
    try {
      return sessionStorage.getItem(KEY_STORE) || '';
    } catch (e) {
      return '';
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const key = apiKey();
    if (key) headers.Authorization = 'ApiKey ' + key;
    let resp;
    try {
      resp = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch (e) {
      throw new ApiError(0, 'The server could not be reached (' + e.message + ').');
    }
    const text = await resp.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (!resp.ok) {
      let detail = data && data.detail !== undefined ? data.detail : text.slice(0, 500);
      if (typeof detail !== 'string') detail = JSON.stringify(detail);
      throw new ApiError(resp.status, detail || resp.statusText || 'no detail given');
    }
    if (data === null || typeof data !== 'object')
      throw new ApiError(resp.status, 'The server sent an answer that is not JSON.');
    return data;
  }

  const STATUS_TEXT = {
    400: 'Bad request', 401: 'API key needed', 403: 'Forbidden', 404: 'Not found',
    405: 'Method not allowed', 413: 'Request too large', 422: 'Query not valid',
    429: 'Too many requests', 500: 'Server error', 503: 'Not ready', 504: 'Took too long',
  };

  /* Shows an API error in an alert box: what failed, the status and the server's detail. */
  function showError(box, what, err) {
    clear(box);
    const status = err instanceof ApiError ? err.status : 0;
    const head = status ? what + ': ' + (STATUS_TEXT[status] || 'error') + ' (HTTP ' + status + ')'
      : what;
    append(box, [el('p', { class: 'error-title' }, head),
      el('p', { class: 'error-detail' }, err.detail || err.message || String(err))]);
    if (status === 401) {
      append(box, el('p', null, 'Enter an API key under “API key” at the top of the page.'));
      $('key-panel').open = true;
    }
    box.hidden = false;
  }

  function hideError(box) {
    clear(box);
    box.hidden = true;
  }

  /* ---------------------------------------------------------------- catalog */

  async function loadCatalog() {
    const select = $('q-dataset');
    const hint = $('q-dataset-hint');
    let cat;
    try {
      cat = await api('GET', '/catalog');
    } catch (err) {
      hint.textContent = err.status === 401
        ? 'Enter an API key to see every list.'
        : 'The list of lists could not be loaded: ' + err.detail;
      return;
    }
    const current = select.value;
    const datasets = asList(cat.datasets);
    for (const d of datasets) if (d && d.name) state.titles.set(d.name, d.title || d.name);
    clear(select);
    const collections = el('optgroup', { label: 'Collections' });
    const sources = el('optgroup', { label: 'Single lists' });
    for (const d of datasets) {
      if (!d || typeof d.name !== 'string') continue;
      const count = typeof d.entities === 'number' ? ' (' + d.entities.toLocaleString('en') + ')' : '';
      if (d.type === 'collection') {
        collections.appendChild(el('option', { value: d.name },
          (COLLECTIONS[d.name] || d.title || d.name) + count));
      } else {
        sources.appendChild(el('option', { value: d.name },
          d.name + (d.title && d.title !== d.name ? ': ' + d.title : '') + count));
      }
    }
    append(select, [collections, sources]);
    select.value = datasets.some((d) => d && d.name === current) ? current : 'default';
    hint.textContent = '';
    const idx = cat.index || {};
    const info = $('index-info');
    const parts = [];
    if (typeof idx.entities === 'number') parts.push(idx.entities.toLocaleString('en') + ' entities');
    const lists = datasets.filter((d) => d && d.type !== 'collection').length;
    if (lists) parts.push(lists + ' lists');
    if (idx.created) parts.push('index built ' + String(idx.created).slice(0, 10));
    info.textContent = parts.join(' · ');
  }

  /* ---------------------------------------------------------------- highlighting */

  /* A word as the matcher compares it, as near as the browser can: no accents, lower case. */
  function normWord(w) {
    return w.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  }

  /*
   * The candidate's tokens the query met, from the name feature's detail:
   * "gao bin=gaobin, ni=ni; query 100% matched, name 100%" (= the same
   * token, ~ a similar one, a weak alias prefixed "weak alias (capped): ").
   */
  function metTokens(detail) {
    const exact = new Set();
    const similar = new Set();
    if (typeof detail !== 'string') return { exact, similar };
    let s = detail;
    const semi = s.indexOf(';');
    if (semi >= 0) s = s.slice(0, semi);
    s = s.replace(/^[^=~]*:\s+/, '');
    for (const pair of s.split(', ')) {
      const m = /^(.*?)([=~])(.*)$/.exec(pair);
      if (!m) continue;
      for (const t of m[3].split(/\s+/)) if (t) (m[2] === '=' ? exact : similar).add(normWord(t));
    }
    return { exact, similar };
  }

  /*
   * The text with the words the query met marked: <mark> for the same
   * token, <mark class="similar"> for a similar one. Words joined by the
   * matcher ("Gao Bin" as "gaobin") are found by joining up to three.
   */
  function highlight(text, met) {
    const frag = document.createDocumentFragment();
    if (typeof text !== 'string') return frag;
    const parts = text.split(/([\p{L}\p{N}]+)/u);
    const kinds = new Array(parts.length).fill(null);
    const words = [];
    for (let i = 1; i < parts.length; i += 2) words.push(i);
    for (let w = 0; w < words.length; w++) {
      let joined = '';
      for (let k = 0; k < 3 && w + k < words.length; k++) {
        joined += normWord(parts[words[w + k]]);
        const kind = met.exact.has(joined) ? 'exact' : met.similar.has(joined) ? 'similar' : null;
        if (!kind) continue;
        for (let j = 0; j <= k; j++) if (!kinds[words[w + j]]) kinds[words[w + j]] = kind;
      }
    }
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      if (kinds[i]) {
        frag.appendChild(el('mark', kinds[i] === 'similar'
          ? { class: 'similar', title: 'similar to the query' } : null, parts[i]));
      } else {
        frag.appendChild(document.createTextNode(parts[i]));
      }
    }
    return frag;
  }

  /* ---------------------------------------------------------------- search */

  /* The form as a yente query: {"queries": {"q": {"schema", "properties"}}}. */
  function readQuery() {
    const props = { name: [$('q-name').value.trim()] };
    const dob = $('q-dob').value.trim();
    const country = $('q-country').value.trim();
    if (dob) props.birthDate = [dob];
    if (country) props.country = [country];
    const t = $('q-threshold').value.trim();
    return {
      dataset: $('q-dataset').value || 'default',
      threshold: t === '' ? null : Number(t),
      body: { queries: { q: { schema: $('q-schema').value || 'Thing', properties: props } } },
    };
  }

  async function onSearch(ev) {
    ev.preventDefault();
    const form = $('search-form');
    if (!form.reportValidity()) return;
    const q = readQuery();
    const token = ++state.searchToken;
    const button = $('q-submit');
    const list = $('results');
    const summary = $('results-summary');
    hideError($('search-error'));
    button.disabled = true;
    button.textContent = 'Screening…';
    $('results-panel').setAttribute('aria-busy', 'true');
    summary.textContent = 'Screening “' + q.body.queries.q.properties.name[0] + '”…';
    let params = 'limit=' + LIMIT;
    if (q.threshold !== null) params += '&threshold=' + encodeURIComponent(q.threshold);
    try {
      const data = await api('POST', '/match/' + encodeURIComponent(q.dataset) + '?' + params, q.body);
      if (token !== state.searchToken) return;
      const resp = data.responses && data.responses.q;
      if (!resp) throw new ApiError(0, 'The answer holds no response for the query.');
      state.threshold = q.threshold !== null ? q.threshold : 0.8;
      renderResults(resp, q);
    } catch (err) {
      if (token !== state.searchToken) return;
      clear(list);
      $('results-warnings').hidden = true;
      summary.textContent = 'No results: the search failed.';
      showError($('search-error'), 'The search failed', err);
    } finally {
      if (token === state.searchToken) {
        button.disabled = false;
        button.textContent = 'Screen';
        $('results-panel').setAttribute('aria-busy', 'false');
      }
    }
  }

  function renderResults(resp, q) {
    const list = clear($('results'));
    const results = asList(resp.results);
    const name = q.body.queries.q.properties.name[0];
    const matches = results.filter((r) => r && r.match).length;
    const where = COLLECTIONS[q.dataset] ? COLLECTIONS[q.dataset].toLowerCase() : q.dataset;
    let text;
    if (!results.length) {
      text = 'Nothing found for “' + name + '” in ' + where + '.';
    } else {
      text = results.length + (results.length === 1 ? ' result' : ' results') + ' for “' + name +
        '” in ' + where + ': ' + (matches ? matches + (matches === 1 ? ' match' : ' matches')
        : 'no match') + ' at threshold ' + fmtScore(state.threshold) + '.';
    }
    $('results-summary').textContent = text;
    const warnings = clear($('results-warnings'));
    for (const w of asList(resp.warnings)) warnings.appendChild(el('li', null, String(w)));
    warnings.hidden = !warnings.firstChild;
    results.forEach((r, i) => {
      if (r && typeof r === 'object') list.appendChild(resultCard(r, i));
    });
    /* On a phone the results are below the form: bring them into view (the focus stays). */
    const top = $('results-panel').getBoundingClientRect().top;
    if (top > window.innerHeight * 0.6) $('results-panel').scrollIntoView({ block: 'start' });
  }

  function scoreBar(score, match) {
    const fill = el('span', { class: 'bar-fill' + (match ? ' bar-match' : '') });
    const x = typeof score === 'number' && isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
    fill.style.width = (x * 100).toFixed(1) + '%';
    const tick = el('span', { class: 'bar-threshold', title: 'threshold ' + fmtScore(state.threshold) });
    tick.style.left = (Math.max(0, Math.min(1, state.threshold)) * 100).toFixed(1) + '%';
    return el('span', { class: 'bar', 'aria-hidden': 'true' }, fill, tick);
  }

  function resultCard(r, i) {
    const id = String(r.id || '');
    const titleId = 'result-' + i + '-title';
    const expl = r.explanations && typeof r.explanations === 'object' ? r.explanations : {};
    const met = metTokens(expl.name && expl.name.detail);
    const caption = String(r.caption || id);
    const candidate = expl.name && typeof expl.name.candidate === 'string' ? expl.name.candidate : '';
    const badges = el('p', { class: 'badges' },
      r.match ? el('span', { class: 'badge badge-match' }, 'MATCH') : null,
      el('span', { class: 'badge' }, String(r.schema || 'Thing')),
      asList(r.topics).map((t) => el('span', { class: 'badge badge-topic' }, TOPICS[t] || t)));
    const head = el('div', { class: 'card-head' },
      el('div', { class: 'card-title' },
        el('h3', { id: titleId },
          el('span', { class: 'rank' }, (i + 1) + '. '),
          el('a', { href: entityHref(id), class: 'entity-link' }, highlight(caption, met))),
        badges),
      el('div', { class: 'score' + (r.match ? ' score-match' : '') },
        el('span', { class: 'score-label' }, 'Score'),
        el('span', { class: 'score-value' }, fmtScore(r.score)),
        scoreBar(r.score, r.match)));
    const meta = el('dl', { class: 'meta' },
      el('div', null, el('dt', null, 'ID'), el('dd', null, el('code', null, id))),
      el('div', null, el('dt', null, asList(r.datasets).length > 1 ? 'Lists' : 'List'),
        el('dd', null, asList(r.datasets).map(datasetTag))),
      r.last_seen ? el('div', null, el('dt', null, 'List date'), el('dd', null, String(r.last_seen)))
        : null);
    const matched = candidate && candidate !== caption
      ? el('p', { class: 'matched-name' }, 'Matched name: ', el('span', { class: 'name' },
        highlight(candidate, met)))
      : null;
    return el('li', { class: 'card' + (r.match ? ' card-match' : '') },
      el('article', { 'aria-labelledby': titleId },
        head, matched, meta, explanationTable(expl, titleId), alsoListed(r.other_listings)));
  }

  function explanationTable(expl, titleId) {
    const names = Object.keys(FEATURES).filter((f) => expl[f])
      .concat(Object.keys(expl).filter((f) => !FEATURES[f]));
    if (!names.length) return null;
    const rows = names.map((f) => {
      const e = expl[f] && typeof expl[f] === 'object' ? expl[f] : {};
      const cells = [
        ['Feature', el('th', { scope: 'row' }, FEATURES[f] || propertyLabel(f))],
        ['Score', el('td', { class: 'num' }, f === 'name' ? fmtScore(e.score) : fmtAdjustment(e.score))],
        ['Query', el('td', null, e.query === undefined ? '' : String(e.query))],
        ['Candidate', el('td', null, e.candidate === undefined ? '' : String(e.candidate))],
        ['Detail', el('td', { class: 'detail' }, e.detail === undefined ? '' : String(e.detail))],
      ];
      for (const [label, cell] of cells) cell.setAttribute('data-label', label);
      return el('tr', { class: 'feature-' + f }, cells.map((c) => c[1]));
    });
    return el('div', { class: 'explanation' },
      el('table', null,
        el('caption', null, 'How the score was reached'),
        el('thead', null, el('tr', null,
          ['Feature', 'Score', 'Query', 'Candidate', 'Detail'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', null, rows)));
  }

  function alsoListed(others) {
    const list = asList(others).filter((o) => o && o.id);
    if (!list.length) return null;
    return el('div', { class: 'also' },
      el('h4', null, 'Also listed by'),
      el('ul', null, list.map((o) => el('li', null,
        entityLink(String(o.id), String(o.caption || o.id)), ' ',
        o.dataset ? datasetTag(String(o.dataset)) : null,
        o.detail ? el('span', { class: 'muted' }, ' — ' + o.detail) : null))));
  }

  /* ---------------------------------------------------------------- entity */

  async function showEntity(id) {
    const token = ++state.entityToken;
    $('search-view').hidden = true;
    $('entity-view').hidden = false;
    const box = $('entity');
    const errBox = $('entity-error');
    hideError(errBox);
    clear(box);
    box.setAttribute('aria-busy', 'true');
    append(box, el('p', { class: 'loading', role: 'status' }, 'Loading ' + id + '…'));
    document.title = id + ' · watchlist';
    try {
      const e = await api('GET', '/entities/' + encodeURIComponent(id));
      if (token !== state.entityToken) return;
      clear(box);
      renderEntity(box, e);
      document.title = String(e.caption || id) + ' · watchlist';
    } catch (err) {
      if (token !== state.entityToken) return;
      clear(box);
      showError(errBox, 'The entity ' + id + ' could not be shown', err);
    } finally {
      if (token === state.entityToken) box.setAttribute('aria-busy', 'false');
    }
    if (token !== state.entityToken) return;
    const h = box.querySelector('h1') || $('back-link');
    h.focus();
    window.scrollTo(0, 0);
  }

  function renderEntity(box, e) {
    const id = String(e.id || '');
    const props = e.properties && typeof e.properties === 'object' ? e.properties : {};
    const prov = e.provenance && typeof e.provenance === 'object' ? e.provenance : {};
    append(box, [
      el('header', { class: 'entity-head' },
        el('h1', { tabindex: '-1', id: 'entity-title' }, String(e.caption || id)),
        el('p', { class: 'badges' },
          el('span', { class: 'badge' }, String(e.schema || 'Thing')),
          asList(e.topics).map((t) => el('span', { class: 'badge badge-topic' }, TOPICS[t] || t)))),
      el('dl', { class: 'meta entity-meta' },
        el('div', null, el('dt', null, 'ID'), el('dd', null, el('code', null, id))),
        e.source ? el('div', null, el('dt', null, 'Listed by'), el('dd', null, datasetTag(String(e.source)),
          e.source_id ? el('span', { class: 'muted' }, ' record ' + e.source_id) : null)) : null,
        e.list_date ? el('div', null, el('dt', null, 'List date'), el('dd', null, String(e.list_date)))
          : null,
        asList(e.datasets).length ? el('div', null, el('dt', null, 'In lists'),
          el('dd', null, asList(e.datasets).map((d) => datasetTag(String(d))))) : null),
      el('section', { class: 'entity-section', 'aria-labelledby': 'props-title' },
        el('h2', { id: 'props-title' }, 'Properties'),
        el('p', { class: 'hint' }, 'Each value with where it comes from: the list, the list’s ' +
          'record, the list’s date and, where the list said more, its own wording.'),
        propertyList(props, prov)),
      otherListings(e.other_listings),
      linkSection(asList(e.links)),
    ]);
  }

  function propertyList(props, prov) {
    const dl = el('dl', { class: 'props' });
    for (const [p, raw] of Object.entries(props)) {
      const values = asList(raw);
      const sources = asList(prov[p]);
      const items = values.map((v, i) => valueItem(p, v, sources[i]));
      let content;
      if (items.length > MANY) {
        content = [el('ul', { class: 'values' }, items.slice(0, MANY)),
          el('details', { class: 'more' },
            el('summary', null, 'Show ' + (items.length - MANY) + ' more'),
            el('ul', { class: 'values' }, items.slice(MANY)))];
      } else {
        content = el('ul', { class: 'values' }, items);
      }
      dl.appendChild(el('div', { class: 'prop prop-' + p, 'data-prop': p },
        el('dt', null, propertyLabel(p), el('span', { class: 'count' }, values.length > 1
          ? ' (' + values.length + ')' : '')),
        el('dd', null, content)));
    }
    return dl;
  }

  function valueItem(p, v, source) {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    let shown = text;
    if (COUNTRY_PROPS.has(p)) shown = countryText(text);
    else if (p === 'sourceUrl' || p === 'website') shown = externalLink(text);
    return el('li', { class: 'value' },
      el('span', { class: 'value-text' }, shown),
      asList(source).map(provenanceLine));
  }

  /* A list's record id; a long one (a UUID) shortened, in full in its title. */
  function recordId(r) {
    if (r.length <= 16) return el('code', null, r);
    return el('code', null, el('abbr', { title: r }, r.slice(0, 8) + '…'));
  }

  /* One value's provenance: list, record, list date, detail, country, original wording. */
  function provenanceLine(s) {
    if (!s || typeof s !== 'object') return null;
    const parts = [];
    if (s.dataset) parts.push(datasetTag(String(s.dataset)));
    if (s.record) parts.push(el('span', null, 'record ', recordId(String(s.record))));
    if (s.list_date) parts.push(el('span', { class: 'nowrap' }, 'listed ' + s.list_date));
    if (s.detail) parts.push(el('span', null, String(s.detail)));
    if (s.country) parts.push(el('span', null, countryText(String(s.country))));
    for (const [k, val] of Object.entries(s)) {
      if (['dataset', 'record', 'list_date', 'detail', 'country', 'original'].includes(k)) continue;
      parts.push(el('span', null, k + ': ' + (typeof val === 'string' ? val : JSON.stringify(val))));
    }
    const sep = [];
    parts.forEach((x, i) => sep.push(i ? el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : null, x));
    return el('div', { class: 'provenance' },
      el('span', { class: 'visually-hidden' }, 'Source: '), sep,
      s.original ? el('div', { class: 'original' }, 'As listed: ',
        el('q', null, String(s.original))) : null);
  }

  function otherListings(others) {
    const list = asList(others).filter((o) => o && o.id);
    if (!list.length) return null;
    return el('section', { class: 'entity-section', 'aria-labelledby': 'other-title' },
      el('h2', { id: 'other-title' }, 'Also listed by'),
      el('ul', { class: 'link-list other-listings' }, list.map((o) => el('li', null,
        entityLink(String(o.id), String(o.caption || o.id)), ' ',
        o.dataset ? datasetTag(String(o.dataset)) : null,
        o.detail ? el('span', { class: 'muted' }, ' — ' + o.detail) : null))));
  }

  function linkSection(links) {
    const out = links.filter((l) => l && l.id && l.direction !== 'incoming');
    const inc = links.filter((l) => l && l.id && l.direction === 'incoming');
    const group = (items, title, cls, empty) => el('div', { class: 'link-group ' + cls },
      el('h3', null, title, el('span', { class: 'count' }, ' (' + items.length + ')')),
      items.length ? el('ul', { class: 'link-list' }, items.map(linkItem))
        : el('p', { class: 'muted' }, empty));
    return el('section', { class: 'entity-section', 'aria-labelledby': 'links-title' },
      el('h2', { id: 'links-title' }, 'Links'),
      group(out, 'From this entity', 'links-outgoing', 'This entity’s list names no other entity.'),
      group(inc, 'To this entity', 'links-incoming', 'No other entity names this one.'));
  }

  function linkItem(l) {
    const type = LINK_TYPES[l.type] || propertyLabel(String(l.type || 'link'));
    const p = l.provenance && typeof l.provenance === 'object' ? l.provenance : null;
    return el('li', { class: 'link-item' },
      el('span', { class: 'link-type' }, type), ' ',
      entityLink(String(l.id), String(l.caption || l.id)), ' ',
      l.schema ? el('span', { class: 'badge' }, String(l.schema)) : null, ' ',
      l.dataset ? datasetTag(String(l.dataset)) : null,
      l.detail ? el('span', { class: 'muted' }, ' — ' + l.detail) : null,
      p ? el('div', { class: 'provenance' }, 'Stated by ', p.dataset ? datasetTag(String(p.dataset)) : null,
        p.record ? el('span', null, ' record ', recordId(String(p.record))) : null,
        p.list_date ? el('span', { class: 'nowrap' }, ', listed ' + p.list_date) : null) : null);
  }

  /* ---------------------------------------------------------------- routing */

  function showSearch() {
    const wasEntity = !$('entity-view').hidden;
    state.entityToken++;
    $('entity-view').hidden = true;
    $('search-view').hidden = false;
    document.title = 'Screening · watchlist';
    if (!wasEntity) return;
    const back = state.returnFocus;
    if (back && document.body.contains(back)) back.focus();
    else $('q-name').focus();
  }

  function route() {
    const m = /^#\/entity\/(.+)$/.exec(location.hash);
    if (!m) return showSearch();
    let id;
    try {
      id = decodeURIComponent(m[1]);
    } catch (e) {
      id = m[1];
    }
    return showEntity(id);
  }

  /* ---------------------------------------------------------------- API key */

  function showKeyState() {
    const has = !!apiKey();
    $('key-state').textContent = has ? 'API key: set' : 'API key';
    $('key-forget').disabled = !has;
  }

  function onKeySave(ev) {
    ev.preventDefault();
    const input = $('api-key');
    const key = input.value.trim();
    const status = $('key-status');
    if (!/^[\x21-\x7e]+$/.test(key)) {
      status.textContent = key ? 'A key is printable ASCII without spaces.' : 'Enter a key first.';
      input.focus();
      return;
    }
    try {
      sessionStorage.setItem(KEY_STORE, key);
      status.textContent = 'Saved for this tab.';
    } catch (e) {
      status.textContent = 'This browser does not let the page keep the key.';
    }
    input.value = '';
    showKeyState();
    loadCatalog();
  }

  function onKeyForget() {
    try {
      sessionStorage.removeItem(KEY_STORE);
    } catch (e) {
      /* nothing kept */
    }
    $('key-status').textContent = 'Forgotten.';
    showKeyState();
    $('api-key').focus();
  }

  /* ---------------------------------------------------------------- start */

  function start() {
    $('search-form').addEventListener('submit', onSearch);
    $('key-form').addEventListener('submit', onKeySave);
    $('key-forget').addEventListener('click', onKeyForget);
    /* The skip link moves the focus without touching the fragment, which is the route. */
    $('skip-link').addEventListener('click', (ev) => {
      ev.preventDefault();
      $('main').focus();
    });
    /* Remember which link left the results, to come back to it. */
    $('results').addEventListener('click', (ev) => {
      const a = ev.target.closest && ev.target.closest('a.entity-link');
      if (a) state.returnFocus = a;
    });
    window.addEventListener('hashchange', route);
    showKeyState();
    loadCatalog();
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
