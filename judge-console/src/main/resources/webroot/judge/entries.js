// "My events" and "My entries": the events whose panel this judge sits on, and per event the entries assigned to
// them by code and station (never names), with each sheet's state, a state filter and a search box.
import { t, pick, named, clock } from './i18n.js';
import { cachedGet, session } from './api.js';
import * as outbox from './outbox.js';
import { h, clear, fill } from './ui.js';
import { renderMatrix } from './head.js';
import { titleEntryCards } from './entry-docs.js';

/** The signed-in judge's events with their panel role, in one request. */
export async function myEvents() {
  const mine = await cachedGet('/api/sessions/current/events');
  return { events: mine.data.items || [], stale: mine.stale };
}

export async function eventRole(eventId) {
  const s = session();
  const panel = await cachedGet(`/api/events/${eventId}/panel`);
  const mine = (panel.data.items || []).find(m => m.accountId === s.account.id);
  return mine ? mine.role : null;
}

export async function renderEvents(view, shell) {
  shell.setTitle(t('appName'), session().account.displayName);
  fill(view, h('p', { class: 'loading' }, t('loading')));
  let found;
  try {
    found = await myEvents();
  } catch (e) {
    shell.failed(e, view);
    return null;
  }
  if (found.events.length === 1 && !location.hash.startsWith('#/events')) {
    location.replace('#/e/' + found.events[0].id);
    return null;
  }
  fill(view, h('h1', {}, t('myEvents')),
    found.stale ? h('div', { class: 'notice warn' }, t('staleData', { t: clock(found.stale) })) : null,
    found.events.length === 0 ? h('p', { class: 'empty' }, t('noEvents')) : h('div', { class: 'cards', 'data-test': 'events' },
      found.events.map(ev => h('a', { class: 'card', href: '#/e/' + ev.id, 'data-test': 'event', 'data-event': String(ev.id) },
        h('span', { class: 'code' }, ev.name), h('span', { class: 'sub' }, ev.trade || ''),
        h('span', { class: 'badge ' + (ev.role === 'HEAD_JUDGE' ? 'NEEDS_REMARK' : 'NOT_STARTED') }, t('role' + ev.role))))));
  return null;
}

const STATES = ['NOT_STARTED', 'PARTLY_MARKED', 'MARKED', 'NEEDS_REMARK', 'LOCKED'];

export async function renderEvent(view, shell, eventId) {
  fill(view, h('p', { class: 'loading' }, t('loading')));
  let role;
  let eventName = '';
  try {
    role = await eventRole(eventId);
    const ev = await cachedGet(`/api/events/${eventId}`).catch(() => null);
    eventName = ev && ev.data ? ev.data.name : '';
  } catch (e) {
    shell.failed(e, view);
    return null;
  }
  if (role === 'HEAD_JUDGE') {
    return renderMatrix(view, shell, eventId, eventName);
  }
  shell.setTitle(eventName || t('myEntries'), session().account.displayName, '#/events');
  const filter = { state: sessionStorage.getItem('jx.filter.' + eventId) || 'ALL', q: sessionStorage.getItem('jx.q.' + eventId) || '' };
  const listEl = h('div', { class: 'cards', 'data-test': 'entries' });
  const staleEl = h('div');
  const chips = h('div', { class: 'filters', role: 'group' });
  const search = h('input', { type: 'search', placeholder: t('search'), 'aria-label': t('search'), value: filter.q,
    'data-test': 'search', inputmode: 'search', oninput: () => { filter.q = search.value; sessionStorage.setItem('jx.q.' + eventId, filter.q); draw(); } });
  fill(view, h('h1', {}, t('myEntries')), staleEl, h('div', { class: 'filters' }, search), chips, listEl);
  let data = null;
  let pendingByEntry = new Map();

  function drawChips() {
    clear(chips);
    for (const state of ['ALL', ...STATES]) {
      const n = data ? (state === 'ALL' ? data.items.length : data.items.filter(i => i.state === state).length) : 0;
      chips.append(h('button', { type: 'button', class: 'chip-btn', 'aria-pressed': String(filter.state === state),
        'data-test': 'filter-' + state, onclick: () => { filter.state = state; sessionStorage.setItem('jx.filter.' + eventId, state); draw(); } },
      (state === 'ALL' ? t('all') : t('state' + state)) + ' ' + n));
    }
  }

  function draw() {
    drawChips();
    clear(listEl);
    if (!data) {
      return;
    }
    const q = filter.q.trim().toLowerCase();
    const shown = data.items.filter(i => (filter.state === 'ALL' || i.state === filter.state)
      && (!q || i.entryCode.toLowerCase().includes(q) || (i.station || '').toLowerCase().includes(q)));
    if (shown.length === 0) {
      listEl.append(h('p', { class: 'empty' }, t('noEntries')));
    }
    for (const item of shown) {
      const pending = pendingByEntry.get(item.entryCode) || 0;
      listEl.append(h('a', { class: 'card', href: `#/e/${eventId}/s/${encodeURIComponent(item.entryCode)}`, 'data-test': 'entry',
        'data-code': item.entryCode, 'data-state': item.state },
      h('span', { class: 'code' }, item.entryCode),
      // "未分配工位" only when some entries have stations: with none drawn it would stand on every card.
      item.station ? h('span', { class: 'sub' }, t('station') + ' ' + item.station)
        : data.items.some(i => i.station) ? h('span', { class: 'sub' }, t('noStation')) : null,
      h('span', { class: 'row' }, h('span', { class: 'badge ' + item.state }, t('state' + item.state)),
        pending ? h('span', { class: 'badge wait' }, t('pendingHere', { n: pending })) : null)));
    }
    titleEntryCards(listEl, eventId);
  }

  let lastText = null;

  async function load() {
    try {
      const got = await cachedGet(`/api/events/${eventId}/sheets`);
      const text = JSON.stringify(got.data) + (got.stale || '');
      if (text === lastText) {
        return;
      }
      lastText = text;
      data = got.data;
      data.items.sort((a, b) => a.entryCode.localeCompare(b.entryCode, 'en', { numeric: true }));
      clear(staleEl);
      if (got.stale) {
        staleEl.append(h('div', { class: 'notice warn', 'data-test': 'stale' }, t('staleData', { t: clock(got.stale) })));
      }
      await countPending();
    } catch (e) {
      if (!data) {
        shell.failed(e, listEl);
        return;
      }
    }
    draw();
  }

  async function countPending() {
    pendingByEntry = new Map();
    for (const item of await outbox.items()) {
      if (item.eventId === eventId && item.status === 'PENDING') {
        pendingByEntry.set(item.entryCode, (pendingByEntry.get(item.entryCode) || 0) + item.marks.length);
      }
    }
  }

  await load();
  const off = outbox.onChange(async e => {
    await countPending();
    draw();
    if (e.type === 'sent') {
      load();
    }
  });
  const poll = setInterval(() => {
    if (document.visibilityState === 'visible') {
      load();
    }
  }, 15000);
  return () => {
    off();
    clearInterval(poll);
  };
}
