import { BoardClient, ordered } from './board-client.js';

// /screen/?event=12 shows one event's ranking; /screen/?contest=3 each event's top places.
const params = new URLSearchParams(location.search);
const eventId = Number(params.get('event')) || null;
const contestId = Number(params.get('contest')) || null;
const STATUS = { PROVISIONAL: '暂定*', LOCKED: '已锁定', FINAL: '最终', DISQUALIFIED: '取消资格' };
const rowsEl = document.getElementById('rows');
const boardEl = document.getElementById('board');
const elements = new Map(); // entry → element
let scroll = 0;

function tick() {
  const now = new Date();
  document.getElementById('clock').textContent = now.toLocaleTimeString('zh-CN', { hour12: false });
}
setInterval(tick, 1000);
tick();

function rowHeight() {
  const first = rowsEl.querySelector('.row');
  return first ? first.getBoundingClientRect().height : 60;
}

function who(row) {
  if (row.name) return `${row.name} · ${row.organization || ''}`;
  return '—';
}

function renderEvent(board, message) {
  document.getElementById('contest').textContent = board.header.contest;
  document.getElementById('event').textContent = `${board.header.event} · ${board.header.organizer}`;
  document.getElementById('frozen').hidden = !board.frozen;
  document.title = `${board.header.event} · 实时排名`;
  const height = rowHeight();
  const seen = new Set();
  const changed = new Set((message.rows || []).map((r) => r.entry));
  for (const row of ordered(board)) {
    seen.add(row.entry);
    let el = elements.get(row.entry);
    if (!el) {
      el = document.createElement('div');
      el.dataset.entry = row.entry;
      el.innerHTML = '<span class="rank"></span><span class="code"></span><span class="station"></span>'
        + '<span class="who"></span><span class="total"></span><span class="status"></span>';
      el.style.transform = `translateY(${(row.position - 1) * height}px)`;
      rowsEl.appendChild(el);
      elements.set(row.entry, el);
    }
    el.className = `row ${row.award || ''}`;
    el.dataset.total = row.total ?? '';
    el.dataset.position = row.position;
    el.querySelector('.rank').textContent = row.rank ?? '—';
    el.querySelector('.code').textContent = row.entry;
    el.querySelector('.station').textContent = row.station || '';
    el.querySelector('.who').textContent = who(row);
    el.querySelector('.total').textContent = row.total ?? '';
    el.querySelector('.status').textContent = STATUS[row.status] || row.status;
    // Rows slide to their new place; what just changed glows for a moment.
    el.style.transform = `translateY(${(row.position - 1 - scroll) * height}px)`;
    if (message.type === 'delta' && changed.has(row.entry)) {
      el.classList.add(board.revealed === row.entry ? 'revealed' : 'changed');
      setTimeout(() => el.classList.remove('changed', 'revealed'), 1800);
    }
  }
  for (const [entry, el] of elements) {
    if (!seen.has(entry)) { el.remove(); elements.delete(entry); }
  }
  // Document order follows the ranking too: the phone view lays rows out in flow, the big screen by transform.
  for (const row of ordered(board)) rowsEl.appendChild(elements.get(row.entry));
  boardEl.dataset.version = board.version;
  renderTeams(board.teams);
}

function renderTeams(teams) {
  const aside = document.getElementById('teams');
  aside.hidden = !teams || teams.length === 0;
  if (aside.hidden) return;
  document.getElementById('team-rows').innerHTML = teams.slice(0, 12)
    .map((t) => `<li><span>${t.rank}. ${escape(t.team)}</span><b>${t.total}</b></li>`).join('');
}

function renderGrid(client) {
  const grid = document.getElementById('grid');
  boardEl.hidden = true;
  grid.hidden = false;
  const cards = [...client.boards.entries()].sort((a, b) => a[0] - b[0]).map(([id, board]) => {
    const lines = ordered(board).slice(0, 5).map((r) => `<div class="line ${r.award || ''}" data-entry="${escape(r.entry)}"`
      + ` data-total="${r.total ?? ''}"><span class="rank">${r.rank ?? '—'}</span><span>${escape(r.entry)}`
      + `${r.name ? ' ' + escape(r.name) : ''}</span><b>${r.total ?? ''}</b></div>`).join('');
    return `<div class="card" data-event="${id}"><h3>${escape(board.header.event)}${board.frozen ? ' · 封榜' : ''}</h3>${lines}</div>`;
  });
  grid.innerHTML = cards.join('');
  const first = client.boards.values().next().value;
  if (first) document.getElementById('contest').textContent = first.header.contest;
  document.getElementById('event').textContent = '各赛项前五名';
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// Longer lists scroll a page at a time, pausing at the top.
setInterval(() => {
  if (!eventId) return;
  const height = rowHeight();
  const visible = Math.max(1, Math.floor(rowsEl.getBoundingClientRect().height / height));
  const total = elements.size;
  scroll = total <= visible ? 0 : (scroll + visible >= total ? 0 : scroll + visible);
  for (const el of elements.values()) {
    el.style.transform = `translateY(${(Number(el.dataset.position) - 1 - scroll) * height}px)`;
  }
}, 8000);

const client = new BoardClient({
  events: eventId ? [eventId] : [],
  contest: contestId,
  onChange: (event, board, message) => (eventId ? renderEvent(board, message) : renderGrid(client)),
  onStatus: (status) => {
    const el = document.getElementById('connection');
    el.textContent = status === 'open' ? '实时连接' : '重新连接中…';
    el.className = `connection ${status}`;
  },
});
if (eventId || contestId) {
  client.start();
} else {
  document.getElementById('event').textContent = '请在地址中指定赛项：/screen/?event=赛项编号 或 ?contest=竞赛编号';
}
