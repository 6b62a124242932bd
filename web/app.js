// The factd dashboard: one page over the public API, nothing else.  Its state (the view, its
// filters, the search and the fact whose evidence is open) lives in the URL's fragment, as
// the same names the API takes, so a view can be bookmarked, shared and reloaded.
'use strict';

(function () {
  const VIEWS = {
    timeline: {
      title: 'Timeline', path: '/timeline',
      filters: [
        {name: 'kind', label: 'Kind', options: [['', 'all kinds'], ['agreement', 'agreements'], ['meeting', 'meetings']]},
        {name: 'from', label: 'From', placeholder: 'YYYY[-MM[-DD]]'},
        {name: 'to', label: 'To', placeholder: 'YYYY[-MM[-DD]]'},
        {name: 'min_sources', label: 'Min. sources', type: 'number'},
      ],
      fixed: {evidence: 'ids'},
      render: renderTimeline,
    },
    agreements: {
      title: 'Agreements', path: '/agreements',
      filters: [
        {name: 'party', label: 'Party', placeholder: 'India'},
        {name: 'signatory', label: 'Signatory', placeholder: 'name or id'},
        {name: 'signed_from', label: 'Signed from', placeholder: 'YYYY'},
        {name: 'signed_to', label: 'Signed to', placeholder: 'YYYY'},
        {name: 'min_sources', label: 'Min. sources', type: 'number'},
      ],
      fixed: {evidence: 'ids'},
      render: renderAgreements,
    },
    meetings: {
      title: 'Meetings', path: '/meetings',
      filters: [
        {name: 'participant', label: 'Participant', placeholder: 'name or id'},
        {name: 'place', label: 'Place'},
        {name: 'from', label: 'From', placeholder: 'YYYY[-MM[-DD]]'},
        {name: 'to', label: 'To', placeholder: 'YYYY[-MM[-DD]]'},
      ],
      fixed: {evidence: 'ids'},
      render: renderMeetings,
    },
    quotes: {
      title: 'Quotes by speaker', path: '/quotes',
      filters: [
        {name: 'speaker', label: 'Speaker', placeholder: 'name or id'},
        {name: 'min_sources', label: 'Min. sources', type: 'number'},
      ],
      fixed: {evidence: 'ids', sort: 'speaker'},
      render: renderQuotes,
    },
    people: {
      title: 'People', path: '/people',
      filters: [{name: 'disputed', label: 'Disputed', options: [['', 'all'], ['true', 'disputed only']]}],
      fixed: {sort: 'name'},
      render: renderPeople,
    },
    conflicts: {
      title: 'Conflicts', path: '/conflicts',
      filters: [
        {name: 'kind', label: 'Kind', options: [['', 'all kinds'], ['agreement', 'agreements'], ['meeting', 'meetings'],
                                                ['quote', 'quotes'], ['person', 'people']]},
        {name: 'attribute', label: 'Attribute', options: [['', 'any'], ['signed', 'signed'], ['date', 'date'],
                                                          ['place', 'place'], ['parties', 'parties'],
                                                          ['signatories', 'signatories'], ['participants', 'participants'],
                                                          ['speaker', 'speaker'], ['title', 'title']]},
      ],
      fixed: {evidence: 'none'},
      render: renderConflicts,
    },
    sources: {
      title: 'Sources', path: '/sources',
      filters: [{name: 'q', label: 'Text contains', placeholder: 'words'}],
      fixed: {sort: 'published'},
      render: renderSources,
    },
    search: {
      title: 'Search', path: '/search',
      filters: [
        {name: 'kind', label: 'Kind', options: [['', 'everything'], ['quote', 'quotes'], ['agreement', 'agreements'], ['source', 'articles']]},
      ],
      fixed: {evidence: 'ids'},
      render: renderSearch,
    },
  };
  const PAGE = 200;
  const $ = (id) => document.getElementById(id);

  // --- small helpers -----------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // replaceChildren() would print null as "null": this leaves out what is not there.
  function fill(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : (many || one + 's')}`;
  }

  function precisionOf(date) {
    if (!date) return null;
    return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  }

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                  'September', 'October', 'November', 'December'];

  // A date at the precision the text gives it, with that precision shown.
  function dateBadge(date, precision) {
    if (!date) return el('span', {class: 'date undated'}, 'undated');
    precision = precision || precisionOf(date);
    const [y, m, d] = date.split('-');
    const human = precision === 'day' ? `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`
      : precision === 'month' ? `${MONTHS[Number(m) - 1]} ${y}` : y;
    return el('span', {class: 'date'},
      el('time', {datetime: date}, human),
      el('span', {class: `precision p-${precision}`, title: `known to the ${precision}`}, precision));
  }

  function sourcesBadge(n) {
    return el('span', {class: 'corroboration' + (n > 1 ? ' multi' : ''),
                       title: `reported by ${plural(n, 'article')}`}, plural(n, 'source'));
  }

  // --- the URL's fragment is the state -----------------------------------------------------

  function readState() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const state = {};
    for (const [k, v] of params) if (v !== '') state[k] = v;
    if (!VIEWS[state.tab]) state.tab = 'timeline';
    return state;
  }

  function writeState(state, push) {
    const params = new URLSearchParams();
    params.set('tab', state.tab);
    for (const [k, v] of Object.entries(state)) {
      if (k !== 'tab' && v !== undefined && v !== null && v !== '') params.set(k, v);
    }
    const url = location.pathname + location.search + '#' + params.toString();
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    route();
  }

  function update(patch, push = true) {
    const state = Object.assign(readState(), patch);
    for (const k of Object.keys(state)) if (state[k] === null || state[k] === '') delete state[k];
    writeState(state, push);
  }

  // --- the API -----------------------------------------------------------------------------

  async function api(path) {
    let resp;
    try {
      resp = await fetch(path, {headers: {Accept: 'application/json'}});
    } catch (e) {
      throw new Error(`the server did not answer ${path} (${e.message})`);
    }
    const body = await resp.text();
    let doc = null;
    try { doc = body ? JSON.parse(body) : null; } catch (e) { doc = null; }
    if (!resp.ok) {
      const detail = doc && (doc.detail || doc.title);
      throw new Error(`${resp.status} on ${path}: ${detail || resp.statusText}`);
    }
    return doc;
  }

  const texts = new Map();
  async function sourceText(id) {
    if (!texts.has(id)) {
      const p = fetch(`/sources/${encodeURIComponent(id)}/text`).then(async (r) => {
        if (!r.ok) throw new Error(`${r.status} on /sources/${id}/text`);
        return Array.from(await r.text()); // code points: the API's offsets count these
      });
      texts.set(id, p);
      p.catch(() => texts.delete(id));
    }
    return texts.get(id);
  }

  const sourceTitles = new Map();
  function sourceLabel(id) {
    const s = sourceTitles.get(id);
    return s ? (s.title || s.file) : id;
  }

  function query(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  }

  // --- status ------------------------------------------------------------------------------

  function setLoading(on, what) {
    $('view').setAttribute('aria-busy', on ? 'true' : 'false');
    $('status').textContent = on ? `Loading ${what}…` : '';
    $('status').classList.toggle('loading', on);
  }

  function showError(message, retry) {
    const box = $('error');
    fill(box, el('strong', {}, 'Could not load: '), message,
      retry ? el('button', {type: 'button', class: 'retry', onclick: retry}, 'Retry') : null);
    box.hidden = false;
  }

  function clearError() {
    $('error').hidden = true;
    $('error').replaceChildren();
  }

  // --- the views ---------------------------------------------------------------------------

  let renderSeq = 0;
  let lastViewKey = null;

  function viewKey(state) {
    const s = Object.assign({}, state);
    delete s.fact; delete s.span;
    return JSON.stringify(s);
  }

  function buildFilters(view, state) {
    const form = $('filters');
    form.replaceChildren();
    for (const f of view.filters) {
      const id = `f-${f.name}`;
      let input;
      if (f.options) {
        input = el('select', {id, name: f.name},
          f.options.map(([v, label]) => el('option', {value: v, selected: (state[f.name] || '') === v}, label)));
      } else {
        input = el('input', {id, name: f.name, type: f.type || 'text', value: state[f.name] || '',
                             placeholder: f.placeholder || '', min: f.type === 'number' ? '1' : null});
      }
      form.append(el('div', {class: 'field'}, el('label', {for: id}, f.label), input));
    }
    if (view.filters.length) {
      form.append(el('div', {class: 'field actions'},
        el('button', {type: 'submit'}, 'Apply'),
        el('button', {type: 'button', class: 'secondary', onclick: () => {
          const patch = {};
          for (const f of view.filters) patch[f.name] = null;
          update(patch);
        }}, 'Clear')));
    }
    form.hidden = view.filters.length === 0;
  }

  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = VIEWS[readState().tab];
    const patch = {};
    for (const f of view.filters) patch[f.name] = ev.target.elements[f.name].value.trim() || null;
    update(patch);
  });

  async function renderView(state) {
    const view = VIEWS[state.tab];
    const seq = ++renderSeq;
    document.title = `${view.title} · factd dashboard`;
    $('view-title').textContent = view.title;
    for (const a of document.querySelectorAll('.tabs a')) {
      if (a.dataset.tab === state.tab) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    $('search-q').value = state.tab === 'search' ? (state.q || '') : $('search-q').value;
    buildFilters(view, state);
    clearError();

    const params = Object.assign({limit: String(PAGE)}, view.fixed);
    for (const f of view.filters) if (state[f.name]) params[f.name] = state[f.name];
    if (state.tab === 'search') {
      if (!state.q) {
        $('view').replaceChildren(el('p', {class: 'empty'},
          'Type words in the search box: every word must match; "a phrase", prefix* and OR work too.'));
        setApiLink('/search?q=');
        return;
      }
      params.q = state.q;
    }
    const url = query(view.path, params);
    setApiLink(url);
    $('view').replaceChildren();
    await loadPages(seq, view, url, state);
  }

  function setApiLink(url) {
    $('api-url').textContent = `GET ${url}`;
    $('api-link').href = url;
  }

  async function loadPages(seq, view, url, state) {
    setLoading(true, view.title.toLowerCase());
    let doc;
    try {
      doc = await api(url);
    } catch (e) {
      if (seq !== renderSeq) return;
      setLoading(false);
      showError(e.message, () => { lastViewKey = null; route(); });
      return;
    }
    if (seq !== renderSeq) return;
    setLoading(false);
    const items = doc.data || [];
    const more = $('view').querySelector('.more');
    if (more) more.remove();
    view.render(items, state, $('view').childElementCount > 0);
    if (!items.length && !$('view').childElementCount) {
      $('view').append(el('p', {class: 'empty'}, 'Nothing matches these filters.'));
    }
    if (doc.next) {
      $('view').append(el('button', {type: 'button', class: 'more', onclick: () => loadPages(seq, view, doc.next, state)},
        'Load more'));
    }
    $('status').textContent = `${view.title}: ${plural($('view').querySelectorAll('[data-id]').length, 'item')} shown`;
  }

  // A fact that opens its evidence: a real button, labelled by what it shows.
  function factButton(kind, fact, label, extraClass) {
    return el('button', {type: 'button', class: 'fact-link ' + (extraClass || ''),
                         'aria-label': `${label}: show the evidence`,
                         onclick: () => update({fact: `${kind}/${fact.id}`, span: null})}, label);
  }

  function personLink(p, tab, param) {
    if (!p || !p.name) return el('span', {class: 'person unknown'}, 'unknown speaker');
    const title = p.title ? el('span', {class: 'title'}, `, ${p.title}`) : null;
    if (!p.person_id) return el('span', {class: 'person'}, p.name, title);
    return el('span', {class: 'person'},
      el('a', {href: `#tab=${tab}&${param}=${encodeURIComponent(p.person_id)}`}, p.name), title);
  }

  function renderTimeline(items, state, appending) {
    let list = appending ? $('view').querySelector('ol.timeline') : null;
    if (!list) {
      list = el('ol', {class: 'timeline'});
      $('view').append(list);
    }
    let year = list.dataset.year || null;
    for (const e of items) {
      const y = e.date ? e.date.slice(0, 4) : 'Undated';
      if (y !== year) {
        list.append(el('li', {class: 'year', 'aria-hidden': 'false'}, el('h3', {}, y)));
        year = y;
      }
      const fact = e.fact || {};
      const detail = e.kind === 'agreement'
        ? [fact.parties && fact.parties.length ? fact.parties.join(' · ') : null, fact.place]
        : [fact.place, fact.occasion];
      list.append(el('li', {class: `entry k-${e.kind}`, dataset: {id: e.id, kind: e.kind, date: e.date || ''}},
        el('div', {class: 'when'}, dateBadge(e.date, e.precision)),
        el('div', {class: 'what'},
          el('span', {class: `kind k-${e.kind}`}, e.kind),
          factButton(e.kind === 'agreement' ? 'agreements' : 'meetings', e, e.label, 'label'),
          el('span', {class: 'detail'}, detail.filter(Boolean).join(' — ')),
          sourcesBadge(fact.source_count || 0),
          Object.keys(fact.disputes || {}).map((a) => disputeBadge(fact, a)))));
    }
    list.dataset.year = year || '';
  }

  function renderAgreements(items) {
    const grid = $('view').querySelector('.cards') || $('view').appendChild(el('div', {class: 'cards'}));
    for (const a of items) {
      grid.append(el('article', {class: 'card', dataset: {id: a.id}},
        el('h3', {}, factButton('agreements', a, a.name, 'label')),
        a.acronym ? el('p', {class: 'acronym'}, a.acronym) : null,
        el('p', {class: 'meta'}, dateBadge(a.signed), disputeBadge(a, 'signed'),
          a.place ? el('span', {class: 'place'}, a.place) : null, disputeBadge(a, 'place'),
          sourcesBadge(a.source_count)),
        el('dl', {},
          el('dt', {}, 'Parties'),
          el('dd', {}, a.parties.length ? a.parties.map((p) =>
            el('a', {class: 'chip', href: `#tab=agreements&party=${encodeURIComponent(p)}`}, p)) : '—',
            disputeBadge(a, 'parties')),
          el('dt', {}, 'Signatories'),
          el('dd', {}, disputeBadge(a, 'signatories'), a.signatories.length
            ? el('ul', {class: 'people'}, a.signatories.map((s) => el('li', {}, personLink(s, 'agreements', 'signatory'))))
            : '—'),
          a.aliases.length ? el('dt', {}, 'Also called') : null,
          a.aliases.length ? el('dd', {class: 'aliases'}, a.aliases.join('; ')) : null),
        disputedNote(a),
        el('p', {class: 'rule'}, `${a.rule}, confidence ${a.confidence}`)));
    }
  }

  function renderMeetings(items) {
    const grid = $('view').querySelector('.cards') || $('view').appendChild(el('div', {class: 'cards'}));
    for (const m of items) {
      const label = [m.occasion, m.place].filter(Boolean).join(', ') || 'Meeting';
      grid.append(el('article', {class: 'card', dataset: {id: m.id}},
        el('h3', {}, factButton('meetings', m, label, 'label')),
        el('p', {class: 'meta'}, dateBadge(m.date), disputeBadge(m, 'date'),
          m.place ? el('span', {class: 'place'}, m.place) : null, disputeBadge(m, 'place'),
          sourcesBadge(m.source_count)),
        el('dl', {},
          el('dt', {}, 'Participants'),
          el('dd', {}, disputeBadge(m, 'participants'), el('ul', {class: 'people'},
            m.participants.map((p) => el('li', {}, personLink(p, 'meetings', 'participant')))))),
        disputedNote(m),
        el('p', {class: 'rule'}, `${m.rule}, confidence ${m.confidence}`)));
    }
  }

  function renderQuotes(items) {
    for (const q of items) {
      const key = q.speaker && q.speaker.name ? (q.speaker.person_id || q.speaker.name) : '';
      let group = Array.from($('view').querySelectorAll('section.speaker')).find((s) => s.dataset.speaker === key);
      if (!group) {
        group = el('section', {class: 'speaker', dataset: {speaker: key}},
          el('h3', {}, q.speaker && q.speaker.name ? personLink(q.speaker, 'quotes', 'speaker') : 'Unattributed'),
          el('ul', {class: 'quotes'}));
        $('view').append(group);
      }
      group.querySelector('ul').append(el('li', {class: 'quote', dataset: {id: q.id}},
        el('button', {type: 'button', class: 'fact-link quote-text',
                      'aria-label': `Quote: ${q.text} — show the evidence`,
                      onclick: () => update({fact: `quotes/${q.id}`, span: null})},
          el('q', {}, q.text)),
        el('p', {class: 'meta'}, q.cue ? el('span', {class: 'cue'}, q.cue) : null, sourcesBadge(q.source_count),
          disputeBadge(q, 'speaker'))));
    }
    for (const g of $('view').querySelectorAll('section.speaker')) {
      const n = g.querySelectorAll('li.quote').length;
      let count = g.querySelector('.count');
      if (!count) { count = el('span', {class: 'count'}); g.querySelector('h3').append(count); }
      count.textContent = ` (${n})`;
    }
  }

  function renderPeople(items) {
    const grid = $('view').querySelector('.cards') || $('view').appendChild(el('div', {class: 'cards people-cards'}));
    for (const p of items) {
      const id = encodeURIComponent(p.id);
      grid.append(el('article', {class: 'card', dataset: {id: p.id}},
        el('h3', {}, p.name), p.title ? el('p', {class: 'title'}, p.title, ' ', disputeBadge(p, 'title')) : null,
        p.disputed ? el('ul', {class: 'dispute-values person-titles'}, (p.disputes.title || []).map((v) =>
          el('li', {class: 'dispute-value', dataset: {value: disputeValue(v.value), sources: String(v.sources)}},
            disputeValue(v.value), el('span', {class: 'detail'}, ` (${plural(v.sources, 'article')})`)))) : null,
        el('ul', {class: 'counts'},
          el('li', {}, el('a', {href: `#tab=quotes&speaker=${id}`}, plural(p.counts.quotes, 'quote'))),
          el('li', {}, el('a', {href: `#tab=agreements&signatory=${id}`}, plural(p.counts.agreements, 'agreement'))),
          el('li', {}, el('a', {href: `#tab=meetings&participant=${id}`}, plural(p.counts.meetings, 'meeting')))),
        p.aliases.length ? el('p', {class: 'aliases'}, 'Also: ' + p.aliases.join('; ')) : null));
    }
  }

  function renderSources(items) {
    const list = $('view').querySelector('.source-list') || $('view').appendChild(el('ul', {class: 'source-list'}));
    for (const s of items) {
      sourceTitles.set(s.id, s);
      list.append(el('li', {class: 'card', dataset: {id: s.id}},
        el('h3', {}, factButton('sources', s, s.title || s.file, 'label')),
        el('p', {class: 'meta'}, s.published ? dateBadge(s.published) : null,
          s.dateline ? el('span', {class: 'place'}, s.dateline) : null,
          s.byline ? el('span', {}, s.byline) : null,
          el('span', {}, `${s.chars.toLocaleString('en')} characters`),
          el('a', {href: `/sources/${encodeURIComponent(s.id)}/facts`}, 'facts (JSON)'))));
    }
  }

  function renderSearch(items) {
    const list = $('view').querySelector('.hits') || $('view').appendChild(el('ol', {class: 'hits'}));
    for (const h of items) {
      const kind = h.kind === 'quote' ? 'quotes' : h.kind === 'agreement' ? 'agreements' : 'sources';
      const label = h.kind === 'quote' ? h.fact.text : h.kind === 'agreement' ? h.fact.name
        : (h.fact.title || h.fact.file);
      const at = h.highlights && h.highlights.length ? `${h.highlights[0].start}-${h.highlights[0].end}` : null;
      list.append(el('li', {class: `hit k-${h.kind}`, dataset: {id: h.id, kind: h.kind}},
        el('span', {class: `kind k-${h.kind}`}, h.kind),
        el('button', {type: 'button', class: 'fact-link label', 'aria-label': `${label}: show the evidence`,
                      onclick: () => update({fact: `${kind}/${h.id}`, span: h.kind === 'source' && at ? `at:${at}` : null})},
          h.kind === 'quote' ? el('q', {}, label) : label),
        h.kind === 'quote' && h.fact.speaker && h.fact.speaker.name
          ? el('span', {class: 'detail'}, `— ${h.fact.speaker.name}`) : null,
        el('p', {class: 'snippet'}, h.snippet),
        h.fact.source_count ? sourcesBadge(h.fact.source_count) : null));
    }
  }


  // --- disputes ----------------------------------------------------------------------------

  // A disputed value as text: a date or a name as given, a set as its names.
  function disputeValue(value) {
    if (Array.isArray(value)) return value.map(disputeValue).join(', ') || '(none)';
    if (value && typeof value === 'object') return value.name || '(unknown)';
    return value === null || value === undefined ? '(none)' : String(value);
  }

  // The badge on an attribute whose articles disagree, saying how many values they give.
  function disputeBadge(fact, attribute) {
    const values = fact && fact.disputes && fact.disputes[attribute];
    if (!values || !values.length) return null;
    return el('span', {class: 'dispute-badge', dataset: {attribute},
                       title: `the articles disagree: ${values.map((v) => disputeValue(v.value)).join(' / ')}`},
      `disputed: ${plural(values.length, 'value')}`);
  }

  // The names of the disputed attributes of a fact, as a note on its card.
  function disputedNote(fact) {
    const names = fact && fact.disputed ? Object.keys(fact.disputes || {}) : [];
    if (!names.length) return null;
    return el('p', {class: 'disputed-note'}, 'Sources disagree on ',
      names.map((a, i) => [i ? ', ' : '', el('span', {class: 'dispute-badge', dataset: {attribute: a}}, a)]));
  }

  // Each disputed attribute, its values side by side: how many articles give each and
  // where (each span opens its article in the evidence text: span=d:ATTRIBUTE:VALUE:SPAN).
  function renderDisputes(fact, chosen) {
    const box = $('evidence-disputes');
    const attributes = fact && fact.disputed ? Object.entries(fact.disputes || {}) : [];
    box.hidden = attributes.length === 0;
    fill(box, attributes.length ? el('h3', {}, 'Where the sources disagree') : null,
      attributes.map(([attribute, values]) => el('section', {class: 'dispute', dataset: {attribute}},
        el('h4', {}, attribute, ' ', el('span', {class: 'detail'}, `served: ${disputeValue(fact[attribute])}`)),
        el('div', {class: 'dispute-values'}, values.map((v, vi) => el('div', {
          class: 'dispute-value' + (disputeValue(v.value) === disputeValue(fact[attribute]) ? ' served' : ''),
          dataset: {value: disputeValue(v.value), sources: String(v.sources)}},
        el('p', {class: 'value'}, disputeValue(v.value)),
        el('p', {class: 'meta'}, sourcesBadge(v.sources)),
        el('ul', {class: 'dispute-evidence'}, (v.evidence || []).map((s, si) => {
          const key = `d:${attribute}:${vi}:${si}`;
          return el('li', {}, el('button', {type: 'button', class: 'span-link dispute-span',
                                            'aria-pressed': chosen === key ? 'true' : 'false',
                                            onclick: () => update({span: key}, false)},
            el('span', {class: 'span-source'}, sourceLabel(s.source_id)),
            el('span', {class: 'span-excerpt'}, s.excerpt || `${s.start}-${s.end}`)));
        }))))))));
  }

  // The span a dispute's key (d:ATTRIBUTE:VALUE:SPAN) names in the fact, or null.
  function disputeSpan(fact, key) {
    const m = /^d:([a-z_]+):(\d+):(\d+)$/.exec(key || '');
    const values = m && fact.disputes ? fact.disputes[m[1]] : null;
    const value = values ? values[Number(m[2])] : null;
    return value && value.evidence ? value.evidence[Number(m[3])] || null : null;
  }

  function renderConflicts(items) {
    const list = $('view').querySelector('.conflicts') || $('view').appendChild(el('ol', {class: 'conflicts'}));
    for (const c of items) {
      const f = c.fact || {};
      const label = c.kind === 'quote' ? el('q', {}, f.text) : c.kind === 'agreement' ? f.name
        : c.kind === 'meeting' ? [f.occasion, f.place].filter(Boolean).join(', ') || 'Meeting' : f.name;
      const tab = `${c.kind === 'person' ? 'people' : c.kind + 's'}`;
      list.append(el('li', {class: `conflict k-${c.kind}`, dataset: {id: c.id, kind: c.kind}},
        el('span', {class: `kind k-${c.kind}`}, c.kind),
        c.kind === 'person'
          ? el('span', {class: 'label'}, label)
          : el('button', {type: 'button', class: 'fact-link label', 'aria-label': `${f.text || f.name || 'Meeting'}: show where the sources disagree`,
                          onclick: () => update({fact: `${tab}/${c.id}`, span: null})}, label),
        c.date ? dateBadge(c.date) : null,
        el('ul', {class: 'conflict-attributes'}, c.attributes.map((a) => el('li', {dataset: {attribute: a}},
          el('span', {class: 'dispute-badge', dataset: {attribute: a}}, a), ' ',
          ((f.disputes || {})[a] || []).map((v, i) => [i ? ' · ' : '',
            el('span', {class: 'conflict-value'}, disputeValue(v.value), el('span', {class: 'detail'}, ` (${v.sources})`))]))))));
    }
  }

  // --- the evidence panel ------------------------------------------------------------------

  let evidenceSeq = 0;
  let evidenceOpener = null;
  let openFact = null;

  // A fact carries its first evidence spans inline (at most ten); one that has more says how
  // many (evidence_total) and where they all are (evidence: pages of the API's usual kind).
  // The spans of the open fact come from those pages then, loaded as far as the chosen span
  // and on demand after it, and kept while the fact stays open.
  const EVIDENCE_PAGE = 100;
  let loadedSpans = null; // {key, spans, next, total}

  async function loadMoreSpans(ev) {
    const url = ev.next;
    const doc = await api(url);
    if (ev.next !== url) return; // another call loaded this page meanwhile
    ev.spans.push(...doc.data);
    ev.next = doc.next;
  }

  async function factSpans(key, fact, want) {
    const inline = fact.sources || [];
    const total = typeof fact.evidence_total === 'number' ? fact.evidence_total : inline.length;
    if (total <= inline.length || !fact.evidence) return {key, spans: inline, next: null, total};
    if (!loadedSpans || loadedSpans.key !== key) {
      loadedSpans = {key, spans: [], next: `${fact.evidence}?limit=${EVIDENCE_PAGE}`, total};
    }
    loadedSpans.total = total;
    while (loadedSpans.next && loadedSpans.spans.length <= want) await loadMoreSpans(loadedSpans);
    return loadedSpans;
  }

  function renderSpanList(ev, chosen) {
    const items = ev.spans.map((s, i) => el('li', {},
      el('button', {type: 'button', class: 'span-link', 'aria-pressed': i === chosen ? 'true' : 'false',
                    onclick: () => update({span: String(i)}, false)},
        el('span', {class: 'span-source'}, sourceLabel(s.source_id)),
        el('span', {class: 'span-excerpt'}, s.excerpt))));
    if (ev.next) {
      const more = el('button', {type: 'button', class: 'span-link more-spans'},
        `Show more evidence (${ev.spans.length} of ${ev.total} shown)`);
      more.addEventListener('click', async () => {
        more.disabled = true;
        try {
          await loadMoreSpans(ev);
          await ensureSourceTitles(ev.spans);
          if (loadedSpans === ev) renderSpanList(ev, chosen);
        } catch (e) {
          more.disabled = false;
          more.textContent = `Could not load more evidence (${e.message}); try again`;
        }
      });
      items.push(el('li', {}, more));
    }
    $('evidence-spans').replaceChildren(...items);
  }

  function closeEvidence() {
    update({fact: null, span: null});
  }
  $('evidence-close').addEventListener('click', closeEvidence);
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !$('evidence').hidden) closeEvidence();
  });

  function factTitle(kind, fact) {
    if (kind === 'quotes') return el('q', {}, fact.text);
    if (kind === 'agreements') return fact.name;
    if (kind === 'meetings') {
      const who = fact.participants.map((p) => p.name).join(' and ');
      return `Meeting of ${who}${fact.place ? ' in ' + fact.place : ''}`;
    }
    return fact.title || fact.file;
  }

  async function renderEvidence(state) {
    const panel = $('evidence');
    if (!state.fact) {
      if (!panel.hidden) {
        panel.hidden = true;
        document.body.classList.remove('evidence-open');
        openFact = null;
        loadedSpans = null;
        if (evidenceOpener && document.contains(evidenceOpener)) evidenceOpener.focus();
      }
      return;
    }
    const seq = ++evidenceSeq;
    const [kind, id] = state.fact.split('/');
    if (!['quotes', 'agreements', 'meetings', 'sources'].includes(kind) || !id) return;
    if (panel.hidden) {
      evidenceOpener = document.activeElement;
      panel.hidden = false;
      document.body.classList.add('evidence-open');
    }
    const status = $('evidence-status');
    const spansList = $('evidence-spans');
    if (openFact !== state.fact) {
      $('evidence-fact').replaceChildren();
      fill($('evidence-disputes')).hidden = true;
      spansList.replaceChildren();
      $('evidence-text').replaceChildren();
      $('evidence-source-title').textContent = '';
      $('evidence-title').focus();
    }
    status.textContent = 'Loading the evidence…';
    status.classList.add('loading');
    try {
      let spans;
      let fact;
      if (kind === 'sources') {
        fact = await api(`/sources/${encodeURIComponent(id)}`);
        sourceTitles.set(fact.id, fact);
        const at = /^at:(\d+)-(\d+)$/.exec(state.span || '');
        spans = at ? [{source_id: id, start: Number(at[1]), end: Number(at[2])}] : [];
        if (seq !== evidenceSeq) return;
        fill($('evidence-fact'), el('p', {class: 'fact-title'}, factTitle(kind, fact)),
          el('p', {class: 'meta'}, 'The article as ingested' + (spans.length ? ', with the search hit marked' : '')));
        spansList.replaceChildren();
        await showText(seq, id, spans[0] || null);
      } else {
        fact = await api(`/${kind}/${encodeURIComponent(id)}`);
        const disputed = disputeSpan(fact, state.span);
        const wanted = disputed ? 0 : Math.max(parseInt(state.span || '0', 10) || 0, 0);
        const ev = await factSpans(state.fact, fact, wanted);
        spans = ev.spans;
        await ensureSourceTitles(spans.concat(...Object.values(fact.disputes || {}).flat()
          .map((v) => v.evidence || [])));
        if (seq !== evidenceSeq) return;
        $('evidence-fact').replaceChildren(
          el('p', {class: 'fact-title'}, factTitle(kind, fact)),
          el('p', {class: 'meta'}, sourcesBadge(fact.source_count),
            ` corroborated by ${plural(fact.source_count, 'article')}, ${plural(ev.total, 'span')} of evidence`));
        const chosen = disputed ? -1 : Math.min(wanted, Math.max(spans.length - 1, 0));
        renderSpanList(ev, chosen);
        renderDisputes(fact, disputed ? state.span : null);
        if (disputed) await showText(seq, disputed.source_id, disputed);
        else if (spans.length) await showText(seq, spans[chosen].source_id, spans[chosen]);
      }
      if (seq !== evidenceSeq) return;
      openFact = state.fact;
      status.textContent = '';
      status.classList.remove('loading');
    } catch (e) {
      if (seq !== evidenceSeq) return;
      status.classList.remove('loading');
      status.textContent = '';
      $('evidence-text').replaceChildren(el('p', {class: 'error', role: 'alert'}, `Could not load the evidence: ${e.message}`,
        el('button', {type: 'button', class: 'retry', onclick: () => { openFact = null; route(); }}, 'Retry')));
    }
  }

  async function ensureSourceTitles(spans) {
    const missing = [...new Set(spans.map((s) => s.source_id))].filter((id) => !sourceTitles.has(id));
    if (!missing.length) return;
    try {
      const doc = await api('/sources?limit=1000&fields=title,file,published,dateline,byline,chars');
      for (const s of doc.data) sourceTitles.set(s.id, s);
    } catch (e) { /* titles are a nicety: ids stand in */ }
  }

  // Shows a source's text with one span marked; offsets are code points, as the API gives them.
  async function showText(seq, sourceId, span) {
    const chars = await sourceText(sourceId);
    if (seq !== evidenceSeq) return;
    const box = $('evidence-text');
    const src = sourceTitles.get(sourceId);
    fill($('evidence-source-title'), src ? (src.title || src.file) : sourceId,
      src && src.published ? el('span', {class: 'meta'}, ` · ${src.published}`) : null,
      ' ', el('a', {href: `/sources/${encodeURIComponent(sourceId)}/text`}, '(plain text)'));
    if (!span) {
      box.replaceChildren(chars.join(''));
      box.scrollTop = 0;
      return;
    }
    const start = Math.max(0, Math.min(span.start, chars.length));
    const end = Math.max(start, Math.min(span.end, chars.length));
    const mark = el('mark', {class: 'current', id: 'evidence-mark'}, chars.slice(start, end).join(''));
    box.replaceChildren(chars.slice(0, start).join(''), mark, chars.slice(end).join(''));
    box.scrollTop = 0;
    const offset = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop = Math.max(0, offset - box.clientHeight / 3);
  }

  // --- statistics --------------------------------------------------------------------------

  async function renderStats() {
    const box = $('stats');
    box.replaceChildren(el('span', {class: 'loading'}, 'Loading counts…'));
    try {
      const s = await api('/stats');
      const tiles = [['sources', 'articles', 'sources'], ['agreements', 'agreements', 'agreements'],
                     ['meetings', 'meetings', 'meetings'], ['quotes', 'quotes', 'quotes'], ['people', 'people', 'people']];
      box.replaceChildren(el('ul', {class: 'tiles'}, tiles.map(([k, label, tab]) =>
        el('li', {}, el('a', {href: `#tab=${tab}`}, el('strong', {}, String(s.counts[k])), ' ', label)))));
    } catch (e) {
      box.replaceChildren(el('span', {class: 'error'}, `Counts unavailable: ${e.message}`));
    }
  }

  // --- wiring ------------------------------------------------------------------------------

  function route() {
    const state = readState();
    const key = viewKey(state);
    if (key !== lastViewKey) {
      lastViewKey = key;
      renderView(state);
    }
    renderEvidence(state);
  }

  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $('search-q').value.trim();
    const kind = readState().tab === 'search' ? readState().kind : null;
    writeState(q ? {tab: 'search', q, kind} : {tab: 'search'}, true);
    $('main').focus();
  });

  // Tabs are plain links to a fragment; keep only the view (not the old filters).
  for (const a of document.querySelectorAll('.tabs a')) {
    a.addEventListener('click', (ev) => {
      if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      writeState({tab: a.dataset.tab, q: a.dataset.tab === 'search' ? $('search-q').value.trim() : undefined}, true);
    });
  }

  window.addEventListener('popstate', route);
  window.addEventListener('hashchange', route);
  renderStats();
  route();
})();
