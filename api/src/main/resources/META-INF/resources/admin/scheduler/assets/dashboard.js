// LibertaPhonix scheduler dashboard: plain JavaScript, no build step, no CDN, charts drawn in SVG.
// Signs in with the order system's JWT (session storage) and reads everything from the admin API.
(function () {
  'use strict';

  const API = document.body.dataset.apiRoot;
  const TOKEN_KEY = 'lp-scheduler-token';
  const LANG_KEY = 'lp-scheduler-lang';
  const POLL_MS = 5000;
  const SUMMARY_MS = 15000;
  const ZONE = 'Africa/Algiers';
  const TEXT = window.LP_TEXT;
  const SVG = 'http://www.w3.org/2000/svg';
  // the counters that matter most for each job, shown first; the rest go behind "details"
  const MAIN_COUNTS = {
    'ecomanager-sync': ['imported', 'unassigned', 'storesFailed', 'quarantined'],
    'shipping-status-sync': ['changed', 'notChecked', 'notFound', 'failedRequests'],
    'daily-cleanup': ['job_runs', 'activity_logs'],
    'ecomanager-reconcile': ['missing', 'imported', 'leftToImport', 'storesFailed']
  };
  // counters whose non-zero value needs a person
  const BAD_COUNTS = ['unassigned', 'storesFailed', 'quarantined', 'notChecked', 'failedRequests', 'conflicts'];
  const STATUS_SHAPE = { SUCCEEDED: 'circle', PARTIAL: 'diamond', FAILED: 'cross', ABANDONED: 'cross', SKIPPED: 'ring', RUNNING: 'circle', MISSED: 'triangle' };

  const state = {
    lang: sessionStorage.getItem(LANG_KEY) || 'fr', role: null, page: 1, lastEnds: null, timer: null, summaryTimer: null,
    storeTests: {}, jobs: [], schedules: {}, summary: null, status: null, missed: {}, missed24h: null,
    webhookResults: {}, subscriptions: null, subTests: {}, signingSecret: null
  };
  const $ = (selector) => document.querySelector(selector);
  const t = (key) => {
    const value = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.en[key];
    return value == null ? humanize(key) : value;
  };
  const has = (key) => TEXT.en[key] != null;
  const locale = () => (state.lang === 'fr' ? 'fr-FR' : 'en-GB');

  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }
  // a key nobody translated, in words: "lateFound" -> "late found", "redis_keys" -> "redis keys"
  function humanize(key) {
    return String(key).replace(/^[a-z]+_/, (p) => (/^(c|st|src|out|cred|role|skip)_$/.test(p) ? '' : p))
      .replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  }
  function number(n) { return new Intl.NumberFormat(locale()).format(n); }
  function plural(n, forms) {
    if (!Array.isArray(forms)) return forms;
    return new Intl.PluralRules(locale()).select(n) === 'one' ? forms[0] : forms[1];
  }
  // a dry run's kind ("orders.import") as the key of its words ("dk_orders_import")
  function dryKind(kind) { return 'dk_' + String(kind).replace(/[.-]/g, '_'); }
  function countLabel(key, n) {
    if (/^wouldDo\./.test(key)) {
      const kind = key.slice('wouldDo.'.length);
      return plural(n, has(dryKind(kind)) ? t(dryKind(kind)) : humanize(kind.replace(/[.-]/g, ' ')));
    }
    const forms = has('c_' + key) ? t('c_' + key) : humanize(key);
    return plural(n, forms);
  }

  // --- times and durations: 24-hour, Algiers time, in the page's language -------------------------
  const formats = {};
  function fmt(kind) {
    const id = state.lang + kind;
    if (!formats[id]) {
      const base = { timeZone: ZONE, hourCycle: 'h23' };
      const options = {
        full: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
        short: { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' },
        clock: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
        hm: { hour: '2-digit', minute: '2-digit' },
        day: { day: '2-digit', month: '2-digit' },
        weekday: { weekday: 'short', day: '2-digit', month: '2-digit' }
      }[kind];
      formats[id] = new Intl.DateTimeFormat(locale(), Object.assign(base, options));
    }
    return formats[id];
  }
  function time(iso, kind) {
    if (!iso) return t('none');
    return fmt(kind || 'full').format(new Date(iso));
  }
  // a calendar day (yyyy-mm-dd) as the page writes it; noon UTC is the same day in Algiers
  function dayLabel(day) { return fmt('day').format(new Date(day + 'T12:00:00Z')); }
  function unit(value, name) {
    return new Intl.NumberFormat(locale(), { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  }
  function duration(ms) {
    if (ms == null) return t('none');
    if (ms < 1000) return unit(Math.max(0, Math.round(ms)), 'millisecond');
    const s = Math.round(ms / 1000);
    if (s < 60) return unit(s, 'second');
    const m = Math.floor(s / 60);
    if (m < 60) return unit(m, 'minute') + (s % 60 ? ' ' + unit(s % 60, 'second') : '');
    const h = Math.floor(m / 60);
    return unit(h, 'hour') + (m % 60 ? ' ' + unit(m % 60, 'minute') : '');
  }
  function tickClock() {
    $('#clock').textContent = fmt('hm').format(new Date()) + ' · ' + t('algiersTime');
  }

  // a job in words: the page's own translation of a job it knows, else the name the API gives it
  function jobTitle(id) {
    if (has(id)) return t(id);
    const job = state.jobs.find((j) => j.id === id);
    return job && job.title ? job.title : humanize(id);
  }
  function badge(value, prefix) {
    if (!value) return t('none');
    const key = (prefix || '') + value;
    return '<span class="badge s-' + esc(value) + '"><span class="shape" aria-hidden="true"></span>' + esc(t(key)) + '</span>';
  }

  // a run's counters in words: the important ones first, the others behind a <details>
  function resultWords(job, counts) {
    if (!counts || !Object.keys(counts).length) return '';
    const dry = Object.keys(counts).filter((k) => /^wouldDo\./.test(k));
    const main = dry.length ? dry.filter((k) => counts[k] > 0).slice(0, 4)
      : (MAIN_COUNTS[job] || Object.keys(counts).slice(0, 2)).filter((k) => counts[k] != null &&
        (k === 'imported' || k === 'changed' || counts[k] > 0));
    // a known counter reads as a phrase ("12 commandes importées"); one the page does not know, as "label : value"
    const phrase = (k) => '<span class="figure' + (BAD_COUNTS.includes(k) && counts[k] > 0 ? ' attention' : '') + '">' +
      (has('c_' + k) || /^wouldDo\./.test(k) ? '<strong>' + number(counts[k]) + '</strong> ' + esc(countLabel(k, counts[k]))
        : esc(humanize(k)) + ' : <strong>' + number(counts[k]) + '</strong>') + '</span>';
    const rest = Object.keys(counts).filter((k) => !main.includes(k));
    return '<span class="words">' + main.map(phrase).join(' · ') + '</span>' + (rest.length
      ? '<details class="more"><summary>' + esc(t('details')) + '</summary><ul>' +
        rest.map((k) => '<li>' + phrase(k) + '</li>').join('') + '</ul></details>'
      : '');
  }

  // --- API ---------------------------------------------------------------------------------
  async function api(path, options) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const response = await fetch(API + path, Object.assign({ headers: {} }, options, {
      headers: Object.assign({ Authorization: 'Bearer ' + token, Accept: 'application/json' },
        options && options.body ? { 'Content-Type': 'application/json' } : {})
    }));
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (response.status === 401) { signOut(t('badToken')); throw new Error(t('badToken')); }
    if (!response.ok) {
      const error = new Error(body && body.error ? body.error.message : response.status + '');
      error.status = response.status;
      error.code = body && body.error ? body.error.code : null;
      throw error;
    }
    return body ? body.data : null;
  }
  // an endpoint another part of the API may not have yet (404): null instead of an error
  async function optional(path) {
    try { return await api(path); } catch (e) { return null; }
  }

  // an error in words: what the code means, then the API's own message and the HTTP status
  function errorWords(e) {
    const known = e.code && has('err_' + e.code) ? t('err_' + e.code) + ' · ' : '';
    return known + e.message + (e.status ? ' (' + t('httpCode') + ' ' + e.status + ')' : '');
  }

  function toast(message, bad) {
    const node = document.createElement('div');
    node.className = 'toast' + (bad ? ' bad' : '');
    node.textContent = message;
    $('#toasts').appendChild(node);
    setTimeout(() => node.remove(), 8000);
  }

  // --- sign-in ---------------------------------------------------------------------------
  function claims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) { return null; }
  }

  async function signIn(token) {
    const payload = claims(token);
    if (!payload) { $('#signin-error').textContent = t('badToken'); return; }
    sessionStorage.setItem(TOKEN_KEY, token);
    try {
      await api('/status');
    } catch (e) {
      $('#signin-error').textContent = e.message;
      sessionStorage.removeItem(TOKEN_KEY);
      return;
    }
    state.role = payload.role || payload.groups;
    state.email = payload.email || payload.userId || '';
    showWho();
    $('#signin').hidden = true;
    $('#app').hidden = false;
    $('#signout').hidden = false;
    document.querySelectorAll('.admin-only').forEach((n) => { n.hidden = state.role !== 'ADMIN'; });
    document.body.classList.toggle('is-admin', state.role === 'ADMIN');
    state.lastEnds = null;
    loadAll();
    loadWebhooks().then(renderStores);
    clearInterval(state.timer);
    clearInterval(state.summaryTimer);
    state.timer = setInterval(refresh, POLL_MS);
    state.summaryTimer = setInterval(() => { loadSummary(); loadTimeline(); loadWebhooks().then(renderStores); }, SUMMARY_MS);
    route();
  }

  function showWho() {
    if (!state.role) return;
    $('#who').textContent = state.email + ' · ' + t('role_' + state.role) + (state.role === 'ADMIN' ? '' : ' (' + t('readOnly') + ')');
  }

  function loadAll() {
    refresh().then(() => { loadSummary(); loadTimeline(); });
    loadHistory();
    loadCharts();
    if (state.role === 'ADMIN') { loadAudit(); loadSubscriptions(); }
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    clearInterval(state.timer);
    clearInterval(state.summaryTimer);
    state.storeTests = {};
    state.webhookResults = {};
    state.subTests = {};
    state.signingSecret = null;
    $('#app').hidden = true;
    $('#signin').hidden = false;
    $('#signout').hidden = true;
    $('#who').textContent = '';
    $('#signin-error').textContent = message || '';
  }

  // --- summary: is everything fine? -------------------------------------------------------
  async function loadSummary() {
    let summary;
    try { summary = await api('/dashboard/summary'); } catch (e) { return; }
    state.summary = summary;
    (summary.schedules || []).forEach((s) => { state.schedules[s.job] = s; });
    renderJobs();
    renderSummary();
    renderStores();
    renderAccounts();
  }

  // missed fires of the last 24 h: the jobs' missedFires24h where the API has it, else unknown
  function missedCount() {
    const jobs = (state.status && state.status.jobs) || [];
    const known = jobs.filter((j) => typeof j.missedFires24h === 'number');
    return known.length ? known.reduce((sum, j) => sum + j.missedFires24h, 0) : null;
  }

  // a figure and its words; the title is the link to the figure's detail (a tile may hold other links)
  function tile(id, href, title, value, lines, bad) {
    return '<div class="tile' + (bad ? ' bad' : '') + '" data-testid="tile-' + id + '">' +
      '<a class="tile-title" href="' + href + '">' + esc(title) + '</a>' +
      '<span class="tile-value" data-testid="summary-' + id + '">' + value + '</span>' +
      lines.filter((l) => l).map((l) => '<span class="tile-line">' + l + '</span>').join('') + '</div>';
  }

  function renderSummary() {
    const s = state.summary;
    if (!s) return;
    const storesBad = s.stores.filter((x) => x.attention.length);
    const accountsBad = s.accounts.filter((x) => x.attention.length);
    const missed = missedCount();
    const w = s.waiting;
    const cause = w.cause === 'NO_AGENT_AVAILABLE' ? t('causeNoAgent') : w.cause === 'CAPACITY_REACHED' ? t('causeCapacity')
      : w.orders > 0 ? t('causeRoom') : '';
    const reasons = (list, accounts) => list.slice(0, 4).map((x) => '<strong>' + esc(x.identifier || x.name) + '</strong> : ' +
      x.attention.map((a) => esc(t(accounts && a === 'FAILING' ? 'FAILING_ACCOUNT' : a))).join(', ')).join('<br>') +
      (list.length > 4 ? '<br>+ ' + number(list.length - 4) : '');
    const tiles = [
      tile('imported-today', '#stores-section', t('tImported'), number(s.orders.importedToday),
        ['<span data-testid="summary-imported-hour">' + number(s.orders.importedLastHour) + '</span> ' + esc(t('tLastHour'))]),
      tile('waiting', '#job-ecomanager-sync', t('tWaiting'), number(w.orders),
        [esc(cause), w.orders > 0 && w.oldestImportedAt ? esc(t('oldest') + ' ' + time(w.oldestImportedAt, 'short')) : ''],
        w.orders > 0 && !!w.cause),
      tile('parcels', '#charts-section', t('tParcels'),
        '<span data-testid="summary-delivered">' + number(s.parcels.deliveredToday) + '</span> <small>' + esc(plural(s.parcels.deliveredToday, t('n_delivered'))) + '</small>',
        ['<span data-testid="summary-returned">' + number(s.parcels.returnedToday) + '</span> ' + esc(plural(s.parcels.returnedToday, t('n_returned'))) + ' · ' +
         '<span data-testid="summary-cancelled">' + number(s.parcels.cancelledToday) + '</span> ' + esc(plural(s.parcels.cancelledToday, t('n_cancelled')))]),
      tile('stores', '#stores-section', t('tStores'), number(storesBad.length),
        [storesBad.length ? reasons(storesBad) : esc(t('allStoresFine'))], storesBad.length > 0),
      tile('accounts', '#accounts-section', t('tAccounts'), number(accountsBad.length),
        [accountsBad.length ? reasons(accountsBad, true) : esc(t('allAccountsFine'))], accountsBad.length > 0),
      tile('runs', '#timeline-section', t('tRuns'),
        '<span data-testid="summary-failed">' + number(s.runs.failed24h) + '</span> <small>' + esc(plural(s.runs.failed24h, t('n_failed'))) + '</small>',
        [missed == null ? esc(t('missedUnknown')) : '<span data-testid="summary-missed">' + number(missed) + '</span> ' + esc(plural(missed, t('n_missed'))),
         s.runs.latestFailed.slice(0, 2).map((r) => '<a href="#run/' + esc(r.id) + '">' + esc(jobTitle(r.job)) + ' · ' +
           esc(time(r.startedAt, 'short')) + '</a>').join('<br>')],
        s.runs.failed24h > 0 || missed > 0)
    ];
    $('#summary').innerHTML = tiles.join('');
    const problems = storesBad.length + accountsBad.length + (s.runs.failed24h > 0 ? 1 : 0) + (missed > 0 ? 1 : 0) +
      (w.orders > 0 && w.cause ? 1 : 0);
    $('#summary-verdict').className = 'verdict ' + (problems ? 'bad' : 'good');
    $('#summary-verdict').innerHTML = problems
      ? '<span class="shape" aria-hidden="true"></span>' + esc(t('attentionCount')) + ' : ' + number(problems)
      : '<span class="shape" aria-hidden="true"></span>' + esc(t('allFine'));
    $('#summary-time').textContent = t('updatedAt') + ' ' + time(s.generatedAt, 'clock') + ' (' + t('algiersTime') + ')';
  }

  // --- per-store health ------------------------------------------------------------------
  function cell(labelKey, html, extra) {
    // one wrapper: on a phone the cell is a two-column grid (its label, its content)
    return '<td data-label="' + esc(t(labelKey)) + '"' + (extra || '') + '><div class="cell">' + html + '</div></td>';
  }

  function strip(runs) {
    if (!runs.length) return t('none');
    return '<ol class="strip" aria-label="' + esc(t('recentRuns')) + '">' + runs.slice().reverse().map((r) => {
      const label = time(r.startedAt, 'short') + ' · ' + t(r.status) + ' · ' + number(r.imported) + ' ' +
        countLabel('imported', r.imported) + (r.error ? ' · ' + r.error : '');
      return '<li><a class="mark-link s-' + esc(r.status) + '" href="#run/' + esc(r.runId) + '" title="' + esc(label) +
        '" aria-label="' + esc(label) + '"><span class="shape" aria-hidden="true"></span></a></li>';
    }).join('') + '</ol>';
  }

  // a store's webhook figures of GET /stores, in words; a refused delivery needs a person
  function webhooksText(id, webhooks) {
    if (!webhooks) return '';
    const n = (v) => number(v || 0);
    if (!webhooks.registered && !webhooks.deliveries24h && !webhooks.rejections24h && !webhooks.lastDeliveryAt) {
      return '<div class="muted webhooks" data-webhooks="' + esc(id) + '"><strong>' + esc(t('webhooks')) + '</strong> : ' + esc(t('webhooksNone')) + '</div>';
    }
    const parts = webhooks.registered
      ? ['<span data-testid="webhooks-registered">' + n(webhooks.registered) + '</span> ' + esc(plural(webhooks.registered, t('webhooksRegistered')))]
      : ['<span data-testid="webhooks-registered" hidden>0</span>' + esc(t('webhooksNone'))];
    parts.push(n(webhooks.deliveries24h) + ' ' + esc(plural(webhooks.deliveries24h || 0, t('webhooksDeliveries'))));
    parts.push('<span' + (webhooks.rejections24h > 0 ? ' class="error"' : '') + '>' + n(webhooks.rejections24h) + ' ' +
      esc(plural(webhooks.rejections24h || 0, t('webhooksRejections'))) + '</span>');
    parts.push(esc(t('webhooksLast')) + ' : ' + esc(time(webhooks.lastDeliveryAt, 'short')));
    return '<div class="muted webhooks" data-webhooks="' + esc(id) + '"><strong>' + esc(t('webhooks')) + '</strong> : ' + parts.join(' · ') + '</div>';
  }

  function webhookButtons(s) {
    const registered = ((state.webhooks || {})[s.id] || {}).registered > 0;
    const button = (action, key, extra) => '<button type="button" class="secondary small' + (extra || '') + '" data-action="' + action +
      '" data-store="' + esc(s.id) + '" data-identifier="' + esc(s.identifier) + '">' + esc(t(key)) + '</button>';
    return '<div class="buttons webhook-actions">' + button('webhooks-register', 'whRegister') + button('webhooks-view', 'whView') +
      (registered ? button('webhooks-rotate', 'whRotate') + button('webhooks-delete', 'whDelete', ' danger-outline') : '') + '</div>' +
      '<span class="' + (state.webhookResults[s.id] && !state.webhookResults[s.id].ok ? 'error' : 'muted') + '" data-webhook-result="' + esc(s.id) +
      '" role="status">' + esc(state.webhookResults[s.id] ? state.webhookResults[s.id].text : '') + '</span>';
  }

  function renderStores() {
    if (!state.summary) return;
    const admin = state.role === 'ADMIN';
    $('#stores tbody').innerHTML = state.summary.stores.map((s) =>
      '<tr data-store="' + esc(s.id) + '"' + (s.attention.length ? ' class="attention"' : '') + '>' +
      cell('store', '<strong>' + esc(s.identifier) + '</strong> ' + esc(s.name) + (s.active ? '' : ' <span class="muted">(' + esc(t('inactive')) + ')</span>') +
        (s.attention.length ? '<div class="error">' + s.attention.map((a) => esc(t(a))).join(' · ') + '</div>' : '') +
        webhooksText(s.id, (state.webhooks || {})[s.id])) +
      cell('lastImport', esc(time(s.lastImportAt))) +
      cell('importedToday', number(s.importedToday)) +
      cell('quarantinedCol', number(s.quarantined) + (admin && s.quarantined > 0
        ? ' <button type="button" class="secondary small" data-action="quarantine" data-store="' + esc(s.id) + '">' + esc(t('openQuarantine')) + '</button>'
        : '')) +
      cell('credentials', badge(s.credentialState, 'cred_') + (s.credentialError ? '<div class="muted">' + esc(s.credentialError) + '</div>' : '')) +
      cell('cursor', esc(number(s.cursor))) +
      cell('recentRuns', strip(s.recent)) +
      (admin ? cell('actions', '<button type="button" class="secondary" data-action="test-store" data-store="' + esc(s.id) + '">' +
        esc(t('testConnection')) + '</button> ' + storeTestResult(s.id) + webhookButtons(s)) : '') +
      '</tr>').join('');
  }

  function storeTestResult(id) {
    const test = state.storeTests[id];
    return '<span class="' + (test && !test.ok ? 'error' : 'muted') + '" data-result="' + esc(id) + '">' +
      esc(test ? test.text : '') + '</span>';
  }

  // the webhook figures another part of the API adds to GET /stores; none until it does
  async function loadWebhooks() {
    if (state.role !== 'ADMIN') return;
    const stores = await optional('/stores');
    const list = Array.isArray(stores) ? stores : (stores && stores.items) || [];
    state.webhooks = {};
    list.forEach((s) => { if (s.webhooks) state.webhooks[s.id] = s.webhooks; });
  }

  function renderAccounts() {
    if (!state.summary) return;
    const accounts = state.summary.accounts;
    $('#accounts tbody').innerHTML = accounts.length ? accounts.map((a) =>
      '<tr' + (a.attention.length ? ' class="attention"' : '') + '>' +
      cell('account', '<strong>' + esc(a.name) + '</strong>' +
        (a.attention.length ? '<div class="error">' + a.attention.map((x) => esc(t(x === 'FAILING' ? 'FAILING_ACCOUNT' : x))).join(' · ') + '</div>' : '')) +
      cell('credentials', badge(a.credentialState, 'cred_') + (a.credentialError ? '<div class="muted">' + esc(a.credentialError) + '</div>' : '')) +
      cell('lastSync', a.lastStatus ? badge(a.lastStatus === 'OK' ? 'SUCCEEDED' : 'FAILED') + (a.lastError ? ' <span class="muted">' + esc(a.lastError) + '</span>' : '') : esc(t('none'))) +
      '</tr>').join('') : '<tr><td colspan="3">' + esc(t('none')) + '</td></tr>';
  }

  // --- status and jobs -------------------------------------------------------------------
  async function refresh() {
    let status, jobs;
    try {
      [status, jobs] = await Promise.all([api('/status'), api('/jobs')]);
    } catch (e) { return; }
    state.status = status;
    $('#overall-state').innerHTML = badge(status.status);
    $('#overall-time').textContent = status.isRunning
      ? (status.startedAt ? '· ' + time(status.startedAt) : '')
      : (status.stoppedAt ? '· ' + time(status.stoppedAt) : '');
    state.jobs = (jobs || []).map((j) => ({ id: j.job, title: j.displayName }));
    const byId = {};
    (jobs || []).forEach((j) => { byId[j.job] = j; });
    const detail = {};
    (status.jobs || []).forEach((j) => { detail[j.job] = j; });
    state.cards = { byId, detail };
    renderJobs();
    watchForFinishedRuns(detail);
  }

  function renderJobs() {
    if (!state.cards) return;
    $('#jobs').innerHTML = state.jobs.map((job) => jobCard(job, state.cards.byId[job.id] || {}, state.cards.detail[job.id] || {})).join('');
    fillJobFilter();
    if (state.role === 'ADMIN' && $('#sub-jobs') && $('#sub-jobs').querySelectorAll('input').length !== state.jobs.length) fillSubscriptionForm();
  }

  // the history's job filter offers every job of the catalogue; the choice survives a redraw
  function fillJobFilter() {
    const select = $('#history-filters select[name="job"]');
    const chosen = select.value;
    select.innerHTML = '<option value="">' + esc(t('all')) + '</option>' + state.jobs.map((job) =>
      '<option value="' + esc(job.id) + '"' + (job.id === chosen ? ' selected' : '') + '>' + esc(jobTitle(job.id)) + '</option>').join('');
  }

  // the stores (import) or courier accounts (shipping) of the last run that did not go through
  function unitsText(units) {
    return (units || []).filter((u) => !u.succeeded).map((u) => u.unit + ' : ' + (u.error || t('FAILED'))).join(' · ');
  }

  function scheduleWords(job, schedule) {
    const words = state.schedules[job] && state.schedules[job].words;
    if (words && words[state.lang]) return words[state.lang];
    return state.lang === 'en' ? schedule.description || '' : '';
  }

  function jobCard(job, schedule, detail) {
    const last = detail.lastRun || {};
    const next = (schedule.nextFireTimes || []).slice(0, 5).map((f) => '<li>' + esc(time(f.algiers, 'short')) + '</li>').join('');
    const admin = state.role === 'ADMIN';
    let progress = '';
    if (detail.currentRun) {
      const parts = Object.entries(detail.currentRun.progress || {}).map(([name, p]) => {
        const pct = p.total > 0 ? Math.min(100, Math.round(100 * p.done / p.total)) : 0;
        return '<div>' + esc(humanize(name)) + ' ' + number(p.done) + (p.total > 0 ? ' / ' + number(p.total) : '') +
          '<div class="progress" role="progressbar" aria-label="' + esc(humanize(name)) + '" aria-valuemin="0" aria-valuemax="100" aria-valuenow="' + pct +
          '"><span style="width:' + pct + '%"></span></div></div>';
      }).join('');
      progress = '<dt>' + esc(t('progress')) + '</dt><dd data-testid="progress">' + badge('RUNNING') + ' ' +
        esc(time(detail.currentRun.startedAt)) + parts + '</dd>';
    }
    const missedCount = typeof detail.missedFires24h === 'number' ? detail.missedFires24h : schedule.missedFires24h;
    const lastMissed = detail.lastMissedFire || schedule.lastMissedFire;
    const missed = (typeof missedCount === 'number'
      ? '<dt>' + esc(t('missed24h')) + '</dt><dd data-testid="missed-' + esc(job.id) + '"' + (missedCount > 0 ? ' class="error"' : '') + '>' +
        (missedCount > 0 ? '<span class="badge s-MISSED"><span class="shape" aria-hidden="true"></span>' + number(missedCount) + ' ' +
          esc(plural(missedCount, t('n_missed'))) + '</span>' : esc(t('noneFailed'))) +
        (lastMissed ? ' · ' + esc(t('lastMissed')) + ' ' + esc(time(lastMissed, 'short')) : '') + '</dd>'
      : '') +
      (schedule.catchUp ? '<dt>' + esc(t('catchUp')) + '</dt><dd data-testid="catchup-' + esc(job.id) + '">' + esc(t('cu_' + schedule.catchUp)) + '</dd>' : '');
    const id = esc(job.id);
    return '<article class="card job" data-job="' + id + '" id="job-card-' + id + '" aria-labelledby="job-' + id + '">' +
      '<div class="row"><h3 id="job-' + id + '">' + esc(jobTitle(job.id)) + '</h3>' +
      '<label class="switch"><input type="checkbox" data-action="toggle" data-job="' + id + '"' +
      (schedule.enabled ? ' checked' : '') + (admin ? '' : ' disabled') + '> ' + esc(t('enabled')) + '</label></div>' +
      '<dl>' +
      '<dt>' + esc(t('schedule')) + '</dt><dd>' + esc(scheduleWords(job.id, schedule)) + ' <code>' + esc(schedule.cron || '') + '</code></dd>' +
      '<dt>' + esc(t('nextRuns')) + '</dt><dd><ol class="next" data-testid="next-' + id + '">' + (next || '<li>' + esc(t('none')) + '</li>') + '</ol></dd>' +
      '<dt>' + esc(t('lastRun')) + '</dt><dd data-testid="last-' + id + '">' + badge(last.status || detail.lastStatus) + ' ' +
      (last.runId ? '<a href="#run/' + esc(last.runId) + '">' + esc(time(last.startedAt)) + '</a>' : last.startedAt ? esc(time(last.startedAt)) : '') +
      (last.endedAt && last.startedAt ? ' · ' + esc(duration(new Date(last.endedAt) - new Date(last.startedAt))) : '') +
      '<div>' + resultWords(job.id, last.counts) + '</div>' +
      (unitsText(last.units) ? '<div class="error" data-testid="units-' + id + '">' + esc(unitsText(last.units)) + '</div>' : '') + '</dd>' +
      (last.error ? '<dt>' + esc(t('error')) + '</dt><dd class="error" data-testid="error-' + id + '">' + esc(last.error.message || humanize(last.error.class || '')) + '</dd>' : '') +
      missed + progress +
      '</dl>' +
      (admin ? '<div class="buttons"><button type="button" data-action="run" data-job="' + id + '"' + (detail.running ? ' disabled' : '') + '>' + esc(t('runNow')) + '</button>' +
        '<button type="button" class="secondary" data-action="dry-run" data-job="' + id + '"' + (detail.running ? ' disabled' : '') + '>' + esc(t('dryRun')) + '</button></div>' : '') +
      '</article>';
  }

  function watchForFinishedRuns(detail) {
    const ends = {};
    state.jobs.forEach((job) => {
      const last = (detail[job.id] || {}).lastRun || {};
      ends[job.id] = { end: last.endedAt, status: last.status, error: last.error };
    });
    if (state.lastEnds) {
      state.jobs.forEach((job) => {
        const before = state.lastEnds[job.id] || {};
        const now = ends[job.id];
        if (now.end && now.end !== before.end) {
          const failed = now.status === 'FAILED' || !!now.error;
          toast(jobTitle(job.id) + ' ' + t('finished') + ' : ' + t(now.status || (failed ? 'FAILED' : 'SUCCEEDED')), failed);
          loadHistory();
          loadSummary();
          loadTimeline();
          loadCharts();
        }
      });
    }
    state.lastEnds = ends;
  }

  // --- timeline --------------------------------------------------------------------------
  function svg(tag, attrs, children) {
    return '<' + tag + Object.entries(attrs || {}).map(([k, v]) => ' ' + k + '="' + esc(v) + '"').join('') + '>' + (children || '') + '</' + tag + '>';
  }
  function shape(kind, x, y, r) {
    switch (kind) {
      case 'diamond': return svg('path', { d: 'M' + x + ' ' + (y - r) + 'L' + (x + r) + ' ' + y + 'L' + x + ' ' + (y + r) + 'L' + (x - r) + ' ' + y + 'Z' });
      case 'cross': return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, class: 'frame' }) +
        svg('path', { d: 'M' + (x - r + 2) + ' ' + (y - r + 2) + 'L' + (x + r - 2) + ' ' + (y + r - 2) + 'M' + (x + r - 2) + ' ' + (y - r + 2) + 'L' + (x - r + 2) + ' ' + (y + r - 2), class: 'stroke' });
      case 'ring': return svg('circle', { cx: x, cy: y, r: r - 1, class: 'frame' });
      case 'triangle': return svg('path', { d: 'M' + x + ' ' + (y - r) + 'L' + (x + r) + ' ' + (y + r) + 'L' + (x - r) + ' ' + (y + r) + 'Z', class: 'frame dashed' });
      default: return svg('circle', { cx: x, cy: y, r: r });
    }
  }

  function renderLegend() {
    $('#timeline-legend').innerHTML = ['SUCCEEDED', 'PARTIAL', 'FAILED', 'SKIPPED', 'MISSED', 'RUNNING'].map((s) =>
      '<li><svg width="16" height="16" aria-hidden="true" class="s-' + s + '">' + shape(STATUS_SHAPE[s], 8, 8, 6) + '</svg>' + esc(t(s)) + '</li>').join('') +
      '<li><svg width="16" height="16" aria-hidden="true" class="mark dry">' + shape('circle', 8, 8, 6) + '</svg>' + esc(t('DRY_RUN')) + '</li>';
  }

  async function loadTimeline() {
    const hours = Number($('#timeline-hours').value);
    let data;
    try { data = await api('/dashboard/timeline?hours=' + hours); } catch (e) { return; }
    const from = data.from, to = data.to;
    const missed = {};
    await Promise.all(state.jobs.map(async (job) => {
      const answer = await optional('/jobs/' + encodeURIComponent(job.id) + '/missed?from=' + encodeURIComponent(new Date(from).toISOString()) +
        '&to=' + encodeURIComponent(new Date(to).toISOString()));
      missed[job.id] = answer && Array.isArray(answer.missed) ? answer.missed : [];
    }));
    state.timeline = { from, to, runs: data.runs, missed };
    renderTimeline();
    renderDurations();
  }

  function renderTimeline() {
    const data = state.timeline;
    if (!data) return;
    const box = $('#timeline');
    const width = Math.max(280, box.clientWidth || 600);
    const left = 8, right = 8, rowH = 46, top = 4;
    const start = new Date(data.from).getTime(), end = new Date(data.to).getTime();
    const x = (iso) => left + (width - left - right) * (new Date(iso).getTime() - start) / (end - start);
    const jobs = state.jobs.length ? state.jobs.map((j) => j.id) : [...new Set(data.runs.map((r) => r.job))];
    const height = top + jobs.length * rowH + 30;
    const hours = (end - start) / 3600000;
    const step = hours <= 24 ? (width < 500 ? 6 : 3) * 3600000 : (width < 500 ? 2 : 1) * 86400000;
    let ticks = '';
    const first = Math.ceil(start / step) * step;
    for (let tk = first; tk <= end; tk += step) {
      const tx = x(new Date(tk).toISOString());
      ticks += svg('line', { x1: tx, x2: tx, y1: top, y2: height - 24, class: 'grid' }) +
        svg('text', { x: tx, y: height - 10, 'text-anchor': 'middle', class: 'tick' }, esc(hours <= 24 ? fmt('hm').format(new Date(tk)) : fmt('day').format(new Date(tk))));
    }
    const rows = jobs.map((job, i) => {
      const y = top + i * rowH + 30;
      const marks = data.runs.filter((r) => r.job === job).map((r) => {
        const label = jobTitle(job) + ' · ' + t(r.status) + ' · ' + time(r.startedAt) + (r.endedAt ? ' · ' + duration(new Date(r.endedAt) - new Date(r.startedAt)) : '') +
          ' · ' + t(r.trigger) + (r.error ? ' · ' + r.error : '');
        const dry = r.trigger === 'DRY_RUN';
        return svg('a', { href: '#run/' + r.id, class: 'mark s-' + r.status + (dry ? ' dry' : ''), 'data-kind': r.status.toLowerCase(), 'data-run': r.id,
          'data-trigger': r.trigger || '', 'aria-label': (dry ? t('DRY_RUN') + ' · ' : '') + label },
          svg('title', {}, esc((dry ? t('DRY_RUN') + ' · ' : '') + label)) + shape(STATUS_SHAPE[r.status] || 'circle', x(r.startedAt), y, 7));
      }).join('');
      const misses = (data.missed[job] || []).map((m) => {
        const label = jobTitle(job) + ' · ' + t('missedAt') + ' · ' + time(m.fireTime);
        return svg('g', { class: 'mark s-MISSED', tabindex: '0', role: 'img', 'data-kind': 'missed', 'data-job': job, 'data-time': m.fireTime, 'aria-label': label },
          svg('title', {}, esc(label)) + shape('triangle', x(m.fireTime), y, 7));
      }).join('');
      return svg('text', { x: left, y: y - 14, class: 'row-label' }, esc(jobTitle(job))) +
        svg('line', { x1: left, x2: width - right, y1: y, y2: y, class: 'axis' }) + marks + misses;
    }).join('');
    box.innerHTML = '<svg class="timeline" width="' + width + '" height="' + height + '" role="group" aria-label="' + esc(t('timeline')) + '">' +
      ticks + rows + svg('text', { x: width - right, y: 12, 'text-anchor': 'end', class: 'tick unit' }, esc(t('algiersTime'))) + '</svg>' +
      '<p class="muted" id="timeline-detail" aria-live="polite"></p>';
  }

  // --- history ---------------------------------------------------------------------------
  async function loadHistory() {
    const form = new FormData($('#history-filters'));
    const params = new URLSearchParams({ page: state.page, size: 15 });
    for (const [k, v] of form.entries()) { if (v) params.set(k, v); }
    let page;
    try { page = await api('/history?' + params); } catch (e) { toast(e.message, true); return; }
    state.history = page;
    renderHistory();
  }

  function renderHistory() {
    const page = state.history;
    if (!page) return;
    $('#history tbody').innerHTML = page.items.map((run) =>
      '<tr data-run="' + esc(run.id) + '" data-trigger="' + esc(run.trigger) + '"' + (run.trigger === 'DRY_RUN' ? ' class="dry"' : '') + '>' + cell('started', esc(time(run.startedAt))) + cell('job', esc(jobTitle(run.job))) +
      cell('trigger', run.trigger === 'DRY_RUN' ? '<span class="tag dry">' + esc(t('DRY_RUN')) + '</span>' : esc(t(run.trigger))) + cell('status', badge(run.status) + (run.skipReason ? ' <span class="muted">' + esc(t('skip_' + run.skipReason)) + '</span>' : '')) +
      cell('duration', esc(duration(run.durationMs))) +
      cell('result', resultWords(run.job, run.counts) + (run.error ? '<div class="error">' + esc(run.error.message || '') + '</div>' : '')) +
      cell('details', '<a class="button secondary" href="#run/' + esc(run.id) + '">' + esc(t('show')) + '</a>') + '</tr>'
    ).join('');
    $('#page-info').textContent = t('page') + ' ' + page.page + ' ' + t('of') + ' ' + Math.max(1, page.totalPages);
    $('#prev-page').disabled = page.page <= 1;
    $('#next-page').disabled = page.page >= page.totalPages;
  }

  // --- charts (SVG, drawn to the container's width) ---------------------------------------
  async function loadCharts() {
    const days = Number($('#analytics-days').value);
    const [daily, report] = await Promise.all([optional('/dashboard/daily?days=' + days), optional('/analytics?days=' + days)]);
    state.daily = daily;
    state.report = report;
    renderCharts();
  }

  // the axis' top: a round number, even so that its middle tick is a whole number too
  function niceMax(max) {
    if (max <= 4) return 4;
    const p = Math.pow(10, Math.floor(Math.log10(max)));
    const top = Math.ceil(max / p) * p;
    return top % 2 ? top + p : top;
  }

  // bars per day: series stacked (stack=true) or side by side; axes, dates and values drawn
  function barChart(id, title, days, series, stack) {
    const width = Math.max(280, ($('#charts').clientWidth || 600));
    const height = 220, left = 40, bottom = 34, top = 18, right = 8;
    const totals = days.map((d, i) => stack ? series.reduce((s, x) => s + x.values[i], 0) : Math.max(0, ...series.map((x) => x.values[i])));
    const max = niceMax(Math.max(1, ...totals));
    const plotW = width - left - right, plotH = height - top - bottom;
    const band = plotW / days.length;
    const y = (v) => top + plotH - plotH * v / max;
    let out = '';
    [0, max / 2, max].forEach((v) => {
      out += svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid' }) +
        svg('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, esc(number(v)));
    });
    const every = Math.ceil(days.length / Math.max(1, Math.floor(plotW / 44)));
    days.forEach((d, i) => {
      const bx = left + i * band;
      if (i % every === 0) out += svg('text', { x: bx + band / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'tick' }, esc(dayLabel(d)));
      let base = 0;
      series.forEach((s, k) => {
        const v = s.values[i];
        const w = stack ? band * 0.7 : band * 0.8 / series.length;
        const sx = stack ? bx + band * 0.15 : bx + band * 0.1 + k * w;
        const y0 = stack ? y(base) : y(0);
        const y1 = stack ? y(base + v) : y(v);
        if (v > 0) {
          out += svg('rect', { x: sx, y: y1, width: Math.max(1, w - 1), height: Math.max(0, y0 - y1), class: 'bar c' + (k % 8) },
            svg('title', {}, esc(dayLabel(d) + ' · ' + s.name + ' : ' + number(v))));
        }
        if (!stack && v > 0 && w >= 14) out += svg('text', { x: sx + w / 2, y: y1 - 3, 'text-anchor': 'middle', class: 'value' }, esc(number(v)));
        base += v;
      });
      if (stack && totals[i] > 0 && band >= 18) out += svg('text', { x: bx + band / 2, y: y(totals[i]) - 3, 'text-anchor': 'middle', class: 'value' }, esc(number(totals[i])));
    });
    out += svg('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), class: 'axis' });
    const legend = '<ul class="legend">' + series.map((s, k) => '<li><span class="swatch c' + (k % 8) + '" aria-hidden="true"></span>' + esc(s.name) + '</li>').join('') + '</ul>';
    const empty = totals.every((v) => v === 0) ? '<p class="muted">' + esc(t('noData')) + '</p>' : '';
    return '<figure class="chart" id="' + id + '"><figcaption>' + esc(title) + '</figcaption>' + legend + empty +
      '<svg width="' + width + '" height="' + height + '" role="img" aria-label="' + esc(title) + '">' + out + '</svg></figure>';
  }

  function dayList(first, last) {
    const list = [];
    for (let d = new Date(first + 'T12:00:00Z'); d <= new Date(last + 'T12:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      list.push(d.toISOString().slice(0, 10));
    }
    return list;
  }

  function renderCharts() {
    const daily = state.daily;
    let html = '';
    if (daily) {
      const days = dayList(daily.firstDay, daily.lastDay);
      const stores = [...new Set(daily.imported.map((r) => r.store))];
      html += barChart('chart-imported', t('chartImported'), days, (stores.length ? stores : [t('none')]).map((store) => ({
        name: store, values: days.map((d) => daily.imported.filter((r) => r.store === store && r.day === d).reduce((s, r) => s + r.imported, 0))
      })), true);
      const outcome = (key) => days.map((d) => { const row = daily.outcomes.find((o) => o.day === d); return row ? row[key] : 0; });
      html += barChart('chart-outcomes', t('chartOutcomes'), days, [
        { name: t('delivered'), values: outcome('delivered') },
        { name: t('returned'), values: outcome('returned') },
        { name: t('cancelled'), values: outcome('cancelled') }], false);
    }
    html += '<div id="chart-durations-box"></div>';
    $('#charts').innerHTML = html;
    renderDurations();
    const report = state.report;
    $('#analytics').innerHTML = report ? '<ul class="stats">' + report.jobs.map((job) => {
      const rate = job.successRate == null ? t('none') : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(job.successRate);
      return '<li><strong>' + esc(jobTitle(job.job)) + '</strong> : ' + esc(t('successRate')) + ' ' + esc(rate) + ' · ' + esc(t('median')) + ' ' +
        esc(duration(job.medianDurationMs)) + ' · ' + esc(t('p95')) + ' ' + esc(duration(job.p95DurationMs)) + ' · ' + number(job.runs) + ' ' + esc(t('runsWord')) + '</li>';
    }).join('') + '</ul>' : '';
  }

  // each finished run of the timeline's window as a point: when it started, how long it took
  function renderDurations() {
    const box = $('#chart-durations-box');
    const data = state.timeline;
    if (!box || !data) return;
    const runs = data.runs.filter((r) => r.endedAt && r.status !== 'SKIPPED');
    const width = Math.max(280, ($('#charts').clientWidth || 600));
    const height = 220, left = 48, bottom = 34, top = 18, right = 8;
    const start = new Date(data.from).getTime(), end = new Date(data.to).getTime();
    const secs = runs.map((r) => (new Date(r.endedAt) - new Date(r.startedAt)) / 1000);
    const max = niceMax(Math.max(1, ...secs));
    const plotW = width - left - right, plotH = height - top - bottom;
    const x = (iso) => left + plotW * (new Date(iso).getTime() - start) / (end - start);
    const y = (v) => top + plotH - plotH * v / max;
    let out = '';
    [0, max / 2, max].forEach((v) => {
      out += svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid' }) +
        svg('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, esc(number(v) + ' s'));
    });
    const hours = (end - start) / 3600000;
    const step = hours <= 24 ? (width < 500 ? 6 : 3) * 3600000 : (width < 500 ? 2 : 1) * 86400000;
    for (let tk = Math.ceil(start / step) * step; tk <= end; tk += step) {
      out += svg('text', { x: x(new Date(tk).toISOString()), y: height - bottom + 16, 'text-anchor': 'middle', class: 'tick' },
        esc(hours <= 24 ? fmt('hm').format(new Date(tk)) : fmt('day').format(new Date(tk))));
    }
    const jobs = state.jobs.map((j) => j.id);
    runs.forEach((r, i) => {
      const k = Math.max(0, jobs.indexOf(r.job));
      out += svg('circle', { cx: x(r.startedAt), cy: y(secs[i]), r: 4, class: 'dot c' + (k % 8) },
        svg('title', {}, esc(jobTitle(r.job) + ' · ' + time(r.startedAt) + ' · ' + duration(secs[i] * 1000))));
    });
    out += svg('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), class: 'axis' });
    const title = t('chartDurations') + ' (' + $('#timeline-hours').selectedOptions[0].textContent + ', ' + t('algiersTime') + ')';
    box.innerHTML = '<figure class="chart" id="chart-durations"><figcaption>' + esc(title) + '</figcaption><ul class="legend">' +
      jobs.map((j, k) => '<li><span class="swatch c' + (k % 8) + '" aria-hidden="true"></span>' + esc(jobTitle(j)) + '</li>').join('') + '</ul>' +
      (runs.length ? '' : '<p class="muted">' + esc(t('noData')) + '</p>') +
      '<svg width="' + width + '" height="' + height + '" role="img" aria-label="' + esc(title) + '">' + out + '</svg></figure>';
  }

  // --- audit -----------------------------------------------------------------------------
  async function loadAudit() {
    let page;
    try { page = await api('/audit?size=20'); } catch (e) { return; }
    const rows = Array.isArray(page) ? page : page.items || [];
    $('#audit tbody').innerHTML = rows.map((a) =>
      '<tr>' + cell('when', esc(time(a.occurredAt))) + cell('who', esc(a.email || a.userId || '') + ' <span class="muted">' + esc(a.role ? t('role_' + a.role) : '') + '</span>') +
      cell('action', esc(humanize(a.action))) + cell('target', esc(a.target || '')) + cell('outcome', badge(a.outcome, 'out_')) + '</tr>').join('');
  }

  // --- run detail and order lineage (#run/<id>, #order/<id>) ------------------------------
  async function route() {
    const match = /^#(run|order)\/(.+)$/.exec(location.hash);
    const view = $('#run-detail');
    if (!match || $('#app').hidden) { view.hidden = true; return; }
    view.hidden = false;
    $('#run-detail-body').innerHTML = '<p class="muted">…</p>';
    try {
      if (match[1] === 'run') await showRun(decodeURIComponent(match[2]));
      else await showOrder(decodeURIComponent(match[2]));
    } catch (e) {
      $('#run-detail-body').innerHTML = '<p class="error" role="alert">' + esc(e.message) + '</p>';
    }
    view.focus();
    view.scrollIntoView();
  }

  async function showRun(id) {
    const [run, lineage] = await Promise.all([api('/runs/' + encodeURIComponent(id)), optional('/dashboard/runs/' + encodeURIComponent(id))]);
    $('#run-detail-title').textContent = t('runDetail') + ' · ' + jobTitle(run.job);
    const results = run.results && run.results.dryRun && run.results.report ? run.results.report : run.results || {};
    const stores = Array.isArray(results.stores) ? results.stores : [];
    const accounts = Array.isArray(results.accounts) ? results.accounts : [];
    const units = stores.map((s) => ({ name: s.store, status: s.status, ms: s.durationMillis, requests: s.requests, error: s.error,
      facts: { imported: s.imported, fetched: s.fetched, quarantined: s.quarantined, unassigned: s.unassigned, pages: s.pages,
        scanned: s.scanned, missing: s.missing, leftToImport: s.leftToImport } }))
      .concat(accounts.map((a) => ({ name: a.account, status: a.error || a.failed > 0 ? 'FAILED' : 'SUCCEEDED', ms: a.durationMs, requests: a.requests,
        error: a.error, facts: { changed: a.changed, checked: a.checked, notChecked: a.notChecked, notFound: a.notFound } })));
    const requests = units.reduce((s, u) => s + (u.requests || 0), 0) || (run.counts && run.counts.requests) || 0;
    let html = '<dl class="facts">' +
      '<dt>' + esc(t('status')) + '</dt><dd data-testid="run-status">' + badge(run.status) + '</dd>' +
      '<dt>' + esc(t('trigger')) + '</dt><dd data-testid="run-trigger">' + (run.trigger === 'DRY_RUN' ? '<span class="tag dry">' + esc(t('DRY_RUN')) + '</span>' : esc(t(run.trigger))) + '</dd>' +
      '<dt>' + esc(t('started')) + '</dt><dd>' + esc(time(run.startedAt)) + '</dd>' +
      '<dt>' + esc(t('duration')) + '</dt><dd>' + esc(duration(run.durationMs)) + '</dd>' +
      '<dt>' + esc(t('actor')) + '</dt><dd>' + esc(run.actor || t('none')) + '</dd>' +
      '<dt>' + esc(t('requestsMade')) + '</dt><dd>' + number(requests) + '</dd>' +
      '<dt>' + esc(t('result')) + '</dt><dd>' + resultWords(run.job, run.counts) + '</dd></dl>';
    if (run.trigger === 'DRY_RUN' || (run.results && run.results.dryRun)) html += dryRunReport(run);
    if (units.length) {
      const total = Math.max(1, ...units.map((u) => u.ms || 0));
      html += '<h3>' + esc(t('unitsTimeline')) + '</h3><ul class="units">' + units.map((u) =>
        '<li><span class="unit-name"><strong>' + esc(u.name) + '</strong> ' + badge(u.status) + '</span>' +
        '<span class="unit-bar s-' + esc(u.status) + '"><span style="width:' + Math.max(1, Math.round(100 * (u.ms || 0) / total)) + '%"></span></span>' +
        '<span class="muted">' + esc(duration(u.ms)) + ' · ' + number(u.requests || 0) + ' ' + esc(countLabel('requests', u.requests || 0)) + ' · ' +
        Object.entries(u.facts).filter(([, v]) => v != null).map(([k, v]) => number(v) + ' ' + esc(countLabel(k, v))).join(' · ') + '</span></li>').join('') + '</ul>';
    }
    const errors = [];
    if (run.error) errors.push('<li><strong>' + esc(t('error')) + '</strong> : ' + esc(run.error.message || humanize(run.error.class || '')) + '</li>');
    units.filter((u) => u.error).forEach((u) => errors.push('<li><strong>' + esc(u.name) + '</strong> : ' + esc(u.error) + '</li>'));
    ((lineage && lineage.activity) || []).filter((a) => a.level === 'WARN' || a.level === 'ERROR').forEach((a) => errors.push(
      '<li>' + esc(time(a.occurredAt, 'clock')) + ' · ' + esc(a.description) +
      (a.metadata ? '<details><summary>' + esc(t('details')) + '</summary><pre>' + esc(JSON.stringify(a.metadata, null, 2)) + '</pre></details>' : '') + '</li>'));
    html += '<h3>' + esc(t('errorsTitle')) + '</h3>' + (errors.length ? '<ul class="errors" data-testid="run-errors">' + errors.join('') + '</ul>' : '<p class="muted">' + esc(t('noErrors')) + '</p>');
    html += '<h3>' + esc(t('ordersOfRun')) + '</h3>';
    if (lineage && lineage.changes.length) {
      html += '<p class="muted">' + number(lineage.orders) + ' ' + esc(t('ordersCount')) + ' · ' + number(lineage.events) + ' ' + esc(t('changesCount')) +
        (lineage.events > lineage.changes.length ? ' (' + esc(t('shownFirst')) + ' ' + number(lineage.changes.length) + ')' : '') + '</p>' +
        eventsTable(lineage.changes, true);
    } else {
      html += '<p class="muted">' + esc(t('noOrders')) + '</p>';
    }
    $('#run-detail-body').innerHTML = html;
    // a run still going (a dry run just started, say): look again in a moment while its page is open
    if (run.status === 'RUNNING' || !run.endedAt) {
      const hash = location.hash;
      clearTimeout(state.followTimer);
      state.followTimer = setTimeout(() => { if (location.hash === hash) showRun(id).catch(() => {}); }, 2000);
    }
  }

  // what a dry run would have done: each kind in words, how many, and the first ids it names
  function dryRunReport(run) {
    const would = (run.results && run.results.wouldDo) || {};
    const kinds = Object.keys(would);
    let html = '<h3>' + esc(t('dryRunTitle')) + '</h3>';
    if (run.status === 'RUNNING' || !run.endedAt) return html + '<p class="muted" role="status">' + esc(t('dryRunFollow')) + '</p>';
    if (!kinds.length) return html + '<p data-testid="dry-run-report">' + esc(t('dryRunNothing')) + '</p>';
    return html + '<ul class="dry-report" data-testid="dry-run-report">' + kinds.map((kind) => {
      const entry = would[kind] || {};
      const count = entry.count || 0;
      const samples = Array.isArray(entry.samples) ? entry.samples : [];
      return '<li data-kind="' + esc(kind) + '"><strong>' + number(count) + '</strong> ' + esc(countLabel('wouldDo.' + kind, count)) +
        (samples.length ? '<details><summary>' + esc(t('dryRunSamples')) + ' (' + number(samples.length) + ')</summary><ul>' +
          samples.map((x) => '<li><code>' + esc(x) + '</code></li>').join('') + '</ul></details>' : '') + '</li>';
    }).join('') + '</ul>';
  }

  function statusWord(status) { return status ? t('st_' + status) : t('none'); }

  function eventsTable(events, withOrder) {
    return '<table class="cards-on-phone events"><thead><tr>' + (withOrder ? '<th scope="col">' + esc(t('order')) + '</th><th scope="col">' + esc(t('store')) + '</th>' : '') +
      '<th scope="col">' + esc(t('when')) + '</th><th scope="col">' + esc(t('source')) + '</th><th scope="col">' + esc(t('change')) + '</th></tr></thead><tbody>' +
      events.map((e) => '<tr>' + (withOrder ? cell('order', '<a href="#order/' + esc(e.orderId) + '">' + esc(e.reference) + '</a>') + cell('store', esc(e.store)) : '') +
        cell('when', esc(time(e.occurredAt))) + cell('source', esc(t('src_' + e.source)) + (e.runId && !withOrder ? ' · <a href="#run/' + esc(e.runId) + '">' + esc(t('runDetail')) + '</a>' : '')) +
        cell('change', esc(e.fromStatus ? statusWord(e.fromStatus) + ' → ' : '') + esc(statusWord(e.toStatus)) +
          (e.toShippingCode != null ? ' <span class="muted">(' + esc((e.fromShippingCode != null ? e.fromShippingCode + ' → ' : '') + e.toShippingCode) + ')</span>' : '')) + '</tr>').join('') +
      '</tbody></table>';
  }

  async function showOrder(id) {
    const order = await api('/dashboard/orders/' + encodeURIComponent(id));
    $('#run-detail-title').textContent = t('orderLineage') + ' · ' + order.reference;
    $('#run-detail-body').innerHTML = '<dl class="facts">' +
      '<dt>' + esc(t('store')) + '</dt><dd>' + esc(order.store) + '</dd>' +
      '<dt>' + esc(t('ecomanagerId')) + '</dt><dd>' + esc(order.ecomanagerId) + '</dd>' +
      '<dt>' + esc(t('status')) + '</dt><dd>' + esc(statusWord(order.status)) + '</dd>' +
      '<dt>' + esc(t('agent')) + '</dt><dd>' + esc(order.agent || t('none')) + '</dd>' +
      '<dt>' + esc(t('tracking')) + '</dt><dd>' + esc(order.trackingNumber || t('none')) + (order.shippingStatus ? ' · ' + esc(order.shippingStatus) : '') + '</dd>' +
      '<dt>' + esc(t('lastImport')) + '</dt><dd>' + esc(time(order.importedAt)) + '</dd></dl>' +
      eventsTable(order.events, false);
  }

  // --- quarantined orders: the raw payload and the reason --------------------------------
  async function openQuarantine(storeId) {
    const dialog = $('#quarantine');
    $('#quarantine-body').innerHTML = '<p class="muted">…</p>';
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
    try {
      const data = await api('/dashboard/stores/' + encodeURIComponent(storeId) + '/quarantined');
      $('#quarantine-title').textContent = t('quarantineTitle') + ' · ' + data.store + ' (' + number(data.total) + ')';
      $('#quarantine-body').innerHTML = data.orders.length ? '<ul class="quarantine">' + data.orders.map((q) =>
        '<li data-quarantine="' + esc(q.id) + '"><dl class="facts">' +
        '<dt>' + esc(t('reason')) + '</dt><dd class="error">' + esc(q.reason) + '</dd>' +
        '<dt>' + esc(t('ecomanagerId')) + '</dt><dd>' + esc(q.ecomanagerId == null ? t('none') : q.ecomanagerId) + '</dd>' +
        '<dt>' + esc(t('firstSeen')) + '</dt><dd>' + esc(time(q.firstSeenAt)) + '</dd>' +
        '<dt>' + esc(t('lastSeen')) + '</dt><dd>' + esc(time(q.lastSeenAt)) + (q.runId ? ' · <a href="#run/' + esc(q.runId) + '">' + esc(t('runDetail')) + '</a>' : '') + '</dd></dl>' +
        '<details><summary>' + esc(t('showPayload')) + '</summary><p class="muted">' + esc(t('payload')) + '</p><pre data-testid="payload">' +
        esc(JSON.stringify(q.payload, null, 2)) + '</pre></details></li>').join('') + '</ul>'
        : '<p>' + esc(t('noQuarantine')) + '</p>';
    } catch (e) {
      $('#quarantine-body').innerHTML = '<p class="error" role="alert">' + esc(e.message) + '</p>';
    }
  }


  // --- a store's EcoManager webhooks (ADMIN) -------------------------------------------------
  function webhookResult(id, ok, text) {
    state.webhookResults[id] = { ok, text };
    loadWebhooks().then(renderStores);
  }

  function storeWebhooks(button) {
    const id = button.dataset.store;
    const store = button.dataset.identifier;
    const path = '/stores/' + encodeURIComponent(id) + '/webhooks';
    const action = button.dataset.action;
    const fail = (e) => webhookResult(id, false, errorWords(e));
    if (action === 'webhooks-view') { openWebhooks(id, store); return; }
    if (action === 'webhooks-delete' && !window.confirm(t('whConfirmDelete').replace('{store}', store))) return;
    if (action === 'webhooks-rotate' && !window.confirm(t('whConfirmRotate').replace('{store}', store))) return;
    state.webhookResults[id] = { ok: true, text: '…' };
    renderStores();
    if (action === 'webhooks-register') {
      api(path, { method: 'POST' }).then((list) => webhookResult(id, true, t('whRegistered').replace('{n}', number((list || []).length))), fail);
    } else if (action === 'webhooks-delete') {
      api(path, { method: 'DELETE' }).then((r) => webhookResult(id, true, t('whDeleted').replace('{n}', number(r.deleted))), fail);
    } else if (action === 'webhooks-rotate') {
      api(path + '/rotate-secret', { method: 'POST' }).then((r) => webhookResult(id, true, t('whRotated').replace('{n}', number(r.rotated))), fail);
    }
  }

  function eventWord(event) { return has('ev_' + event) ? t('ev_' + event) : humanize(event); }

  async function openWebhooks(id, store) {
    const dialog = $('#webhooks');
    $('#webhooks-title').textContent = t('whTitle') + ' · ' + store;
    $('#webhooks-body').innerHTML = '<p class="muted">…</p>';
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
    try {
      const data = await api('/stores/' + encodeURIComponent(id) + '/webhooks');
      const head = (keys) => '<thead><tr>' + keys.map((k) => '<th scope="col">' + esc(t(k)) + '</th>').join('') + '</tr></thead>';
      const ours = data.registered || [];
      let html = '<dl class="facts"><dt>' + esc(t('whDeliveryUrl')) + '</dt><dd><code>' + esc(data.deliveryUrl) + '</code></dd></dl>' +
        '<h3>' + esc(t('whOurs')) + '</h3>' + (ours.length ? '<table class="cards-on-phone" data-testid="webhooks-ours">' +
          head(['whEvent', 'whId', 'whRegisteredAt', 'whRegisteredBy']) + '<tbody>' + ours.map((w) => '<tr>' +
          cell('whEvent', esc(eventWord(w.event))) + cell('whId', esc(w.webhookId)) + cell('whRegisteredAt', esc(time(w.registeredAt))) +
          cell('whRegisteredBy', esc(w.registeredBy || t('none'))) + '</tr>').join('') + '</tbody></table>' : '<p>' + esc(t('whNoneYet')) + '</p>');
      html += '<h3>' + esc(t('whTheirs')) + '</h3>';
      if (data.ecomanager == null) {
        html += '<p class="error" role="alert" data-testid="webhooks-ecomanager-error">' + esc(t('whEcoError')) + ' : ' + esc(data.ecomanagerError || '') + '</p>';
      } else if (!data.ecomanager.length) {
        html += '<p>' + esc(t('whNoneYet')) + '</p>';
      } else {
        html += '<table class="cards-on-phone" data-testid="webhooks-ecomanager">' + head(['whName', 'whEvent', 'whDeliveryUrl', 'whActive', 'whIsOurs']) +
          '<tbody>' + data.ecomanager.map((w) => '<tr>' + cell('whName', esc(w.name || t('none')) + ' <span class="muted">(' + esc(w.webhookId) + ')</span>') +
          cell('whEvent', esc(eventWord(w.event))) + cell('whDeliveryUrl', '<code>' + esc(w.deliveryUrl) + '</code>') +
          cell('whActive', esc(t(w.active ? 'yes' : 'no'))) + cell('whIsOurs', esc(t(w.ours ? 'yes' : 'no'))) + '</tr>').join('') + '</tbody></table>';
      }
      $('#webhooks-body').innerHTML = html;
    } catch (e) {
      $('#webhooks-body').innerHTML = '<p class="error" role="alert">' + esc(errorWords(e)) + '</p>';
    }
  }

  // --- outgoing notifications (ADMIN) ----------------------------------------------------
  const NOTIFY_EVENTS = ['SyncFailed', 'SyncPartial', 'SyncCompleted', 'RunMissed', 'CredentialsRejected'];

  async function loadSubscriptions() {
    if (state.role !== 'ADMIN') return;
    try { state.subscriptions = await api('/notifications/subscriptions'); } catch (e) { state.subscriptions = null; toast(errorWords(e), true); }
    renderSubscriptions();
  }

  function fillSubscriptionForm() {
    const events = $('#sub-events');
    if (!events) return;
    const checked = (box) => new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
    const e = checked(events);
    events.innerHTML = '<legend>' + esc(t('subEvents')) + '</legend>' + NOTIFY_EVENTS.map((ev) =>
      '<label><input type="checkbox" name="events" value="' + esc(ev) + '"' + (e.has(ev) ? ' checked' : '') + '> ' + esc(t('nev_' + ev)) + '</label>').join('');
    const jobs = $('#sub-jobs');
    const j = checked(jobs);
    jobs.innerHTML = '<legend>' + esc(t('subJobs')) + ' <span class="muted">(' + esc(t('subJobsHelp')) + ')</span></legend>' +
      state.jobs.map((job) => '<label><input type="checkbox" name="jobs" value="' + esc(job.id) + '"' + (j.has(job.id) ? ' checked' : '') + '> ' +
        esc(jobTitle(job.id)) + '</label>').join('');
  }

  function renderSubscriptions() {
    fillSubscriptionForm();
    const box = $('#subscription-secret');
    if (box) {
      box.hidden = !state.signingSecret;
      box.innerHTML = state.signingSecret ? '<strong>' + esc(t('subSecretOnce')) + '</strong> <code data-testid="signing-secret">' + esc(state.signingSecret) +
        '</code> <button type="button" class="secondary small" id="secret-done">' + esc(t('subSecretDone')) + '</button>' : '';
    }
    const list = state.subscriptions;
    const body = $('#subscriptions tbody');
    if (!body || !list) return;
    body.innerHTML = list.length ? list.map((sub) => {
      const last = sub.lastDelivery;
      const d = sub.deliveries || {};
      const test = state.subTests[sub.id];
      return '<tr data-subscription="' + esc(sub.id) + '">' +
        cell('subUrl', '<code>' + esc(sub.url) + '</code>') +
        cell('subEvents', esc((sub.events || []).map((ev) => has('nev_' + ev) ? t('nev_' + ev) : humanize(ev)).join(', '))) +
        cell('subJobs', esc(sub.jobs && sub.jobs.length ? sub.jobs.map(jobTitle).join(', ') : t('subAllJobs'))) +
        cell('subFormat', esc(t('fmt_' + sub.format)) + ' · ' + esc(t('lang_' + sub.language))) +
        cell('subEnabled', '<label class="switch"><input type="checkbox" data-action="sub-toggle" data-subscription="' + esc(sub.id) + '"' +
          (sub.enabled ? ' checked' : '') + '> ' + esc(t('subEnabled')) + '</label>') +
        cell('subLast', last ? '<span class="badge s-' + (last.ok ? 'SUCCEEDED' : 'FAILED') + '"><span class="shape" aria-hidden="true"></span>' +
          esc(t(last.ok ? 'subDelivered' : 'subNotDelivered')) + '</span>' +
          ' ' + esc((has('nev_' + last.event) ? t('nev_' + last.event) : last.event) + ' · ' + time(last.at, 'short') +
          (last.httpStatus ? ' · HTTP ' + last.httpStatus : '') + (last.attempts ? ' · ' + last.attempts + ' ' + plural(last.attempts, t('attempts')) : '')) +
          (last.error ? '<div class="error">' + esc(last.error) + '</div>' : '') : esc(t('subNoDelivery'))) +
        cell('subFailures', '<span' + (d.consecutiveFailures > 0 ? ' class="error"' : '') + '>' + esc(t('subFailuresText')
          .replace('{failed}', number(d.failed || 0)).replace('{total}', number((d.failed || 0) + (d.delivered || 0)))
          .replace('{consecutive}', number(d.consecutiveFailures || 0))) + '</span>') +
        cell('actions', '<div class="buttons"><button type="button" class="secondary small" data-action="sub-test" data-subscription="' + esc(sub.id) + '">' +
          esc(t('subTest')) + '</button><button type="button" class="secondary small danger-outline" data-action="sub-delete" data-subscription="' + esc(sub.id) +
          '" data-url="' + esc(sub.url) + '">' + esc(t('subDelete')) + '</button></div>' +
          '<span role="status" data-sub-result="' + esc(sub.id) + '" class="' + (test && !test.ok ? 'error' : 'muted') + '">' + esc(test ? test.text : '') + '</span>') +
        '</tr>';
    }).join('') : '<tr><td colspan="8">' + esc(t('subNone')) + '</td></tr>';
  }

  async function createSubscription(form) {
    const data = new FormData(form);
    const body = {
      url: String(data.get('url') || '').trim(), events: data.getAll('events'), jobs: data.getAll('jobs'),
      format: data.get('format'), language: data.get('language'), enabled: data.get('enabled') === 'on'
    };
    const secret = String(data.get('secret') || '');
    if (secret) body.secret = secret;
    const out = $('#subscription-error');
    out.textContent = '';
    try {
      const created = await api('/notifications/subscriptions', { method: 'POST', body: JSON.stringify(body) });
      // shown this once, kept in memory only until dismissed or the page is left
      state.signingSecret = created.signingSecret;
      form.reset();
      toast(t('subCreated'));
      await loadSubscriptions();
      $('#subscription-secret').focus();
    } catch (e) { out.textContent = errorWords(e); }
    loadAudit();
  }

  function subscriptionAction(button) {
    const id = button.dataset.subscription;
    const path = '/notifications/subscriptions/' + encodeURIComponent(id);
    if (button.dataset.action === 'sub-test') {
      state.subTests[id] = { ok: true, text: '…' };
      renderSubscriptions();
      api(path + '/test', { method: 'POST' }).then((r) => {
        state.subTests[id] = { ok: r.delivered, text: t(r.delivered ? 'subDelivered' : 'subNotDelivered') + (r.httpStatus ? ' · HTTP ' + r.httpStatus : '') +
          (r.error ? ' · ' + r.error : '') + ' · ' + duration(r.durationMillis) };
      }, (e) => { state.subTests[id] = { ok: false, text: errorWords(e) }; }).then(loadSubscriptions);
    } else if (button.dataset.action === 'sub-delete') {
      if (!window.confirm(t('subConfirmDelete').replace('{url}', button.dataset.url))) return;
      api(path, { method: 'DELETE' }).then(() => toast(t('subDeletedMsg')), (e) => toast(errorWords(e), true)).then(loadSubscriptions);
    }
  }

  // --- actions ---------------------------------------------------------------------------
  async function act(promise, success) {
    try {
      const result = await promise;
      if (success) toast(success(result));
    } catch (e) { toast(e.message, true); }
    refresh();
    if (state.role === 'ADMIN') loadAudit();
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'run') {
      button.disabled = true;
      act(api('/trigger/' + encodeURIComponent(button.dataset.job), { method: 'POST' }), () => t('accepted') + ' · ' + jobTitle(button.dataset.job));
    } else if (action === 'dry-run') {
      button.disabled = true;
      api('/trigger/' + encodeURIComponent(button.dataset.job) + '?dryRun=true', { method: 'POST' }).then((r) => {
        toast(t('dryRunStarted') + ' · ' + jobTitle(button.dataset.job));
        location.hash = '#run/' + r.runId;
      }, (e) => toast(errorWords(e), true)).then(() => { refresh(); loadAudit(); });
    } else if (/^webhooks-/.test(action)) {
      storeWebhooks(button);
    } else if (/^sub-/.test(action)) {
      subscriptionAction(button);
    } else if (action === 'quarantine') {
      openQuarantine(button.dataset.store);
    } else if (action === 'test-store') {
      // kept in state, not only in the row: the stores table is redrawn (credential state) right after
      const id = button.dataset.store;
      const out = document.querySelector('[data-result="' + id + '"]');
      if (out) out.textContent = '…';
      api('/stores/' + id + '/test-connection', { method: 'POST' })
        .then((r) => { state.storeTests[id] = { ok: r.ok, text: (r.ok ? 'OK' : 'KO') + ' · ' + (r.httpStatus || '') + ' ' + (r.message || '') }; })
        .catch((e) => { state.storeTests[id] = { ok: false, text: e.message }; })
        .then(loadSummary);
    }
  });
  document.addEventListener('change', (event) => {
    const sub = event.target.closest('input[data-action="sub-toggle"]');
    if (sub) {
      api('/notifications/subscriptions/' + encodeURIComponent(sub.dataset.subscription), { method: 'PATCH', body: JSON.stringify({ enabled: sub.checked }) })
        .catch((e) => toast(errorWords(e), true)).then(loadSubscriptions);
      return;
    }
    const input = event.target.closest('input[data-action="toggle"]');
    if (!input) return;
    const verb = input.checked ? 'enable' : 'disable';
    act(api('/jobs/' + input.dataset.job + '/' + verb, { method: 'POST' }));
  });
  // a timeline mark focused or hovered says what it is in words, under the chart
  ['focusin', 'mouseover'].forEach((type) => document.addEventListener(type, (event) => {
    const mark = event.target.closest && event.target.closest('.timeline .mark');
    const out = $('#timeline-detail');
    if (mark && out) out.textContent = mark.getAttribute('aria-label');
  }));
  $('#quarantine-close').addEventListener('click', () => $('#quarantine').close());
  $('#webhooks-close').addEventListener('click', () => $('#webhooks').close());
  $('#subscription-form').addEventListener('submit', (e) => { e.preventDefault(); createSubscription(e.target); });
  document.addEventListener('click', (e) => { if (e.target.id === 'secret-done') { state.signingSecret = null; renderSubscriptions(); } });
  $('#start-all').addEventListener('click', () => act(api('/start', { method: 'POST' })));
  $('#stop-all').addEventListener('click', () => act(api('/stop', { method: 'POST' })));
  $('#history-filters').addEventListener('submit', (e) => { e.preventDefault(); state.page = 1; loadHistory(); });
  $('#prev-page').addEventListener('click', () => { state.page = Math.max(1, state.page - 1); loadHistory(); });
  $('#next-page').addEventListener('click', () => { state.page += 1; loadHistory(); });
  $('#analytics-days').addEventListener('change', loadCharts);
  $('#timeline-hours').addEventListener('change', loadTimeline);
  $('#signin-form').addEventListener('submit', (e) => { e.preventDefault(); signIn($('#token').value.trim()); });
  $('#signout').addEventListener('click', () => signOut());
  window.addEventListener('hashchange', route);
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { renderTimeline(); renderCharts(); }, 200);
  });

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    $('#lang').value = state.lang;
    $('#lang').setAttribute('aria-label', t('language'));
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((node) => { node.setAttribute('aria-label', t(node.dataset.i18nLabel)); });
    document.title = 'LibertaPhonix · ' + t('title');
    tickClock();
    renderLegend();
  }
  $('#lang').addEventListener('change', (e) => {
    state.lang = e.target.value;
    sessionStorage.setItem(LANG_KEY, state.lang);
    applyLanguage();
    showWho();
    if (!$('#app').hidden) {
      refresh();
      renderSummary(); renderStores(); renderAccounts(); renderTimeline(); renderHistory(); renderCharts();
      if (state.role === 'ADMIN') { loadAudit(); renderSubscriptions(); }
      route();
    }
  });

  applyLanguage();
  setInterval(tickClock, 30000);
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) signIn(saved);
})();
