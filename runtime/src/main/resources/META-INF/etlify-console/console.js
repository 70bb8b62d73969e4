// Etlify console: plain JavaScript over the admin API next to this page (/q/etlify/*).
// Every value from the API reaches the page as text (textContent, Text nodes, attribute values), never as HTML:
// record errors quote what CRMs answered.
'use strict';

(function () {
  const AUTH_KEY = 'etlify.console.authorization';
  const USER_KEY = 'etlify.console.user';
  const RUNS_SHOWN = 10;
  const FAILURES_PAGE_SIZE = 50;

  const state = {
    status: [],
    runsRunning: false,
    failuresPage: 0,
    refreshTimer: null,
    runsTimer: null,
  };

  function $(id) {
    return document.getElementById(id);
  }

  /** An element with text children (strings become Text nodes) and properties set as properties, not markup. */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'text') {
        node.textContent = value;
      } else if (key === 'className') {
        node.className = value;
      } else if (key === 'data') {
        Object.assign(node.dataset, value);
      } else if (key === 'onclick') {
        node.addEventListener('click', value);
      } else {
        node.setAttribute(key, value);
      }
    }
    for (const child of children || []) {
      node.append(child === null || child === undefined ? '' : child);
    }
    return node;
  }

  function button(text, onclick, className) {
    return el('button', { type: 'button', text: text, onclick: onclick, className: className || '' });
  }

  function cell(value, className) {
    return el('td', { text: value === null || value === undefined ? '' : String(value), className: className || '' });
  }

  function time(iso) {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    return isNaN(date.getTime()) ? iso : date.toLocaleString();
  }

  function timeCell(iso) {
    const td = cell(time(iso));
    if (iso) {
      td.title = iso;
    }
    return td;
  }

  // --- the admin API ---------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, body) {
      super(body && body.detail ? body.detail : 'HTTP ' + status);
      this.status = status;
      this.body = body;
    }
  }

  /** Calls the admin API: cookies of the application's session go along, and the Basic header if one was given. */
  async function api(path, body, authorization) {
    const headers = { Accept: 'application/json' };
    const auth = authorization || sessionStorage.getItem(AUTH_KEY);
    if (auth) {
      headers.Authorization = auth;
    }
    const init = { method: 'GET', headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      init.method = 'POST';
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      // an authentication mechanism's own answer may have no JSON body
    }
    if (!response.ok) {
      throw new ApiError(response.status, json);
    }
    return json;
  }

  function recordPath(crm, model, id) {
    return 'crms/' + encodeURIComponent(crm) + '/models/' + encodeURIComponent(model) + '/records/'
      + encodeURIComponent(id);
  }

  // --- signing in ------------------------------------------------------------------------------------------------

  function basicAuthorization(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let binary = '';
    bytes.forEach(b => { binary += String.fromCharCode(b); });
    return 'Basic ' + btoa(binary);
  }

  function showLogin(message) {
    stopTimers();
    $('console').hidden = true;
    $('session').hidden = true;
    $('login').hidden = false;
    $('login-message').textContent = message || '';
    $('login-user').focus();
  }

  function showConsole() {
    $('login').hidden = true;
    $('console').hidden = false;
    $('session').hidden = false;
    const user = sessionStorage.getItem(USER_KEY);
    $('signed-in-as').textContent = user ? 'Signed in as ' + user : 'Signed in through the application';
    $('sign-out').hidden = !user;
  }

  /**
   * Handles a failed call: back to the login form when the identity is missing or lacks the role (saying so,
   * unless the page just opened without one).
   */
  function failed(error, opening) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      sessionStorage.removeItem(AUTH_KEY);
      sessionStorage.removeItem(USER_KEY);
      showLogin(error.status === 403 ? 'This user may not use the console: '
        + (error.body && error.body.detail ? error.body.detail : 'forbidden') + '.'
        : opening ? '' : 'Sign in to continue.');
      return true;
    }
    say(error instanceof ApiError ? error.message : 'The request failed: ' + error.message, true);
    return false;
  }

  async function signIn(event) {
    event.preventDefault();
    const user = $('login-user').value;
    const authorization = basicAuthorization(user, $('login-password').value);
    $('login-submit').disabled = true;
    try {
      await api('crms', undefined, authorization);
      sessionStorage.setItem(AUTH_KEY, authorization);
      sessionStorage.setItem(USER_KEY, user);
      $('login-password').value = '';
      start();
    } catch (error) {
      $('login-message').textContent = !(error instanceof ApiError) ? 'The request failed: ' + error.message
        : error.status === 401 ? 'User or password not accepted.'
          : error.status === 403 ? 'This user may not use the console: '
            + (error.body && error.body.detail ? error.body.detail : 'forbidden') + '.'
            : error.message;
    } finally {
      $('login-submit').disabled = false;
    }
  }

  function signOut() {
    sessionStorage.removeItem(AUTH_KEY);
    sessionStorage.removeItem(USER_KEY);
    showLogin('Signed out.');
  }

  // --- refreshing ------------------------------------------------------------------------------------------------

  function stopTimers() {
    clearTimeout(state.refreshTimer);
    clearTimeout(state.runsTimer);
    state.refreshTimer = null;
    state.runsTimer = null;
  }

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    const seconds = Number($('refresh-every').value);
    if (seconds > 0 && !$('console').hidden) {
      state.refreshTimer = setTimeout(refresh, seconds * 1000);
    }
  }

  /** While a run is running, its progress is polled every second (when auto-refresh is on). */
  function scheduleRunsPoll() {
    clearTimeout(state.runsTimer);
    if (state.runsRunning && Number($('refresh-every').value) > 0 && !$('console').hidden) {
      state.runsTimer = setTimeout(pollRuns, 1000);
    }
  }

  async function refresh() {
    try {
      const [crms, status, runs, failures] = await Promise.all([api('crms'), api('status'),
        api('runs?size=' + RUNS_SHOWN), api(failuresPath())]);
      renderCrms(crms);
      renderStatus(status);
      renderRuns(runs.runs);
      renderFailures(failures);
      $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
    } catch (error) {
      if (failed(error)) {
        return;
      }
    }
    scheduleRefresh();
    scheduleRunsPoll();
  }

  async function pollRuns() {
    const wasRunning = state.runsRunning;
    try {
      renderRuns((await api('runs?size=' + RUNS_SHOWN)).runs);
    } catch (error) {
      if (failed(error)) {
        return;
      }
    }
    if (wasRunning && !state.runsRunning) {
      refresh(); // a run ended: its counts changed the status and the failures
    } else {
      scheduleRunsPoll();
    }
  }

  function start() {
    showConsole();
    refresh();
  }

  // --- rendering -------------------------------------------------------------------------------------------------

  function replaceRows(tableId, rows, emptyText, columns) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren(...rows);
    if (rows.length === 0) {
      body.append(el('tr', { className: 'empty' }, [el('td', { colspan: String(columns), text: emptyText })]));
    }
  }

  function crmState(s) {
    let text = s.condition.toLowerCase().replace('_', ' ');
    if (s.until) {
      text += ' until ' + time(s.until);
    }
    if (s.reason) {
      text += ': ' + s.reason;
    }
    return text;
  }

  function renderCrms(crms) {
    replaceRows('crms', crms.map(crm => el('tr', { data: { crm: crm.name } }, [
      cell(crm.name),
      cell(crm.adapter),
      cell(crmState(crm.state), 'state state-' + crm.state.condition.toLowerCase()),
      cell(crm.queueDepth, 'number'),
      cell(crm.rateLimit.maxRequests === null ? 'adapter default'
        : crm.rateLimit.maxRequests + ' per ' + crm.rateLimit.period + (crm.rateLimit.shared ? ', shared' : '')),
      cell(crm.maxSyncErrors, 'number'),
      el('td', {}, [button('Resync CRM', () => resync({ crm: crm.name }), 'resync')]),
    ])), 'No CRM is configured.', 7);
    fillSelect($('record-crm'), crms.map(crm => crm.name), false);
    fillSelect($('failures-crm'), crms.map(crm => crm.name), true);
  }

  function renderStatus(rows) {
    state.status = rows;
    replaceRows('status', rows.map(row => el('tr', { data: { crm: row.crm, model: row.model } }, [
      cell(row.crm),
      cell(row.model),
      cell(row.records, 'number records'),
      cell(row.synced, 'number synced'),
      cell(row.stale, 'number stale'),
      cell(row.queued, 'number queued'),
      cell(row.failing, 'number failing' + (row.failing > 0 ? ' problem' : '')),
      cell(row.exhausted, 'number exhausted' + (row.exhausted > 0 ? ' problem' : '')),
      timeCell(row.lastSyncedAt),
      el('td', {}, [
        button('Resync', () => resync({ crm: row.crm, models: [row.model] }), 'resync'),
        button('Reset errors', () => resetErrors({ crm: row.crm, model: row.model }), 'reset'),
      ]),
    ])), 'No model is mapped.', 10);
    fillModels($('record-model'), $('record-crm').value, false);
    fillModels($('failures-model'), $('failures-crm').value, true);
  }

  function renderRuns(runs) {
    state.runsRunning = runs.some(run => run.status === 'running');
    replaceRows('runs', runs.map(run => {
      const done = run.status !== 'running';
      const progress = el('progress', { max: String(Math.max(run.found, 1)) });
      progress.value = done && run.status === 'finished' ? Math.max(run.found, 1) : run.processed;
      const scope = (run.crms.length ? run.crms.join(', ') : 'all CRMs') + ' / '
        + (run.models.length ? run.models.join(', ') : 'all models')
        + (run.force ? ', force' : '') + (run.inline ? ', in the run' : ', queued') + ' (' + run.trigger + ')';
      const status = cell(run.status, 'status run-' + run.status);
      if (run.error) {
        status.append(el('div', { className: 'error-text', text: run.error }));
      }
      return el('tr', { data: { run: run.id, status: run.status } }, [
        el('td', { className: 'run-id', title: run.id + (run.instance ? ' on ' + run.instance : ''),
          text: run.id.substring(0, 8) }),
        status,
        cell(scope),
        el('td', { className: 'progress' }, [progress,
          el('span', { className: 'progress-text', text: run.processed + ' / ' + run.found })]),
        cell(run.synced, 'number synced'),
        cell(run.notModified, 'number'),
        cell(run.skipped, 'number'),
        cell(run.failed, 'number failed' + (run.failed > 0 ? ' problem' : '')),
        cell(run.deferred, 'number'),
        cell(run.ratePerSecond + '/s', 'number'),
        timeCell(run.startedAt),
        timeCell(run.finishedAt),
      ]);
    }), 'No batch run yet.', 12);
  }

  function failuresPath() {
    const query = new URLSearchParams({ state: $('failures-state').value, page: String(state.failuresPage),
      size: String(FAILURES_PAGE_SIZE) });
    if ($('failures-crm').value) {
      query.set('crm', $('failures-crm').value);
    }
    if ($('failures-model').value) {
      query.set('model', $('failures-model').value);
    }
    return 'failures?' + query.toString();
  }

  function renderFailures(answer) {
    const rows = answer.failures;
    replaceRows('failures', rows.map(row => el('tr', { data: { crm: row.crm, model: row.model, id: row.id } }, [
      cell(row.crm),
      cell(row.model),
      cell(row.id, 'record-id'),
      cell(row.crmId),
      cell(row.errorCount, 'number'),
      cell(row.lastError, 'error-text'),
      timeCell(row.lastAttemptAt),
      el('td', {}, [
        button('Reset', () => resetErrors({ crm: row.crm, model: row.model, ids: [row.id] }), 'reset'),
        button('Dry run', () => inspect(row.crm, row.model, row.id), 'inspect'),
      ]),
    ])), 'No ' + answer.state + ' record.', 8);
    $('failures-page').textContent = 'page ' + (answer.page + 1);
    $('failures-previous').disabled = answer.page === 0;
    $('failures-next').disabled = rows.length < answer.size;
  }

  function fillSelect(select, values, withAll) {
    const chosen = select.value;
    const options = values.map(value => el('option', { value: value, text: value }));
    if (withAll) {
      options.unshift(el('option', { value: '', text: 'all' }));
    }
    select.replaceChildren(...options);
    if (values.includes(chosen) || (withAll && chosen === '')) {
      select.value = chosen;
    }
  }

  function fillModels(select, crm, withAll) {
    const models = [...new Set(state.status.filter(row => !crm || row.crm === crm).map(row => row.model))];
    fillSelect(select, models, withAll);
  }

  // --- actions ---------------------------------------------------------------------------------------------------

  function say(text, problem) {
    const message = $('message');
    message.textContent = text;
    message.className = problem ? 'problem' : '';
  }

  async function resync(scope) {
    const body = Object.assign({ force: $('resync-force').checked, inline: $('resync-inline').checked }, scope);
    try {
      const answer = await api('resync', body);
      say('Resync started: run ' + answer.id + '.');
    } catch (error) {
      failed(error);
      return;
    }
    refresh();
  }

  async function resetErrors(scope) {
    try {
      const answer = await api('reset-errors', scope);
      say('Errors reset on ' + answer.reset + (answer.reset === 1 ? ' record.' : ' records.'));
    } catch (error) {
      failed(error);
      return;
    }
    refresh();
  }

  function fact(term, value, className) {
    return [el('dt', { text: term }), el('dd', { text: value === null || value === undefined ? '' : String(value),
      className: className || '' })];
  }

  function showRecord(facts, payload) {
    $('record-facts').replaceChildren(...facts.flat());
    $('record-payload').textContent = payload === undefined ? '' : JSON.stringify(payload, null, 2);
    $('record').hidden = false;
  }

  function syncStateFacts(syncState) {
    if (!syncState) {
      return [fact('Sync state', 'never synced')];
    }
    return [fact('CRM id', syncState.crmId || 'none'), fact('Last sync', time(syncState.lastSyncedAt)),
      fact('Error count', syncState.errorCount), fact('Last error', syncState.lastError, 'error-text')];
  }

  function recordChoice() {
    return [$('record-crm').value, $('record-model').value, $('record-id').value.trim()];
  }

  async function inspect(crm, model, id) {
    if (crm !== undefined) {
      $('record-crm').value = crm;
      fillModels($('record-model'), crm, false);
      $('record-model').value = model;
      $('record-id').value = id;
    }
    const [c, m, i] = recordChoice();
    if (!c || !m || !i) {
      say('Choose a CRM, a model and a record id.', true);
      return;
    }
    try {
      const answer = await api(recordPath(c, m, i));
      const dry = answer.dryRun;
      const missing = (dry.dependenciesWithoutCrmId || []).map(d => d.path + ' (' + d.model + ' ' + d.id + ')');
      showRecord([
        fact('Record', answer.crm + ' / ' + answer.model + ' ' + answer.id),
        fact('A sync now would be', dry.wouldBe, 'would-be'),
        fact('Guard passes', dry.guardPasses ? 'yes' : 'no'),
        dry.guardError ? fact('Guard error', dry.guardError, 'error-text') : [],
        dry.payloadError ? fact('Serializer error', dry.payloadError, 'error-text') : [],
        'notModified' in dry ? fact('Payload unchanged since the last sync', dry.notModified ? 'yes' : 'no') : [],
        fact('Sync dependencies without a CRM id', missing.length ? missing.join(', ') : 'none'),
        ...syncStateFacts(answer.syncState),
      ], dry.payload);
      $('record').scrollIntoView({ block: 'nearest' });
    } catch (error) {
      failed(error);
    }
  }

  async function syncRecord() {
    const [c, m, i] = recordChoice();
    if (!c || !m || !i) {
      say('Choose a CRM, a model and a record id.', true);
      return;
    }
    try {
      const answer = await api(recordPath(c, m, i) + '/sync', {});
      showRecord([
        fact('Record', c + ' / ' + m + ' ' + i),
        fact('Sync result', answer.result, 'sync-result'),
        answer.error ? fact('Error', answer.error, 'error-text') : [],
        ...syncStateFacts(answer.syncState),
      ], undefined);
      say('Synced ' + m + ' ' + i + ' to ' + c + ': ' + answer.result + '.', answer.result === 'ERROR');
    } catch (error) {
      failed(error);
      return;
    }
    refresh();
  }

  function wire() {
    $('login-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('refresh-now').addEventListener('click', refresh);
    $('refresh-every').addEventListener('change', () => {
      scheduleRefresh();
      scheduleRunsPoll();
    });
    $('resync-all').addEventListener('click', () => resync({}));
    const refilter = () => {
      state.failuresPage = 0;
      refresh();
    };
    $('failures-state').addEventListener('change', refilter);
    $('failures-crm').addEventListener('change', () => {
      fillModels($('failures-model'), $('failures-crm').value, true);
      refilter();
    });
    $('failures-model').addEventListener('change', refilter);
    $('failures-reset').addEventListener('click', () => {
      const scope = {};
      if ($('failures-crm').value) {
        scope.crm = $('failures-crm').value;
      }
      if ($('failures-model').value) {
        scope.model = $('failures-model').value;
      }
      resetErrors(scope);
    });
    $('failures-previous').addEventListener('click', () => {
      state.failuresPage = Math.max(0, state.failuresPage - 1);
      refresh();
    });
    $('failures-next').addEventListener('click', () => {
      state.failuresPage += 1;
      refresh();
    });
    $('record-crm').addEventListener('change', () => fillModels($('record-model'), $('record-crm').value, false));
    $('record-form').addEventListener('submit', event => {
      event.preventDefault();
      inspect();
    });
    $('record-sync').addEventListener('click', syncRecord);
  }

  async function boot() {
    wire();
    try {
      await api('crms');
      start();
    } catch (error) {
      failed(error, true);
    }
  }

  document.addEventListener('DOMContentLoaded', boot);
})();
