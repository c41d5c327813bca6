// The head judge's view: the live panel matrix (entries × aspects × judges, polled every 2 s), disagreements
// highlighted, who has not marked what, who is online; per sheet: re-mark requests, overrides with a reason,
// violations, completion time, lock and unlock; and the event's sign-off.
import { t, pick, named, currentLang } from './i18n.js';
import { ApiError, request, randomId, cachedGet } from './api.js';
import * as dec from './dec.js';
import { h, clear, fill, modal, confirmDialog } from './ui.js';

const POLL_MS = 2000;

/** A head-judge decision: one Idempotency-Key per intended write, reused by every retry until it is answered. */
function decision(path, body) {
  const key = randomId();
  return async () => {
    let wait = 500;
    for (let attempt = 0; ; attempt++) {
      try {
        return await request('POST', path, { body, key });
      } catch (e) {
        if (!(e instanceof ApiError) || !e.transient || attempt >= 3) {
          throw e;
        }
        await new Promise(r => setTimeout(r, e.retryAfter ? e.retryAfter * 1000 : wait));
        wait *= 2;
      }
    }
  };
}

function errorText(e) {
  if (!(e instanceof ApiError)) {
    return String(e);
  }
  if (e.network) {
    return t('requestFailedRetry', { m: t('networkError') });
  }
  const details = (e.body && e.body.details || []).map(d => pick(d.reason || d.message || '')).filter(Boolean);
  return [pick(e.message), ...details].join('；');
}

/** A dialog with fields and a send button; the request (and its key) is made once and retried as is. */
function decisionForm(title, testId, fields, makeRequest, onDone) {
  modal(title, (body, close) => {
    const inputs = {};
    const errorEl = h('div', { 'aria-live': 'assertive' });
    for (const f of fields) {
      const id = 'f-' + f.name;
      let input;
      if (f.options) {
        input = h('select', { id, 'data-test': 'field-' + f.name }, f.options.map(([v, label]) => h('option', { value: v }, label)));
      } else if (f.multiline) {
        input = h('textarea', { id, 'data-test': 'field-' + f.name }, f.value || '');
      } else {
        input = h('input', { id, 'data-test': 'field-' + f.name, inputmode: f.numeric ? 'decimal' : 'text', value: f.value || '', autocomplete: 'off' });
      }
      inputs[f.name] = input;
      body.append(h('label', { for: id }, f.label), input);
    }
    let send = null;
    let lastBody = null;
    const sendBtn = h('button', { class: 'btn primary', type: 'button', 'data-test': 'decision-send', onclick: async () => {
      clear(errorEl);
      const values = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()]));
      let built;
      try {
        built = makeRequest(values);
      } catch (problem) {
        errorEl.append(h('div', { class: 'notice bad', 'data-test': 'decision-error' }, problem.message));
        return;
      }
      const bodyText = JSON.stringify(built);
      if (!send || bodyText !== lastBody) {
        send = decision(built.path, built.body);
        lastBody = bodyText;
      }
      sendBtn.disabled = true;
      sendBtn.textContent = t('sending');
      try {
        await send();
        close();
        onDone();
      } catch (e) {
        errorEl.append(h('div', { class: 'notice bad', 'data-test': 'decision-error' }, errorText(e)));
        if (!(e instanceof ApiError && e.transient)) {
          send = null;
        }
        sendBtn.disabled = false;
        sendBtn.textContent = t('send');
      }
    } }, t('send'));
    body.append(errorEl, h('div', { class: 'actions' },
      h('button', { class: 'btn quiet', type: 'button', onclick: close }, t('cancel')), sendBtn));
  }, { testId });
}

function judgesOf(matrixOrPanel) {
  return (matrixOrPanel.judges || matrixOrPanel.items || []).filter(j => j.role === 'JUDGE');
}

function flagsOf(aspect) {
  return aspect ? aspect.flags || [] : [];
}

