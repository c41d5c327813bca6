// The union's dispatch board: needs in columns by state. Review a new need (accept, return, reject with a reason);
// for an accepted one, ask for the explained matching and dispatch to a craftsman or a service team.
import { $, el, api, signedIn, state, attempt } from './common.js';

const COLUMNS = [['SUBMITTED', '待审核 Awaiting review'], ['ACCEPTED', '待派单 Awaiting dispatch'],
  ['DISPATCHED', '已派单 Dispatched'], ['IN_SERVICE', '服务中 In service'], ['COMPLETED', '已完成 Completed']];
let platform;

async function start(account) {
  const needs = await api('GET', '/service/needs');
  platform = needs.items.length ? await api('GET', '/service/platforms/' + needs.items[0].platformId) : null;
  await render();
}

async function render() {
  const [needs, orders] = await Promise.all([api('GET', '/service/needs'), api('GET', '/service/orders')]);
  const byId = new Map(orders.items.map((o) => [o.id, o]));
  const columns = COLUMNS.map(([code, title]) => {
    const items = needs.items.filter((n) => n.state.code === code);
    return el('div', { class: 'column', 'data-column': code }, el('h2', {}, title, ' (', items.length, ')'),
      items.slice(0, 30).map((n) => card(n, byId.get(n.currentOrderId))));
  });
  $('board').replaceChildren(...columns);
}

function card(need, order) {
  const result = el('p', { role: 'status' });
  const node = el('div', { class: 'card', 'data-need': need.id },
    el('h3', {}, need.title),
    el('p', {}, need.enterprise, ' · ', need.chain),
    el('p', { class: 'muted' }, need.kind.label, ' · ', need.urgency.label, ' · ', need.submittedOn,
      need.source === 'VISIT' ? ' · 走访代录 entered on a visit' : ''));
  const act = (fn) => attempt(result, async () => { await fn(); await render(); });
  if (need.state.code === 'SUBMITTED') {
    const reason = el('input', { placeholder: '退回或不予受理的理由 reason to return or reject' });
    const review = (decision) => act(() => api('POST', '/service/needs/' + need.id + '/review',
      reason.value.trim() ? { decision, reason: reason.value.trim() } : { decision }));
    node.append(el('p', {}, need.description), reason, el('div', { class: 'row' },
      el('button', { type: 'button', class: 'small review-accept', onclick: () => review('ACCEPT') }, '通过 Accept'),
      el('button', { type: 'button', class: 'small plain', onclick: () => review('RETURN') }, '退回 Return'),
      el('button', { type: 'button', class: 'small plain', onclick: () => review('REJECT') }, '不予受理 Reject')));
  }
  if (need.state.code === 'ACCEPTED') {
    const list = el('div', { class: 'suggestions' });
    const match = el('button', { type: 'button', class: 'small match', onclick: () => attempt(result, async () => {
      const s = await api('GET', '/service/needs/' + need.id + '/suggestions?limit=3');
      list.replaceChildren(el('p', { class: 'muted' }, s.note),
        ...s.items.map((c) => el('div', { class: 'suggestion', 'data-person': c.personId },
          el('b', {}, c.rank, '. ', c.name), ' ', c.region, ' · ', c.score, ' 分 points',
          el('ul', { class: 'reasons' }, c.reasons.map((r) => el('li', {}, (r.points > 0 ? '+' : '') + r.points, ' ', r.text))),
          el('button', { type: 'button', class: 'small dispatch', onclick: () => act(() =>
            api('POST', '/service/needs/' + need.id + '/dispatch', { personId: c.personId })) }, '派给 ', c.name, ' Dispatch'))));
    }) }, '匹配工匠 Match craftsmen');
    const team = el('select', { style: 'width:auto' }, (platform ? platform.teams : []).map((t) =>
      el('option', { value: t.id }, t.name)));
    node.append(el('div', { class: 'row' }, match, team, el('button', { type: 'button', class: 'small plain', onclick: () =>
      act(() => api('POST', '/service/needs/' + need.id + '/dispatch', { teamId: Number(team.value) })) },
    '派给分队 To the team')), list);
  }
  if (order) {
    node.append(el('p', {}, state(order.state), ' ', order.craftsman || order.team || '', ' · 应于 due ', order.dueOn));
    if (order.feedback) {
      node.append(el('p', { class: 'ok' }, '★'.repeat(order.feedback.satisfaction), ' ', order.feedback.comment || ''));
    }
  }
  node.append(result);
  return node;
}

signedIn(['UNION_STAFF'], start);
