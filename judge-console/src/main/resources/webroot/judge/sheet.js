// Scoring one entry's sheet: the scheme module by module, a control per aspect that respects its range and step,
// validation while typing, a running total, an explicit submit with a confirmation of what is sent, and for every
// mark its state: saved on the server, waiting to send, not submitted, or rejected with the server's reason.
import { t, pick, named, clock } from './i18n.js';
import { ApiError, cachedGet } from './api.js';
import * as outbox from './outbox.js';
import * as dec from './dec.js';
import { get as idbGet, put as idbPut, del as idbDel } from './store.js';
import { h, clear, fill, modal, closeModal } from './ui.js';
import { session } from './api.js';
import { showEntryBesideSheet } from './entry-docs.js';

const BUTTON_ROW_LIMIT = 11;

/** How a judge marks an aspect: range and step in marking units, and which control fits. */
export function markingSpec(aspect) {
  const scaled = aspect.type === 'JUDGEMENT' && aspect.scale;
  const max = dec.parse(scaled ? aspect.scale.maximum : aspect.maximum);
  const step = dec.parse(scaled ? aspect.scale.step : aspect.step);
  let control;
  if (aspect.type === 'DEDUCTION') {
    control = 'readonly';
  } else if (aspect.type === 'MEASUREMENT' && aspect.measurement === 'YES_NO') {
    control = 'yesno';
  } else if (aspect.type === 'MEASUREMENT' && aspect.measurement === 'DEDUCTION') {
    control = 'counter';
  } else {
    control = dec.choices(max, step) <= BUTTON_ROW_LIMIT ? 'buttons' : 'stepper';
  }
  return { max, step, control, scaled: !!scaled, aspectMax: dec.parse(aspect.maximum) };
}

/** null when valid, else the message to show. */
export function validate(text, spec) {
  const v = dec.parse(text);
  if (!v) {
    return t('notNumber');
  }
  const zero = { n: 0n, s: 0 };
  if (dec.cmp(v, zero) < 0 || dec.cmp(v, spec.max) > 0) {
    return t('outOfRange', { a: 0, b: dec.format(spec.max) });
  }
  if (!dec.isMultiple(v, spec.step)) {
    return t('offStep', { s: dec.format(spec.step) });
  }
  return null;
}

/** A mark as the judge confirms it, with its unit: 是/否 for a yes/no aspect, "8 分（满分 10）" for a mark. */
export function markText(text, aspect) {
  const spec = markingSpec(aspect);
  const v = dec.parse(text);
  if (!v) {
    return String(text);
  }
  if (spec.control === 'yesno') {
    return dec.cmp(v, spec.max) === 0 ? t('yes') : t('no');
  }
  if (spec.control === 'counter') {
    return t('markDeducted', { v: dec.format(v), m: dec.format(spec.max) });
  }
  return t('markOutOf', { v: dec.format(v), m: dec.format(spec.max) });
}

/** What a mark adds to the total, in aspect points. */
function contribution(text, spec) {
  const v = dec.frac(dec.parse(text));
  if (spec.control === 'counter') {
    return dec.fadd(dec.frac(spec.aspectMax), { num: -v.num, den: v.den });
  }
  if (spec.scaled) {
    return dec.fdiv(dec.fmul(v, dec.frac(spec.aspectMax)), dec.frac(spec.max));
  }
  return v;
}

function draftId(eventId, code) {
  return `${session().account.id}|${eventId}|${code}`;
}