export async function renderMatrix(view, shell, eventId, eventName) {
  shell.setTitle(t('matrixTitle') + (eventName ? ' · ' + eventName : ''), t('roleHEAD_JUDGE'), '#/events');
  let scheme;
  try {
    scheme = (await cachedGet(`/api/events/${eventId}/scheme`)).data.scheme;
  } catch (e) {
    shell.failed(e, view);
    return null;
  }
  const aspects = scheme.parts.flatMap(p => p.modules.flatMap(m => m.aspects));
  const statusEl = h('div');
  const judgesEl = h('div', { class: 'judges', 'data-test': 'judges-online' });
  const summaryEl = h('div', { class: 'row' });
  const tableWrap = h('div', { class: 'table-wrap' });
  fill(view, h('h1', {}, t('matrixTitle')), summaryEl, h('h2', {}, t('judgesOnline')), judgesEl, statusEl,
    h('p', { class: 'legend' }, t('legend')), tableWrap);
  let last = null;
  let busy = false;

  function draw(matrix) {
    const judges = judgesOf(matrix);
    const byId = new Map(matrix.judges.map(j => [String(j.accountId), j]));
    fill(judgesEl, ...judges.map((j, i) => h('span', { class: 'judge-pill' + (j.online ? ' on' : ''), 'data-test': 'judge-pill',
      'data-online': String(j.online) }, `J${i + 1} ${j.displayName} · ${j.online ? t('onlineNow') : t('notOnline')}`)));
    const entries = matrix.entries;
    const disagreements = entries.reduce((n, e) => n + (e.sheet ? Object.values(e.sheet.aspects).filter(a => flagsOf(a).includes('DISAGREEMENT')).length : 0), 0);
    const locked = entries.filter(e => e.sheet && e.sheet.locked).length;
    const signOffBtn = h('button', { class: 'btn danger', type: 'button', 'data-test': 'sign-off', disabled: matrix.signedOff,
      onclick: async () => {
        if (await confirmDialog(t('signOff'), t('signOffConfirm'), t('signOff'), { danger: true })) {
          try {
            await decision(`/api/events/${eventId}/sign-off`, {})();
            poll();
          } catch (e) {
            fill(statusEl, h('div', { class: 'notice bad', 'data-test': 'decision-error' }, errorText(e)));
          }
        }
      } }, matrix.signedOff ? t('signedOffDone') : t('signOff'));
    fill(summaryEl, 
      h('span', { class: 'badge ' + (disagreements ? 'bad' : 'MARKED'), 'data-test': 'disagreement-count' }, t('disagreements', { n: disagreements })),
      h('span', { class: 'badge LOCKED' }, t('lockedCount', { a: locked, b: entries.length })), signOffBtn);
    const table = h('table', { class: 'matrix', 'data-test': 'matrix' },
      h('thead', {}, h('tr', {}, h('th', {}, t('entry')), aspects.map(a => h('th', { title: named(a, 'description') }, a.id)),
        h('th', {}, t('total')), h('th', {}, t('sheetState')), h('th', {}, t('notMarkedBy')))),
      h('tbody', {}, entries.map(entry => {
        const sheet = entry.sheet;
        const missing = Object.entries(entry.missing || {}).map(([jid, what]) => {
          const j = byId.get(jid);
          const n = j ? j.displayName : jid;
          return `${n}: ${what === 'ALL' ? t('all') : what.join(', ')}`;
        });
        // A judge left out of "missing" who has no mark at all on the sheet is recused from this entry.
        const recused = new Set(judges.map(j => String(j.accountId)).filter(jid => !(jid in (entry.missing || {}))
          && !(sheet && Object.values(sheet.aspects).some(a => a.marks && a.marks[jid] !== undefined))));
        return h('tr', { class: sheet && sheet.locked ? 'locked' : '', 'data-code': entry.entryCode, 'data-test': 'matrix-row' },
          h('td', { class: 'entry' }, h('a', { href: `#/e/${eventId}/m/${encodeURIComponent(entry.entryCode)}`, 'data-test': 'open-entry' }, entry.entryCode),
            entry.station ? h('div', { class: 'sub' }, entry.station) : null),
          aspects.map(a => {
            const res = sheet ? sheet.aspects[a.id] : null;
            const flags = flagsOf(res);
            const cls = ['cell', ...flags, res && res.status === 'OVERRIDDEN' ? 'OVERRIDDEN' : ''].join(' ');
            const marks = a.type === 'DEDUCTION' ? '' : judges.map(j => {
              const jid = String(j.accountId);
              return res && res.marks[jid] !== undefined ? res.marks[jid] : recused.has(jid) ? t('recusedShort') : '—';
            }).join(' · ');
            return h('td', { class: cls, 'data-aspect': a.id, 'data-flags': flags.join(' ') },
              marks ? h('div', { class: 'marks' }, marks) : null,
              h('div', { class: 'val' }, res && res.value !== null ? res.value : '—'));
          }),
          h('td', { class: 'val' }, h('b', {}, sheet ? sheet.total : '—')),
          h('td', { 'data-test': 'sheet-state' }, !sheet ? t('noMarksYet') : sheet.locked ? t('sheetLocked')
            : sheet.lockable ? t('lockable') : t('blocked', { n: sheet.blockers.length })),
          h('td', { class: 'missing' }, missing.join('；')));
      })));
    fill(tableWrap, table);
  }

  async function poll() {
    if (busy || document.visibilityState === 'hidden') {
      return;
    }
    busy = true;
    try {
      const matrix = await request('GET', `/api/events/${eventId}/matrix`);
      clear(statusEl);
      // Redraw only what changed, so a button is never replaced under the head judge's finger for nothing.
      const text = JSON.stringify(matrix) + currentLang();
      if (text !== last) {
        last = text;
        draw(matrix);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        shell.sessionExpired();
        return;
      }
      fill(statusEl, h('div', { class: 'notice warn' }, t('matrixStale', { m: errorText(e) })));
      if (!last) {
        clear(tableWrap);
      }
    } finally {
      busy = false;
    }
  }

  await poll();
  const timer = setInterval(poll, POLL_MS);
  return () => clearInterval(timer);
}

