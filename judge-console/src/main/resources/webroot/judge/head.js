// The head judge's view: the live panel matrix (entries × aspects × judges, read again whenever the server pushes a
// change notice over /ws/boards), disagreements highlighted, who has not marked what, who is online; per sheet:
// re-mark requests, overrides with a reason, violations, completion time (limit shown, penalty previewed), lock and
// unlock; and the event's sign-off. Refusals stay on screen until dismissed; buttons that cannot succeed are
// disabled with the reason beside them.
import { t, pick, named, currentLang } from './i18n.js';
import { ApiError, request, randomId, cachedGet } from './api.js';
import * as dec from './dec.js';
import { h, clear, fill, modal, confirmDialog } from './ui.js';
import { watchMatrix } from './matrixfeed.js';
import { refusalText } from '../shared/ui.js';
import * as timeRule from './timerule.js';

/** Who is online changes without a record, so the judges' presence alone is read again this often. */
const PRESENCE_MS = 30000;

/** A refusal that stays until the head judge dismisses it (a refresh of the page below never removes it). */
function refusal(container, text) {
  const notice = h('div', { class: 'notice bad refusal', role: 'alert', 'data-test': 'decision-error' },
    h('span', { class: 'refusal-text' }, text),
    h('button', { class: 'btn quiet', type: 'button', 'data-test': 'dismiss-refusal', onclick: () => notice.remove() }, t('dismiss')));
  container.append(notice);
}

/** Keeps reading on every pushed notice, one read at a time, and once more if a notice came during a read. */
function reader(read) {
  let busy = false;
  let again = false;
  return async function run() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        await read();
      } while (again);
    } finally {
      busy = false;
    }
  };
}

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
  const message = e.body && e.body.message && /[\u4e00-\u9fff]/.test(e.body.message) ? pick(e.body.message)
    : refusalText(e.status, { error: e.code }, currentLang());
  return [message, ...details].join('；');
}

/** A dialog with fields and a send button; the request (and its key) is made once and retried as is. */
function decisionForm(title, testId, fields, makeRequest, onDone, { intro, preview } = {}) {
  modal(title, (body, close) => {
    const inputs = {};
    const labels = {};
    const errorEl = h('div', { 'aria-live': 'assertive' });
    const previewEl = h('div', { 'aria-live': 'polite', 'data-test': 'decision-preview' });
    if (intro) {
      body.append(h('p', { class: 'form-intro', 'data-test': 'decision-intro' }, intro));
    }
    const values = () => Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()]));
    // A field with `when` is asked only while its condition holds (a reason only when the rule needs one).
    const refresh = () => {
      const v = values();
      for (const f of fields) {
        if (f.when) {
          const shown = f.when(v);
          inputs[f.name].hidden = !shown;
          labels[f.name].hidden = !shown;
        }
      }
      if (preview) {
        fill(previewEl, preview(v));
      }
    };
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
      labels[f.name] = h('label', { for: id }, f.label);
      input.addEventListener('input', refresh);
      input.addEventListener('change', refresh);
      body.append(labels[f.name], input);
    }
    body.append(previewEl);
    refresh();
    let send = null;
    let lastBody = null;
    const sendBtn = h('button', { class: 'btn primary', type: 'button', 'data-test': 'decision-send', onclick: async () => {
      clear(errorEl);
      let built;
      try {
        built = makeRequest(values());
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
  const statusEl = h('div', { 'data-test': 'matrix-status' });
  const liveEl = h('div');
  const refusalsEl = h('div', { 'aria-live': 'assertive' });
  const judgesEl = h('div', { class: 'judges', 'data-test': 'judges-online' });
  const summaryEl = h('div', { class: 'row' });
  const tableWrap = h('div', { class: 'table-wrap jx-table-wrap' });
  fill(view, h('h1', {}, t('matrixTitle')), summaryEl, refusalsEl, h('h2', {}, t('judgesOnline')), judgesEl, statusEl, liveEl,
    h('p', { class: 'legend' }, t('legend')), tableWrap);
  let last = null;

  function draw(matrix) {
    const judges = judgesOf(matrix);
    const byId = new Map(matrix.judges.map(j => [String(j.accountId), j]));
    fill(judgesEl, ...judges.map((j, i) => h('span', { class: 'judge-pill' + (j.online ? ' on' : ''), 'data-test': 'judge-pill',
      'data-online': String(j.online) }, `J${i + 1} ${j.displayName} · ${j.online ? t('onlineNow') : t('notOnline')}`)));
    const entries = matrix.entries;
    const disagreements = entries.reduce((n, e) => n + (e.sheet ? Object.values(e.sheet.aspects).filter(a => flagsOf(a).includes('DISAGREEMENT')).length : 0), 0);
    const locked = entries.filter(e => e.sheet && e.sheet.locked).length;
    // The server signs off only when every registered entry's sheet is locked; say so instead of letting it refuse.
    const whyNot = matrix.signedOff ? null : !entries.length ? t('signOffNoEntries')
      : locked < entries.length ? t('signOffWhy', { n: entries.length - locked }) : null;
    const signOffBtn = h('button', { class: 'btn danger', type: 'button', 'data-test': 'sign-off', disabled: matrix.signedOff || !!whyNot,
      onclick: async () => {
        if (await confirmDialog(t('signOff'), t('signOffConfirm'), t('signOff'), { danger: true })) {
          try {
            await decision(`/api/events/${eventId}/sign-off`, {})();
            poll();
          } catch (e) {
            refusal(refusalsEl, errorText(e));
          }
        }
      } }, matrix.signedOff ? t('signedOffDone') : t('signOff'));
    fill(summaryEl,
      h('span', { class: 'badge ' + (disagreements ? 'bad' : 'MARKED'), 'data-test': 'disagreement-count' }, t('disagreements', { n: disagreements })),
      h('span', { class: 'badge LOCKED' }, t('lockedCount', { a: locked, b: entries.length })), signOffBtn,
      whyNot ? h('span', { class: 'why', 'data-test': 'sign-off-why' }, whyNot) : null);
    const table = h('table', { class: 'matrix', 'data-test': 'matrix' },
      h('thead', {}, h('tr', {}, h('th', {}, t('entry')), aspects.map(a => h('th', { title: named(a, 'description') }, a.id)),
        h('th', {}, t('total')), h('th', { class: 'state' }, t('sheetState')), h('th', {}, t('notMarkedBy')))),
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
          h('td', { class: 'state', 'data-test': 'sheet-state' }, !sheet ? t('noMarksYet') : sheet.locked ? t('sheetLocked')
            : sheet.lockable ? t('lockable') : t('blocked', { n: sheet.blockers.length })),
          h('td', { class: 'missing' }, missing.join('；')));
      })));
    fill(tableWrap, table);
  }

  const poll = reader(async () => {
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
    }
  });

  await poll();
  return follow(eventId, poll, liveEl, PRESENCE_MS);
}

