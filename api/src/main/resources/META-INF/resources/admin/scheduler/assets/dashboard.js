// LibertaPhonix scheduler dashboard: plain JavaScript, no build step, no CDN.
// Signs in with the order system's JWT (session storage) and reads everything from the admin API.
(function () {
  'use strict';

  const API = document.body.dataset.apiRoot;
  const TOKEN_KEY = 'lp-scheduler-token';
  const LANG_KEY = 'lp-scheduler-lang';
  const POLL_MS = 5000;

  const TEXT = {
    fr: {
      title: 'Planificateur', language: 'Langue', signOut: 'Se déconnecter', signIn: 'Connexion',
      signInHelp: "Collez le jeton JWT de l'application de gestion des commandes (rôle ADMIN ou TEAM_MANAGER).",
      token: 'Jeton', signInButton: 'Se connecter', overall: 'État général', schedules: 'Planifications',
      startAll: 'Démarrer tout', stopAll: 'Arrêter tout', jobs: 'Tâches', analytics: 'Performance', period: 'Période',
      days7: '7 jours', days30: '30 jours', history: 'Historique des exécutions', job: 'Tâche', status: 'Statut',
      trigger: 'Déclencheur', all: 'Tous', filter: 'Filtrer', started: 'Début', duration: 'Durée', counts: 'Compteurs',
      details: 'Détails', previous: 'Précédent', next: 'Suivant', stores: 'Boutiques EcoManager', store: 'Boutique',
      credentials: 'Identifiants', cursor: 'Curseur', lastImport: 'Dernier import', actions: 'Actions',
      audit: "Journal d'audit", when: 'Quand', who: 'Qui', action: 'Action', target: 'Cible', outcome: 'Résultat',
      enabled: 'Activée', schedule: 'Planification', nextRuns: 'Prochaines exécutions', lastRun: 'Dernière exécution',
      error: 'Erreur', runNow: 'Exécuter maintenant', progress: 'Progression', none: '—', testConnection: 'Tester',
      show: 'Voir', hide: 'Masquer', page: 'Page', of: 'sur', readOnly: 'lecture seule', successRate: 'Taux de réussite',
      median: 'Médiane', p95: 'p95', orders: 'Commandes/jour', runs: 'exécutions', finished: 'terminée',
      accepted: 'Exécution lancée', badToken: 'Jeton refusé', forbidden: 'Rôle insuffisant',
      'ecomanager-sync': 'Import des commandes EcoManager', 'shipping-status-sync': 'Suivi des colis Maystro',
      'daily-cleanup': 'Nettoyage quotidien',
      SUCCEEDED: 'Réussie', PARTIAL: 'Partielle', FAILED: 'Échouée', SKIPPED: 'Ignorée', RUNNING: 'En cours',
      ABANDONED: 'Abandonnée', running: 'actives', stopped: 'arrêtées', partial: 'partielles', OK: 'valides',
      REJECTED: 'refusés', SCHEDULED: 'Planifiée', MANUAL: 'Manuelle', RETRY: 'Nouvelle tentative', CATCH_UP: 'Rattrapage'
    },
    en: {
      title: 'Scheduler', language: 'Language', signOut: 'Sign out', signIn: 'Sign in',
      signInHelp: "Paste a JWT from the order management app (role ADMIN or TEAM_MANAGER).",
      token: 'Token', signInButton: 'Sign in', overall: 'Overall state', schedules: 'Schedules',
      startAll: 'Start all', stopAll: 'Stop all', jobs: 'Jobs', analytics: 'Performance', period: 'Period',
      days7: '7 days', days30: '30 days', history: 'Run history', job: 'Job', status: 'Status', trigger: 'Trigger',
      all: 'All', filter: 'Filter', started: 'Started', duration: 'Duration', counts: 'Counts', details: 'Details',
      previous: 'Previous', next: 'Next', stores: 'EcoManager stores', store: 'Store', credentials: 'Credentials',
      cursor: 'Cursor', lastImport: 'Last import', actions: 'Actions', audit: 'Audit log', when: 'When', who: 'Who',
      action: 'Action', target: 'Target', outcome: 'Outcome', enabled: 'Enabled', schedule: 'Schedule',
      nextRuns: 'Next runs', lastRun: 'Last run', error: 'Error', runNow: 'Run now', progress: 'Progress', none: '—',
      testConnection: 'Test', show: 'Show', hide: 'Hide', page: 'Page', of: 'of', readOnly: 'read-only',
      successRate: 'Success rate', median: 'Median', p95: 'p95', orders: 'Orders/day', runs: 'runs',
      finished: 'finished', accepted: 'Run started', badToken: 'Token refused', forbidden: 'Role not allowed',
      'ecomanager-sync': 'EcoManager order import', 'shipping-status-sync': 'Maystro parcel tracking',
      'daily-cleanup': 'Daily cleanup',
      SUCCEEDED: 'Succeeded', PARTIAL: 'Partial', FAILED: 'Failed', SKIPPED: 'Skipped', RUNNING: 'Running',
      ABANDONED: 'Abandoned', running: 'running', stopped: 'stopped', partial: 'partial', OK: 'valid',
      REJECTED: 'rejected', SCHEDULED: 'Scheduled', MANUAL: 'Manual', RETRY: 'Retry', CATCH_UP: 'Catch-up'
    }
  };

  // storeTests: the last connection test of each store, by store id, shown until the next one;
  // jobs: the job catalogue as GET /jobs lists it ({id, title}), in its order
  const state = { lang: sessionStorage.getItem(LANG_KEY) || 'fr', role: null, page: 1, lastEnds: null, timer: null, storeTests: {}, jobs: [] };
  const $ = (selector) => document.querySelector(selector);
  const t = (key) => (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.en[key] || key;

  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }
  function time(iso) {
    if (!iso) return t('none');
    const d = new Date(iso);
    return d.toLocaleString(state.lang === 'fr' ? 'fr-DZ' : 'en-GB', { timeZone: 'Africa/Algiers', dateStyle: 'short', timeStyle: 'medium' });
  }
  function duration(ms) {
    if (ms == null) return t('none');
    if (ms < 1000) return ms + ' ms';
    const s = Math.round(ms / 100) / 10;
    return s < 120 ? s + ' s' : Math.round(s / 6) / 10 + ' min';
  }
  // a job in words: the page's own translation of a job it knows, else the name the API gives it
  function jobTitle(id) {
    if ((TEXT[state.lang] && TEXT[state.lang][id]) || TEXT.en[id]) return t(id);
    const job = state.jobs.find((j) => j.id === id);
    return job && job.title ? job.title : id;
  }
  function badge(value) {
    return value ? '<span class="badge s-' + esc(value) + '">' + esc(t(value)) + '</span>' : t('none');
  }
  function countsText(counts) {
    if (!counts) return '';
    return Object.entries(counts).map(([k, v]) => k + ': ' + v).join(' · ');
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
      const message = body && body.error ? body.error.message : response.status + '';
      throw new Error(message);
    }
    return body ? body.data : null;
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
    $('#who').textContent = (payload.email || payload.userId || '') + ' · ' + state.role +
      (state.role === 'ADMIN' ? '' : ' (' + t('readOnly') + ')');
    $('#signin').hidden = true;
    $('#app').hidden = false;
    $('#signout').hidden = false;
    document.querySelectorAll('.admin-only').forEach((n) => { n.hidden = state.role !== 'ADMIN'; });
    state.lastEnds = null;
    refresh();
    loadHistory();
    loadAnalytics();
    if (state.role === 'ADMIN') { loadStores(); loadAudit(); }
    clearInterval(state.timer);
    state.timer = setInterval(refresh, POLL_MS);
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    clearInterval(state.timer);
    state.storeTests = {};
    $('#app').hidden = true;
    $('#signin').hidden = false;
    $('#signout').hidden = true;
    $('#who').textContent = '';
    $('#signin-error').textContent = message || '';
  }

  // --- status and jobs -------------------------------------------------------------------
  async function refresh() {
    let status, jobs;
    try {
      [status, jobs] = await Promise.all([api('/status'), api('/jobs')]);
    } catch (e) { return; }
    $('#overall-state').innerHTML = badge(status.status);
    $('#overall-time').textContent = status.isRunning
      ? (status.startedAt ? '· ' + time(status.startedAt) : '')
      : (status.stoppedAt ? '· ' + time(status.stoppedAt) : '');
    state.jobs = (jobs || []).map((j) => ({ id: j.job, title: j.displayName }));
    const byId = {};
    (jobs || []).forEach((j) => { byId[j.job] = j; });
    const detail = {};
    (status.jobs || []).forEach((j) => { detail[j.job] = j; });
    $('#jobs').innerHTML = state.jobs.map((job) => jobCard(job, byId[job.id] || {}, detail[job.id] || {})).join('');
    fillJobFilter();
    watchForFinishedRuns(detail);
  }

  // the history's job filter offers every job of the catalogue; the choice survives a redraw
  function fillJobFilter() {
    const select = $('#history-filters select[name="job"]');
    const chosen = select.value;
    select.innerHTML = '<option value="">' + esc(t('all')) + '</option>' + state.jobs.map((job) =>
      '<option value="' + esc(job.id) + '"' + (job.id === chosen ? ' selected' : '') + '>' + esc(job.id) + '</option>').join('');
  }

  // the stores (import) or courier accounts (shipping) of the last run that did not go through
  function unitsText(units) {
    return (units || []).filter((u) => !u.succeeded).map((u) => u.unit + ': ' + (u.error || t('FAILED'))).join(' · ');
  }

  function jobCard(job, schedule, detail) {
    const last = detail.lastRun || {};
    const next = (schedule.nextFireTimes || []).slice(0, 5).map((f) => '<li>' + esc(time(f.algiers)) + '</li>').join('');
    const admin = state.role === 'ADMIN';
    let progress = '';
    if (detail.currentRun) {
      const parts = Object.entries(detail.currentRun.progress || {}).map(([unit, p]) => {
        const pct = p.total > 0 ? Math.min(100, Math.round(100 * p.done / p.total)) : 0;
        return '<div>' + esc(unit) + ' ' + p.done + (p.total > 0 ? '/' + p.total : '') +
          '<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="' + pct +
          '"><span style="width:' + pct + '%"></span></div></div>';
      }).join('');
      progress = '<dt>' + t('progress') + '</dt><dd data-testid="progress">' + badge('RUNNING') + ' ' +
        esc(time(detail.currentRun.startedAt)) + parts + '</dd>';
    }
    return '<article class="card job" data-job="' + esc(job.id) + '" aria-labelledby="job-' + esc(job.id) + '">' +
      '<div class="row"><h3 id="job-' + esc(job.id) + '">' + esc(jobTitle(job.id)) + '</h3>' +
      '<label class="switch"><input type="checkbox" data-action="toggle" data-job="' + esc(job.id) + '"' +
      (schedule.enabled ? ' checked' : '') + (admin ? '' : ' disabled') + '> ' + t('enabled') + '</label></div>' +
      '<dl>' +
      '<dt>' + t('schedule') + '</dt><dd>' + esc(schedule.description || '') + ' <code>' + esc(schedule.cron || '') + '</code></dd>' +
      '<dt>' + t('nextRuns') + '</dt><dd><ol class="next" data-testid="next-' + esc(job.id) + '">' + (next || '<li>' + t('none') + '</li>') + '</ol></dd>' +
      '<dt>' + t('lastRun') + '</dt><dd data-testid="last-' + esc(job.id) + '">' + badge(last.status || detail.lastStatus) + ' ' +
      esc(time(last.startedAt)) + (last.endedAt && last.startedAt ? ' · ' + duration(new Date(last.endedAt) - new Date(last.startedAt)) : '') +
      '<div class="muted">' + esc(countsText(last.counts)) + '</div>' +
      (unitsText(last.units) ? '<div class="error" data-testid="units-' + esc(job.id) + '">' + esc(unitsText(last.units)) + '</div>' : '') + '</dd>' +
      (last.error ? '<dt>' + t('error') + '</dt><dd class="error" data-testid="error-' + esc(job.id) + '">' + esc(last.error.message || last.error.class) + '</dd>' : '') +
      progress +
      '</dl>' +
      (admin ? '<button type="button" data-action="run" data-job="' + esc(job.id) + '"' + (detail.running ? ' disabled' : '') + '>' + t('runNow') + '</button>' : '') +
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
          loadAnalytics();
        }
      });
    }
    state.lastEnds = ends;
  }

  // --- history ---------------------------------------------------------------------------
  async function loadHistory() {
    const form = new FormData($('#history-filters'));
    const params = new URLSearchParams({ page: state.page, size: 15 });
    for (const [k, v] of form.entries()) { if (v) params.set(k, v); }
    let page;
    try { page = await api('/history?' + params); } catch (e) { toast(e.message, true); return; }
    $('#history tbody').innerHTML = page.items.map((run) =>
      '<tr data-run="' + esc(run.id) + '"><td>' + esc(time(run.startedAt)) + '</td><td>' + esc(run.job) + '</td><td>' +
      esc(t(run.trigger)) + '</td><td>' + badge(run.status) + (run.skipReason ? ' <span class="muted">' + esc(run.skipReason) + '</span>' : '') +
      '</td><td>' + duration(run.durationMs) + '</td><td class="muted">' + esc(countsText(run.counts)) +
      (run.error ? '<div class="error">' + esc(run.error.message || '') + '</div>' : '') +
      '</td><td><button type="button" class="secondary" data-action="expand" aria-expanded="false">' + t('show') + '</button></td></tr>'
    ).join('');
    $('#page-info').textContent = t('page') + ' ' + page.page + ' ' + t('of') + ' ' + Math.max(1, page.totalPages);
    $('#prev-page').disabled = page.page <= 1;
    $('#next-page').disabled = page.page >= page.totalPages;
  }

  async function toggleDetail(button) {
    const row = button.closest('tr');
    const next = row.nextElementSibling;
    if (next && next.classList.contains('detail')) {
      next.remove();
      button.textContent = t('show');
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    const run = await api('/runs/' + encodeURIComponent(row.dataset.run));
    const detail = document.createElement('tr');
    detail.className = 'detail';
    detail.innerHTML = '<td colspan="7"><pre>' + esc(JSON.stringify({ results: run.results, error: run.error, eventId: run.eventId }, null, 2)) + '</pre></td>';
    row.after(detail);
    button.textContent = t('hide');
    button.setAttribute('aria-expanded', 'true');
  }

  // --- stores and audit ------------------------------------------------------------------
  async function loadStores() {
    let page;
    try { page = await api('/stores'); } catch (e) { return; }
    const stores = Array.isArray(page) ? page : page.items || [];
    $('#stores tbody').innerHTML = stores.map((s) =>
      '<tr><td><strong>' + esc(s.identifier) + '</strong> ' + esc(s.name) + (s.active ? '' : ' <span class="muted">(inactive)</span>') +
      '</td><td>' + badge(s.credentialState) + (s.credentialError ? '<div class="muted">' + esc(s.credentialError) + '</div>' : '') +
      '</td><td>' + esc(s.importCursor) + '</td><td>' + esc(time(s.lastImportAt)) + '</td><td>' +
      '<button type="button" class="secondary" data-action="test-store" data-store="' + esc(s.id) + '">' + t('testConnection') +
      '</button> ' + storeTestResult(s.id) + '</td></tr>').join('');
  }

  function storeTestResult(id) {
    const test = state.storeTests[id];
    return '<span class="' + (test && !test.ok ? 'error' : 'muted') + '" data-result="' + esc(id) + '">' +
      esc(test ? test.text : '') + '</span>';
  }

  async function loadAudit() {
    let page;
    try { page = await api('/audit?size=20'); } catch (e) { return; }
    const rows = Array.isArray(page) ? page : page.items || [];
    $('#audit tbody').innerHTML = rows.map((a) =>
      '<tr><td>' + esc(time(a.occurredAt)) + '</td><td>' + esc(a.email || a.userId || '') + ' <span class="muted">' + esc(a.role || '') +
      '</span></td><td>' + esc(a.action) + '</td><td>' + esc(a.target || '') + '</td><td>' + badge(a.outcome) + '</td></tr>').join('');
  }

  // --- analytics -------------------------------------------------------------------------
  async function loadAnalytics() {
    let report;
    try { report = await api('/analytics?days=' + $('#analytics-days').value); } catch (e) { return; }
    $('#analytics').innerHTML = report.jobs.map((job) => {
      const max = Math.max(1, ...job.days.map((d) => Math.max(d.imported + d.updated, d.runs)));
      const width = 100 / job.days.length;
      const bars = job.days.map((d, i) => {
        const value = d.imported + d.updated > 0 ? d.imported + d.updated : d.runs;
        const h = Math.round(80 * value / max);
        return '<rect class="bar' + (d.failed > 0 ? ' fail' : '') + '" x="' + (i * width + width * 0.1).toFixed(2) + '%" y="' + (85 - h) +
          '" width="' + (width * 0.8).toFixed(2) + '%" height="' + h + '"><title>' + esc(d.day + ': ' + d.runs + ' ' + t('runs') +
          ', ' + (d.imported + d.updated) + ' orders, ' + d.failed + ' failed') + '</title></rect>';
      }).join('');
      const rate = job.successRate == null ? t('none') : Math.round(job.successRate * 1000) / 10 + ' %';
      return '<div><h3>' + esc(jobTitle(job.job)) + '</h3><p class="muted">' + t('successRate') + ' ' + rate + ' · ' + t('median') + ' ' +
        duration(job.medianDurationMs) + ' · ' + t('p95') + ' ' + duration(job.p95DurationMs) + ' · ' + job.runs + ' ' + t('runs') +
        '</p><svg role="img" aria-label="' + esc(jobTitle(job.job) + ' — ' + t('orders')) + '" viewBox="0 0 100 90" preserveAspectRatio="none">' +
        bars + '</svg></div>';
    }).join('');
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
      act(api('/trigger/' + encodeURIComponent(button.dataset.job), { method: 'POST' }), (r) => t('accepted') + ' · ' + r.runId);
    } else if (action === 'expand') {
      toggleDetail(button).catch((e) => toast(e.message, true));
    } else if (action === 'test-store') {
      // kept in state, not only in the row: the stores table is redrawn (credential state) right after
      const id = button.dataset.store;
      const out = document.querySelector('[data-result="' + id + '"]');
      if (out) out.textContent = '…';
      api('/stores/' + id + '/test-connection', { method: 'POST' })
        .then((r) => { state.storeTests[id] = { ok: r.ok, text: (r.ok ? 'OK' : 'KO') + ' · ' + (r.httpStatus || '') + ' ' + (r.message || '') }; })
        .catch((e) => { state.storeTests[id] = { ok: false, text: e.message }; })
        .then(loadStores);
    }
  });
  document.addEventListener('change', (event) => {
    const input = event.target.closest('input[data-action="toggle"]');
    if (!input) return;
    const verb = input.checked ? 'enable' : 'disable';
    act(api('/jobs/' + input.dataset.job + '/' + verb, { method: 'POST' }));
  });
  $('#start-all').addEventListener('click', () => act(api('/start', { method: 'POST' })));
  $('#stop-all').addEventListener('click', () => act(api('/stop', { method: 'POST' })));
  $('#history-filters').addEventListener('submit', (e) => { e.preventDefault(); state.page = 1; loadHistory(); });
  $('#prev-page').addEventListener('click', () => { state.page = Math.max(1, state.page - 1); loadHistory(); });
  $('#next-page').addEventListener('click', () => { state.page += 1; loadHistory(); });
  $('#analytics-days').addEventListener('change', loadAnalytics);
  $('#signin-form').addEventListener('submit', (e) => { e.preventDefault(); signIn($('#token').value.trim()); });
  $('#signout').addEventListener('click', () => signOut());

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    $('#lang').value = state.lang;
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  }
  $('#lang').addEventListener('change', (e) => {
    state.lang = e.target.value;
    sessionStorage.setItem(LANG_KEY, state.lang);
    applyLanguage();
    if (!$('#app').hidden) { refresh(); loadHistory(); loadAnalytics(); }
  });

  applyLanguage();
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) signIn(saved);
})();