export async function renderSheet(view, shell, eventId, code) {
  shell.setTitle(t('sheetTitle', { code }), '', `#/e/${eventId}`);
  fill(view, h('p', { class: 'loading' }, t('loading')));
  let scheme;
  let sheet;
  let stale = null;
  try {
    const [s, sh] = await Promise.all([cachedGet(`/api/events/${eventId}/scheme`),
      cachedGet(`/api/events/${eventId}/sheets/${encodeURIComponent(code)}`)]);
    scheme = s.data.scheme;
    sheet = sh.data;
    stale = sh.stale;
  } catch (e) {
    shell.failed(e, view);
    return null;
  }
  shell.setTitle(t('sheetTitle', { code }), sheet.station ? t('station') + ' ' + sheet.station : '', `#/e/${eventId}`);

  const draft = (await idbGet('drafts', draftId(eventId, code)).catch(() => null)) || { id: draftId(eventId, code), values: {} };
  let queue = [];
  const server = new Map(sheet.marks.map(m => [m.aspectId, m]));
  const rows = new Map();
  let saveTimer = null;

  const closed = () => sheet.locked || sheet.signedOff;

  async function loadQueue() {
    queue = (await outbox.items()).filter(i => i.eventId === eventId && i.entryCode === code);
  }

  function pendingValue(aid) {
    let value = null;
    for (const item of queue) {
      if (item.status === 'PENDING') {
        const m = item.marks.find(x => x.aspectId === aid);
        if (m) {
          value = m.value;
        }
      }
    }
    return value;
  }

  /** The latest rejected, not dismissed submission of this aspect, unless something newer supersedes it. */
  function rejectionOf(aid) {
    let latest = null;
    for (const item of queue) {
      if (item.marks.some(x => x.aspectId === aid)) {
        latest = item;
      }
    }
    return latest && latest.status === 'REJECTED' ? latest : null;
  }

  function base(aid) {
    const p = pendingValue(aid);
    if (p !== null) {
      return p;
    }
    const s = server.get(aid);
    return s ? s.value : null;
  }

  function shown(aid) {
    return aid in draft.values ? draft.values[aid] : base(aid);
  }

  function stateOf(aid, spec) {
    const s = server.get(aid);
    if (!s) {
      return { cls: 'readonly', text: '' };
    }
    if (aid in draft.values) {
      const error = validate(draft.values[aid], spec);
      return error ? { cls: 'invalid', text: t('statusInvalid'), error } : { cls: 'draft', text: t('statusDraft') };
    }
    if (pendingValue(aid) !== null) {
      return { cls: 'pending', text: t('statusPending') };
    }
    const rejected = rejectionOf(aid);
    if (rejected) {
      return { cls: 'rejected', text: t('statusRejected'), rejected };
    }
    if (s.value !== null && s.value !== undefined) {
      return { cls: 'saved', text: t('statusSaved') };
    }
    if (s.round > 0) {
      return { cls: 'remark', text: t('statusRemark', { r: s.round }) };
    }
    return { cls: 'empty', text: t('statusEmpty') };
  }

  function setDraft(aid, text) {
    if (closed()) {
      return;
    }
    const b = base(aid);
    if (dec.same(text, b) && dec.parse(text) !== null) {
      delete draft.values[aid];
    } else if ((text === '' || text === null) && (b === null || b === undefined)) {
      delete draft.values[aid];
    } else {
      draft.values[aid] = text;
    }
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, 250);
    update(aid);
    updateSummary();
  }

  function saveDraft() {
    clearTimeout(saveTimer);
    if (Object.keys(draft.values).length === 0) {
      return idbDel('drafts', draft.id).catch(() => {});
    }
    return idbPut('drafts', { ...draft, updatedAt: Date.now() }).catch(() => {});
  }

  // ---- layout
  const head = h('div', { class: 'sheet-head' }, h('h1', { 'data-test': 'sheet-code' }, t('sheetTitle', { code })),
    sheet.station ? h('span', { class: 'badge NOT_STARTED' }, t('station') + ' ' + sheet.station) : null);
  const banner = h('div', { 'data-test': 'sheet-banner' });
  const modulesEl = h('div', { class: 'modules' });
  const totalEl = h('div', { class: 'big', 'data-test': 'my-total' });
  const progressEl = h('div', { class: 'note', 'data-test': 'progress' });
  const moduleList = h('ul');
  const submitBtn = h('button', { class: 'btn primary', type: 'button', 'data-test': 'submit', onclick: () => confirmSubmit() });
  const summary = h('aside', { class: 'summary', 'data-test': 'summary', 'aria-live': 'polite' },
    h('div', { class: 'note' }, t('myTotal')), totalEl, progressEl, moduleList, submitBtn,
    h('div', { class: 'note' }, t('totalNote')));
  fill(view, head, banner, h('div', { class: 'sheet-layout' }, modulesEl, summary));
  showEntryBesideSheet(view, eventId, code);

  const modules = [];
  for (const part of scheme.parts) {
    for (const module of part.modules) {
      const aspects = module.aspects.map(a => ({ aspect: a, spec: markingSpec(a) }));
      const mtotal = h('span', { class: 'mtotal', 'data-test': 'module-total' });
      const section = h('section', { class: 'module', 'data-module': module.id },
        h('h2', {}, h('span', {}, named(module, 'name')), mtotal));
      modules.push({ module, aspects, mtotal });
      for (const { aspect, spec } of aspects) {
        if (!server.has(aspect.id) && spec.control !== 'readonly') {
          spec.control = 'readonly';
        }
        section.append(buildAspect(aspect, spec));
      }
      modulesEl.append(section);
    }
  }

  function buildAspect(aspect, spec) {
    const aid = aspect.id;
    const stateEl = h('span', { class: 'mstate', 'data-test': 'mark-state' });
    const errorEl = h('div', { class: 'field-error', 'aria-live': 'polite' });
    const rejectionEl = h('div');
    const meta = [t('maximum', { m: dec.format(spec.aspectMax) })];
    if (spec.control !== 'readonly' && spec.control !== 'yesno') {
      meta.push(t('markRange', { a: 0, b: dec.format(spec.max), s: dec.format(spec.step) }));
    }
    if (spec.scaled) {
      meta.push(t('scaleNote', { b: dec.format(spec.max), m: dec.format(spec.aspectMax) }));
    }
    const root = h('div', { class: 'aspect', 'data-aspect': aid, 'data-control': spec.control },
      h('div', { class: 'aspect-head' }, h('div', { class: 'aspect-title' }, h('span', { class: 'aid' }, aid), named(aspect, 'description')), stateEl),
      h('div', { class: 'aspect-meta' }, meta.join(' · ')));
    let sync = () => {};
    if (spec.control === 'readonly') {
      root.append(h('div', { class: 'mstate readonly' }, t('deductionReadOnly')));
    } else if (spec.control === 'buttons' || spec.control === 'yesno') {
      const values = spec.control === 'yesno' ? [[dec.format(spec.max), t('yes')], ['0', t('no')]]
        : dec.range(spec.max, spec.step).map(v => [dec.format(v), dec.format(v)]);
      const buttons = values.map(([value, label]) => h('button', { type: 'button', class: 'choice' + (spec.control === 'yesno' ? ' yn' : ''),
        'data-value': value, 'aria-label': `${aid} ${label}`, onclick: () => setDraft(aid, value) }, label));
      root.append(h('div', { class: 'choice-row', role: 'group', 'aria-label': aid }, buttons));
      sync = () => {
        const current = shown(aid);
        for (const b of buttons) {
          b.setAttribute('aria-pressed', String(current !== null && current !== undefined && dec.same(b.dataset.value, current)));
          b.disabled = closed();
        }
      };
    } else {
      const input = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-label': `${aid} ${named(aspect, 'description')}`,
        'data-test': 'mark-input', enterkeyhint: 'next' });
      const bump = dir => {
        const current = dec.parse(input.value) || { n: 0n, s: 0 };
        const [x, y] = [current.n * 10n ** BigInt(Math.max(0, spec.step.s - current.s)), spec.step.n * 10n ** BigInt(Math.max(0, current.s - spec.step.s))];
        let k = x / y;
        const exact = x % y === 0n;
        if (dir > 0) {
          k = input.value.trim() === '' ? 0n : k + 1n;
        } else if (exact) {
          k = k - 1n;
        }
        const maxK = dec.parse(dec.format(spec.max));
        const limit = (maxK.n * 10n ** BigInt(Math.max(0, spec.step.s - maxK.s))) / (spec.step.n * 10n ** BigInt(Math.max(0, maxK.s - spec.step.s)));
        k = k < 0n ? 0n : k > limit ? limit : k;
        const next = dec.format({ n: k * spec.step.n, s: spec.step.s });
        input.value = next;
        setDraft(aid, next);
      };
      input.addEventListener('input', () => setDraft(aid, dec.normalise(input.value)));
      input.addEventListener('keydown', e => {
        if (e.key === 'ArrowUp') {
          e.preventDefault();
          bump(1);
        } else if (e.key === 'ArrowDown') {
          e.preventDefault();
          bump(-1);
        } else if (e.key === 'Enter') {
          e.preventDefault();
          const inputs = [...view.querySelectorAll('input[data-test=mark-input]:not(:disabled)')];
          const next = inputs[inputs.indexOf(input) + 1];
          if (next) {
            next.focus();
            next.select();
          } else {
            input.blur();
          }
        }
      });
      input.addEventListener('blur', () => {
        if (aid in draft.values && !validate(draft.values[aid], spec)) {
          input.value = dec.canonical(draft.values[aid]);
        }
      });
      const minus = h('button', { type: 'button', 'aria-label': `${aid} −${dec.format(spec.step)}`, 'data-test': 'minus', onclick: () => bump(-1) }, '−');
      const plus = h('button', { type: 'button', 'aria-label': `${aid} +${dec.format(spec.step)}`, 'data-test': 'plus', onclick: () => bump(1) }, '+');
      root.append(h('div', { class: 'stepper' }, minus, input, plus,
        spec.control === 'counter' ? h('span', { class: 'unit' }, t('deducted')) : null));
      sync = () => {
        const current = shown(aid);
        if (document.activeElement !== input) {
          input.value = current === null || current === undefined ? '' : current;
        }
        input.disabled = minus.disabled = plus.disabled = closed();
        input.setAttribute('aria-invalid', String(!!(aid in draft.values && validate(draft.values[aid], spec))));
      };
    }
    root.append(errorEl, rejectionEl);
    rows.set(aid, { root, stateEl, errorEl, rejectionEl, sync, spec, aspect });
    return root;
  }

  function update(aid) {
    const row = rows.get(aid);
    if (!row) {
      return;
    }
    const st = stateOf(aid, row.spec);
    row.root.dataset.state = st.cls;
    row.stateEl.className = 'mstate ' + st.cls;
    row.stateEl.textContent = st.text;
    row.stateEl.hidden = !st.text;
    row.errorEl.textContent = st.error || '';
    clear(row.rejectionEl);
    if (st.rejected) {
      const mark = st.rejected.marks.find(x => x.aspectId === aid);
      row.rejectionEl.append(h('div', { class: 'rejection', 'data-test': 'rejection', role: 'alert' },
        h('span', {}, t('rejectedValue', { v: mark.value, m: pick(outbox.reasonFor(st.rejected, aid)) })),
        h('button', { class: 'btn quiet', type: 'button', 'data-test': 'dismiss', onclick: () => outbox.dismiss(st.rejected.id) }, t('dismiss'))));
    }
    row.sync();
  }

  function updateSummary() {
    let total = dec.ZERO;
    let max = dec.ZERO;
    let marked = 0;
    let markable = 0;
    clear(moduleList);
    for (const m of modules) {
      let mt = dec.ZERO;
      let mm = dec.ZERO;
      let any = false;
      for (const { aspect, spec } of m.aspects) {
        if (spec.control === 'readonly') {
          continue;
        }
        any = true;
        markable++;
        mm = dec.fadd(mm, dec.frac(spec.aspectMax));
        const v = shown(aspect.id);
        if (v !== null && v !== undefined && v !== '' && !validate(v, spec)) {
          marked++;
          mt = dec.fadd(mt, contribution(v, spec));
        }
      }
      if (any) {
        m.mtotal.textContent = `${t('moduleTotal')} ${dec.fformat(mt)} / ${dec.fformat(mm)}`;
        moduleList.append(h('li', {}, h('span', {}, named(m.module, 'name')), h('b', {}, `${dec.fformat(mt)} / ${dec.fformat(mm)}`)));
      }
      total = dec.fadd(total, mt);
      max = dec.fadd(max, mm);
    }
    fill(totalEl, dec.fformat(total), h('small', {}, ' / ' + dec.fformat(max)));
    totalEl.dataset.value = dec.fformat(total);
    progressEl.textContent = t('markedOf', { a: marked, b: markable });
    const changes = changesToSend();
    const invalid = Object.keys(draft.values).filter(aid => rows.has(aid) && validate(draft.values[aid], rows.get(aid).spec)).length;
    submitBtn.disabled = closed() || invalid > 0 || changes.length === 0;
    submitBtn.textContent = invalid > 0 ? t('fixFirst', { n: invalid }) : changes.length === 0 ? t('nothingToSubmit') : t('submit', { n: changes.length });
    submitBtn.dataset.count = String(changes.length);
  }

  function changesToSend() {
    const out = [];
    for (const [aid, text] of Object.entries(draft.values)) {
      const row = rows.get(aid);
      if (row && row.spec.control !== 'readonly' && !validate(text, row.spec) && !dec.same(text, base(aid))) {
        out.push({ aspectId: aid, value: dec.canonical(text), was: base(aid), aspect: row.aspect });
      }
    }
    const order = [...rows.keys()];
    return out.sort((a, b) => order.indexOf(a.aspectId) - order.indexOf(b.aspectId));
  }

  function drawBanner() {
    clear(banner);
    if (sheet.signedOff) {
      banner.append(h('div', { class: 'notice bad', 'data-test': 'closed' }, t('signedOff')));
    } else if (sheet.locked) {
      banner.append(h('div', { class: 'notice bad', 'data-test': 'closed' }, t('locked')));
    }
    if (stale) {
      banner.append(h('div', { class: 'notice warn', 'data-test': 'stale' }, t('staleData', { t: clock(stale) })));
    }
  }

  function confirmSubmit() {
    const changes = changesToSend();
    if (changes.length === 0 || closed()) {
      return;
    }
    modal(t('confirmTitle', { code }), (body, close) => {
      body.append(h('p', {}, t('confirmIntro')), h('table', { 'data-test': 'confirm-list' },
        h('tbody', {}, changes.map(c => h('tr', { 'data-aspect': c.aspectId },
          h('td', {}, h('b', {}, c.aspectId), ' ', named(c.aspect, 'description')),
          h('td', { class: 'v', 'data-test': 'confirm-value' }, markText(c.value, c.aspect),
            c.was !== null && c.was !== undefined ? h('span', { class: 'was' }, t('was', { v: markText(c.was, c.aspect) })) : null))))),
      h('div', { class: 'actions' },
        h('button', { class: 'btn quiet', type: 'button', 'data-test': 'confirm-back', onclick: close }, t('editAgain')),
        h('button', { class: 'btn primary', type: 'button', 'data-test': 'confirm-send', onclick: async e => {
          e.currentTarget.disabled = true;
          await outbox.enqueue(eventId, code, changes.map(c => ({ aspectId: c.aspectId, value: c.value })));
          for (const c of changes) {
            if (dec.same(draft.values[c.aspectId], c.value)) {
              delete draft.values[c.aspectId];
            }
          }
          await saveDraft();
          close();
          await refreshQueue();
        } }, t('confirmSend'))));
    }, { testId: 'confirm-submit' });
  }

  function updateAll() {
    drawBanner();
    for (const aid of rows.keys()) {
      update(aid);
    }
    updateSummary();
  }

  async function refreshQueue() {
    await loadQueue();
    updateAll();
  }

  async function reload() {
    try {
      const got = await cachedGet(`/api/events/${eventId}/sheets/${encodeURIComponent(code)}`);
      if (got.stale && !stale) {
        stale = got.stale;
      } else if (!got.stale) {
        stale = null;
        sheet = got.data;
        for (const m of sheet.marks) {
          server.set(m.aspectId, m);
        }
      }
      await refreshQueue();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        shell.sessionExpired();
      }
    }
  }

  await loadQueue();
  updateAll();

  const off = outbox.onChange(async event => {
    if (event.item && event.item.eventId === eventId && event.item.entryCode === code) {
      if (event.type === 'sent' && event.result && event.result.marks) {
        for (const m of event.result.marks) {
          const s = server.get(m.aspectId);
          if (s) {
            server.set(m.aspectId, { ...s, value: m.value });
          }
        }
        reload();
      }
      if (event.type === 'rejected') {
        reload();
      }
    }
    refreshQueue();
  });
  const poll = setInterval(() => {
    if (document.visibilityState === 'visible') {
      reload();
    }
  }, 10000);
  const flushDraft = () => saveDraft();
  window.addEventListener('pagehide', flushDraft);
  return () => {
    off();
    clearInterval(poll);
    saveDraft();
    window.removeEventListener('pagehide', flushDraft);
    closeModal();
  };
}