/** Reads on every pushed notice (and, for presence only, every `everyMs`); says when the live connection is down. */
function follow(eventId, read, liveEl, everyMs) {
  const stop = watchMatrix(eventId, read, up => {
    const shown = liveEl.querySelector('[data-test=live-lost]');
    if (!up && !shown) {
      liveEl.append(h('div', { class: 'notice warn', 'data-test': 'live-lost' }, t('liveLost')));
    } else if (up && shown) {
      shown.remove();
    }
  });
  const timer = everyMs ? setInterval(() => document.visibilityState === 'visible' && read(), everyMs) : null;
  return () => {
    stop();
    clearInterval(timer);
  };
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
  const staleEl = h('div');
  const liveEl = h('div');
  const aspectsEl = h('div');
  fill(view, headEl, actionsEl, errorsEl, staleEl, liveEl, blockersEl, aspectsEl);
  let lastSheet = null;

  function draw(data) {
    const sheet = data.sheet;
    fill(headEl, h('div', { class: 'sheet-head' }, h('h1', { 'data-test': 'sheet-code' }, t('sheetTitle', { code })),
      data.station ? h('span', { class: 'badge NOT_STARTED' }, t('station') + ' ' + data.station) : null,
      sheet && sheet.locked ? h('span', { class: 'badge LOCKED', 'data-test': 'locked-badge' }, t('sheetLocked')) : null),
    h('div', { class: 'kv' }, h('span', {}, t('total') + ' ', h('b', { 'data-test': 'head-total' }, sheet ? sheet.total : '—')),
      sheet && sheet.time ? h('span', { 'data-test': 'recorded-time' }, t('timeRecorded', { m: timeRule.minutes(sheet.time.netSeconds) })
        + (sheet.time.deduction && Number(sheet.time.deduction) !== 0 ? t('timeDeducted', { d: dec.format(dec.parse(sheet.time.deduction)) }) : '')) : null));
    const locked = !!(sheet && sheet.locked);
    if (data.signedOff) {
      // After the sign-off nothing on a sheet can change: no buttons, the reason instead.
      fill(actionsEl, h('div', { class: 'notice info', 'data-test': 'signed-off' }, t('sheetSignedOff')));
      clear(blockersEl);
      drawAspects(sheet, true);
      return;
    }
    fill(actionsEl, 
      locked ? h('button', { class: 'btn', type: 'button', 'data-test': 'unlock', onclick: () => decisionForm(t('unlock'), 'unlock-form',
        [{ name: 'reason', label: t('reason'), multiline: true }],
        v => ({ path: `/api/events/${eventId}/sheets/${encodeURIComponent(code)}/unlock`, body: { reason: needReason(v.reason) } }), poll) }, t('unlock'))
        : h('button', { class: 'btn primary', type: 'button', 'data-test': 'lock', disabled: !(sheet && sheet.lockable), onclick: async () => {
          if (await confirmDialog(t('lock'), t('sheetTitle', { code }) + ' · ' + t('total') + ' ' + (sheet ? sheet.total : ''), t('lock'))) {
            try {
              await decision(`/api/events/${eventId}/sheets/${encodeURIComponent(code)}/lock`, {})();
            } catch (e) {
              refusal(errorsEl, errorText(e));
            }
            poll();
          }
        } }, t('lock')),
      // Say why the sheet cannot lock yet instead of leaving a grey button to guess at.
      !locked && !(sheet && sheet.lockable) ? h('span', { class: 'why', 'data-test': 'lock-why' },
        sheet && sheet.blockers && sheet.blockers.length ? t('lockWhyBlocked', { n: sheet.blockers.length }) : t('lockWhyIncomplete')) : null,
      scheme.time && !locked ? h('button', { class: 'btn', type: 'button', 'data-test': 'record-time', onclick: () => timeForm(sheet) }, t('recordTime')) : null,
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
    drawAspects(sheet, locked);
  }

  function drawAspects(sheet, locked) {
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
            res && res.round > 0 ? h('span', { 'data-test': 'remark-round' }, t('remarkRound', { r: res.round })) : null),
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

  /** The time form: the limit and the penalty rule up front, the deduction previewed as the time is typed. */
  function timeForm(sheet) {
    const time = scheme.time;
    const deductFrom = time.overrun && time.overrun.deductFrom
      ? aspectName(time.overrun.deductFrom) : null;
    const rule = !time.overrun ? t('timeNoPenalty')
      : t('timePenaltyRule', { u: timeRule.minutes(time.overrun.perSeconds), d: time.overrun.deduction })
        + (time.overrun.maxDeduction ? t('timeCap', { c: time.overrun.maxDeduction }) : '')
        + (deductFrom ? t('timeFromAspect', { a: deductFrom }) : t('timeFromTotal'));
    const seconds = text => {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) && n >= 0 ? Math.round(n * 60) : null;
    };
    const recorded = sheet && sheet.time;
    decisionForm(t('recordTime'), 'time-form',
      [{ name: 'minutes', label: t('completionMinutes'), numeric: true, value: recorded ? timeRule.minutes(recorded.completionSeconds) : '' },
        { name: 'extra', label: t('extraMinutes'), numeric: true, value: recorded ? timeRule.minutes(recorded.extraSeconds) : '0' },
        { name: 'reason', label: t('extraReason'), multiline: true, when: v => (seconds(v.extra) || 0) > 0 }],
      v => {
        const completion = seconds(v.minutes);
        const extra = v.extra === '' ? 0 : seconds(v.extra);
        if (completion === null || extra === null) {
          throw new Error(t('notNumber'));
        }
        const body = { completionSeconds: completion, extraSeconds: extra };
        if (extra > 0) {
          if (!v.reason) {
            throw new Error(t('extraNeedsReason'));
          }
          body.reason = v.reason;
        }
        return { path: `/api/events/${eventId}/sheets/${encodeURIComponent(code)}/time`, body };
      }, poll, {
        intro: t('timeLimit', { m: timeRule.minutes(time.limitSeconds) }) + (currentLang() === 'en' ? '. ' : '。') + rule,
        preview: v => {
          const completion = seconds(v.minutes);
          const extra = v.extra === '' ? 0 : seconds(v.extra);
          if (completion === null || extra === null) {
            return null;
          }
          const p = timeRule.preview(time, completion, extra);
          const net = timeRule.minutes(p.netSeconds);
          if (p.overrunSeconds === 0) {
            return h('div', { class: 'notice ok' }, t('timeWithin', { n: net }));
          }
          return h('div', { class: 'notice warn' }, p.deduction === null
            ? t('timeOverNoPenalty', { n: net, o: timeRule.minutes(p.overrunSeconds) })
            : t('timeOver', { n: net, o: timeRule.minutes(p.overrunSeconds), d: p.deduction }) + (p.capped ? t('timeCapped') : ''));
        },
      });
  }

  function aspectName(id) {
    for (const part of scheme.parts) {
      for (const module of part.modules) {
        const a = module.aspects.find(x => x.id === id);
        if (a) {
          return named(a, 'description') || id;
        }
      }
    }
    return id;
  }

  function needReason(text) {
    if (!text) {
      throw new Error(t('needReason'));
    }
    return text;
  }

  const poll = reader(async () => {
    try {
      const data = await request('GET', `/api/events/${eventId}/sheets/${encodeURIComponent(code)}`);
      clear(staleEl);
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
      fill(staleEl, h('div', { class: 'notice warn' }, t('matrixStale', { m: errorText(e) })));
    }
  });

  await poll();
  return follow(eventId, poll, liveEl, 0);
}