export async function renderHeadSheet(view, shell, eventId, code) {
  shell.setTitle(t('sheetTitle', { code }), t('roleHEAD_JUDGE'), `#/e/${eventId}`);
  let scheme;
  let panel;
  try {
    [scheme, panel] = await Promise.all([cachedGet(`/api/events/${eventId}/scheme`).then(r => r.data.scheme),
      cachedGet(`/api/events/${eventId}/panel`).then(r => r.data)]);
  } catch (e) {
    shell.failed(e, view);
    return null;
  }
  const judges = judgesOf(panel);
  const headEl = h('div');
  const actionsEl = h('div', { class: 'row' });
  const blockersEl = h('div');
  const errorsEl = h('div', { 'aria-live': 'assertive' });
  const aspectsEl = h('div');
  fill(view, headEl, actionsEl, errorsEl, blockersEl, aspectsEl);
  let busy = false;
  let lastSheet = null;

  function draw(data) {
    const sheet = data.sheet;
    fill(headEl, h('div', { class: 'sheet-head' }, h('h1', { 'data-test': 'sheet-code' }, t('sheetTitle', { code })),
      data.station ? h('span', { class: 'badge NOT_STARTED' }, t('station') + ' ' + data.station) : null,
      sheet && sheet.locked ? h('span', { class: 'badge LOCKED', 'data-test': 'locked-badge' }, t('sheetLocked')) : null),
    h('div', { class: 'kv' }, h('span', {}, t('total') + ' ', h('b', { 'data-test': 'head-total' }, sheet ? sheet.total : '—'))));
    const locked = !!(sheet && sheet.locked);
    fill(actionsEl, 
      locked ? h('button', { class: 'btn', type: 'button', 'data-test': 'unlock', onclick: () => decisionForm(t('unlock'), 'unlock-form',
        [{ name: 'reason', label: t('reason'), multiline: true }],
        v => ({ path: `/api/events/${eventId}/sheets/${encodeURIComponent(code)}/unlock`, body: { reason: needReason(v.reason) } }), poll) }, t('unlock'))
        : h('button', { class: 'btn primary', type: 'button', 'data-test': 'lock', disabled: !(sheet && sheet.lockable), onclick: async () => {
          if (await confirmDialog(t('lock'), t('sheetTitle', { code }) + ' · ' + t('total') + ' ' + (sheet ? sheet.total : ''), t('lock'))) {
            clear(errorsEl);
            try {
              await decision(`/api/events/${eventId}/sheets/${encodeURIComponent(code)}/lock`, {})();
            } catch (e) {
              errorsEl.append(h('div', { class: 'notice bad', 'data-test': 'decision-error' }, errorText(e)));
            }
            poll();
          }
        } }, t('lock')),
      scheme.time && !locked ? h('button', { class: 'btn', type: 'button', 'data-test': 'record-time', onclick: () => decisionForm(t('recordTime'), 'time-form',
        [{ name: 'minutes', label: t('completionMinutes'), numeric: true }, { name: 'extra', label: t('extraMinutes'), numeric: true, value: '0' },
          { name: 'reason', label: t('reason'), multiline: true }],
        v => {
          const minutes = Number(v.minutes);
          const extra = Number(v.extra || 0);
          if (!Number.isFinite(minutes) || minutes < 0 || !Number.isFinite(extra) || extra < 0) {
            throw new Error(t('notNumber'));
          }
          return { path: `/api/events/${eventId}/sheets/${encodeURIComponent(code)}/time`,
            body: { completionSeconds: Math.round(minutes * 60), extraSeconds: Math.round(extra * 60), reason: needReason(v.reason) } };
        }, poll) }, t('recordTime')) : null,
      (scheme.violations || []).length && !locked ? h('button', { class: 'btn', type: 'button', 'data-test': 'record-violation', onclick: () => decisionForm(t('recordViolation'), 'violation-form',
        [{ name: 'code', label: t('violation'), options: scheme.violations.map(v => [v.code, named(v, 'name')]) },
          { name: 'count', label: t('count'), numeric: true, value: '1' }, { name: 'reason', label: t('reason'), multiline: true }],
        v => {
          const count = Number(v.count);
          if (!Number.isInteger(count) || count < 0 || count > 100) {
            throw new Error(t('notNumber'));
          }
          return { path: `/api/events/${eventId}/sheets/${encodeURIComponent(code)}/violations`, body: { code: v.code, count, reason: needReason(v.reason) } };
        }, poll) }, t('recordViolation')) : null);
    clear(blockersEl);
    if (sheet && !locked && sheet.blockers.length) {
      blockersEl.append(h('div', { class: 'notice warn', 'data-test': 'blockers' }, h('b', {}, t('blockers')),
        h('ul', { class: 'blockers' }, sheet.blockers.map(b => h('li', {}, (b.aspectId ? b.aspectId + ': ' : '') + pick(b.reason))))));
    }
    clear(aspectsEl);
    for (const part of scheme.parts) {
      for (const module of part.modules) {
        aspectsEl.append(h('h2', {}, named(module, 'name')));
        for (const a of module.aspects) {
          const res = sheet ? sheet.aspects[a.id] : null;
          const flags = flagsOf(res);
          const status = res ? res.status : 'INCOMPLETE';
          const markable = a.type !== 'DEDUCTION';
          aspectsEl.append(h('div', { class: 'aspect-panel ' + flags.join(' ') + (status === 'OVERRIDDEN' ? ' OVERRIDDEN' : ''), 'data-aspect': a.id,
            'data-flags': flags.join(' '), 'data-status': status },
          h('div', { class: 'aspect-head' }, h('div', { class: 'aspect-title' }, h('span', { class: 'aid' }, a.id), named(a, 'description')),
            h('span', { class: 'row' }, flags.map(f => h('span', { class: 'badge bad' }, t('flag' + f))),
              h('span', { class: 'badge ' + (status === 'OVERRIDDEN' ? 'NEEDS_REMARK' : status === 'INCOMPLETE' ? 'NOT_STARTED' : 'MARKED') }, t('status' + status)))),
          h('div', { class: 'kv' }, h('span', {}, t('value') + ' ', h('b', { 'data-test': 'aspect-value' }, res && res.value !== null ? res.value : '—'), ' / ' + a.maximum),
            res && res.spread !== null ? h('span', {}, t('spread') + ' ', h('b', {}, res.spread)) : null,
            res ? h('span', {}, t('round') + ' ', h('b', {}, res.round)) : null),
          markable ? h('div', { class: 'judge-marks' }, judges.map(j => {
            const v = res ? res.marks[String(j.accountId)] : undefined;
            return h('span', { class: 'judge-mark' + (v === undefined ? ' none' : '') }, j.displayName, h('b', {}, v === undefined ? '—' : v));
          })) : null,
          res && res.overrideReason ? h('div', {}, t('overrideReasonShown', { r: res.overrideReason })) : null,
          markable && !locked && sheet ? h('div', { class: 'row' },
            h('button', { class: 'btn', type: 'button', 'data-test': 'ask-remark', onclick: () => decisionForm(`${t('askRemark')} · ${a.id}`, 'remark-form',
              [{ name: 'reason', label: t('reason'), multiline: true }],
              v => ({ path: `/api/events/${eventId}/sheets/${encodeURIComponent(code)}/remarks`, body: { aspectId: a.id, reason: needReason(v.reason) } }), poll) }, t('askRemark')),
            h('button', { class: 'btn', type: 'button', 'data-test': 'override', onclick: () => decisionForm(`${t('override')} · ${a.id}`, 'override-form',
              [{ name: 'value', label: t('overrideValue', { m: a.maximum }), numeric: true, value: res && res.value !== null ? res.value : '' },
                { name: 'reason', label: t('reason'), multiline: true }],
              v => {
                const spec = { max: dec.parse(a.maximum), step: dec.parse(a.step) };
                const value = dec.parse(v.value);
                if (!value || dec.cmp(value, { n: 0n, s: 0 }) < 0 || dec.cmp(value, spec.max) > 0) {
                  throw new Error(t('outOfRange', { a: 0, b: a.maximum }));
                }
                if (!dec.isMultiple(value, spec.step)) {
                  throw new Error(t('offStep', { s: a.step }));
                }
                return { path: `/api/events/${eventId}/sheets/${encodeURIComponent(code)}/overrides`,
                  body: { aspectId: a.id, value: dec.format(value), reason: needReason(v.reason) } };
              }, poll) }, t('override'))) : null));
        }
      }
    }
  }

  function needReason(text) {
    if (!text) {
      throw new Error(t('needReason'));
    }
    return text;
  }

  async function poll() {
    if (busy || document.visibilityState === 'hidden' || document.querySelector('.modal-back')) {
      return;
    }
    busy = true;
    try {
      const data = await request('GET', `/api/events/${eventId}/sheets/${encodeURIComponent(code)}`);
      const text = JSON.stringify(data) + currentLang();
      if (text !== lastSheet) {
        lastSheet = text;
        draw(data);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        shell.sessionExpired();
        return;
      }
      fill(blockersEl, h('div', { class: 'notice warn' }, t('matrixStale', { m: errorText(e) })));
    } finally {
      busy = false;
    }
  }

  await poll();
  const timer = setInterval(poll, POLL_MS);
  return () => clearInterval(timer);
}
