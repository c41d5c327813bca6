import { BoardClient, ordered } from './board-client.js';
import { startRoadshow } from './roadshow.js';

// /screen/?event=12 shows one event's ranking; /screen/?contest=3 each event's top places; /screen/?event=12&mode=roadshow
// an innovation final's 路演 (roadshow.js).
const params = new URLSearchParams(location.search);
const eventId = Number(params.get('event')) || null;
const contestId = Number(params.get('contest')) || null;
const roadshow = params.get('mode') === 'roadshow' && eventId;
const STATUS = { PROVISIONAL: '暂定', LOCKED: '已锁定', FINAL: '最终', DISQUALIFIED: '取消资格' };
// Medal colours only for a result that will stand (locked sheets, or the signed-off event); a provisional total,
// say one judge's marks of three, is not yet a medal (docs/websocket.md, row status).
const SETTLED = new Set(['LOCKED', 'FINAL']);
const award = (row) => (SETTLED.has(row.status) && row.award ? row.award : '');
const provisional = (row) => row.status === 'PROVISIONAL' && row.total != null;
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

/** Name and organization, each clipped with the whole text in the tooltip. */
function fillWho(cell, row) {
  const person = cell.querySelector('.person');
  const org = cell.querySelector('.org');
  person.textContent = row.name || '—';
  person.title = row.name || '';
  org.textContent = row.name ? (row.organization || '') : '';
  org.title = org.textContent;
}

/** The total, with the provisional mark the legend promises, on every view. */
function fillTotal(cell, row) {
  cell.textContent = row.total ?? '';
  if (provisional(row)) cell.append(Object.assign(document.createElement('b'), { className: 'prov', textContent: '*' }));
}

function showProblem(html) {
  const problem = document.getElementById('problem');
  problem.innerHTML = html;
  problem.hidden = false;
  boardEl.hidden = true;
  document.getElementById('grid').hidden = true;
  document.getElementById('teams').hidden = true;
  const connection = document.getElementById('connection');
  connection.textContent = '未能显示 · Not shown';
  connection.className = 'connection failed';
  failed = true;
}
let failed = false;

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
        + '<span class="who"><span class="person"></span><span class="org"></span></span><span class="total"></span>'
        + '<span class="status"></span>';
      el.style.transform = `translateY(${(row.position - 1) * height}px)`;
      rowsEl.appendChild(el);
      elements.set(row.entry, el);
    }
    el.className = `row ${award(row)}`;
    el.dataset.status = row.status;
    el.dataset.total = row.total ?? '';
    el.dataset.position = row.position;
    el.querySelector('.rank').textContent = row.rank ?? '—';
    el.querySelector('.code').textContent = row.entry;
    el.querySelector('.station').textContent = row.station || '';
    fillWho(el.querySelector('.who'), row);
    fillTotal(el.querySelector('.total'), row);
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
  boardEl.classList.toggle('no-station', !ordered(board).some((r) => r.station));
  document.getElementById('empty').hidden = elements.size > 0;
  boardEl.dataset.version = board.version;
  renderTeams(board.teams);
}

function renderTeams(teams) {
  const aside = document.getElementById('teams');
  aside.hidden = !teams || teams.length === 0;
  if (aside.hidden) return;
  document.getElementById('team-rows').innerHTML = teams.slice(0, 12)
    .map((t) => `<li><span class="trank">${t.rank}.</span><span class="team" title="${escape(t.team)}">${escape(t.team)}</span>`
      + `<b>${t.total}</b></li>`)
    .join('');
}

function renderGrid(client) {
  const grid = document.getElementById('grid');
  boardEl.hidden = true;
  grid.hidden = false;
  const cards = [...client.boards.entries()].sort((a, b) => a[0] - b[0]).map(([id, board]) => {
    const top = ordered(board).slice(0, 5);
    const lines = top.map((r) => {
      const label = r.entry + (r.name ? ' ' + r.name : '');
      return `<div class="line ${award(r)}" data-entry="${escape(r.entry)}" data-total="${r.total ?? ''}"`
        + ` data-status="${escape(r.status)}"><span class="rank">${r.rank ?? '—'}</span>`
        + `<span title="${escape(label)}">${escape(label)}</span>`
        + `<b>${r.total ?? ''}${provisional(r) ? '<b class="prov">*</b>' : ''}</b></div>`;
    }).join('') || '<p class="none">尚无成绩 <span class="en">No marks yet</span></p>';
    return `<div class="card" data-event="${id}"><h3 title="${escape(board.header.event)}">${escape(board.header.event)}`
      + `${board.frozen ? ' · 封榜' : ''}</h3>${lines}</div>`;
  });
  grid.innerHTML = cards.join('');
  const first = client.boards.values().next().value;
  if (first) document.getElementById('contest').textContent = first.header.contest;
  document.getElementById('event').textContent = '各赛项前五名 · Top five of each event';
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// Longer lists scroll a page at a time, pausing at the top.
setInterval(() => {
  if (!eventId || roadshow) return;
  const height = rowHeight();
  const visible = Math.max(1, Math.floor(rowsEl.getBoundingClientRect().height / height));
  const total = elements.size;
  scroll = total <= visible ? 0 : (scroll + visible >= total ? 0 : scroll + visible);
  for (const el of elements.values()) {
    el.style.transform = `translateY(${(Number(el.dataset.position) - 1 - scroll) * height}px)`;
  }
}, 8000);

const client = roadshow ? null : new BoardClient({
  events: eventId ? [eventId] : [],
  contest: contestId,
  onChange: (event, board, message) => (eventId ? renderEvent(board, message) : renderGrid(client)),
  onError: (message) => {
    // An unknown event, a training assessment's private board: say so instead of an empty table.
    const what = message.event ? `赛项 ${escape(message.event)}` : (contestId ? `竞赛 ${contestId}` : '');
    const reason = message.code === 'PRIVATE_BOARD'
      ? '培训考核的成绩不公开，没有大屏排名。<span class="en">A training assessment\'s results are private: it has no hall screen.</span>'
      : message.code === 'ROLE_NOT_ALLOWED'
        ? '该排名不对外公开。<span class="en">This board is not public.</span>'
        : message.code === 'BAD_SUBSCRIPTION' && contestId
          ? '该竞赛不存在或还没有赛项，请检查地址中的竞赛编号。<span class="en">No such contest, or it has no events yet: check the contest number in the address.</span>'
          : '找不到该赛项，请检查地址中的赛项编号。<span class="en">No such event: check the event number in the address.</span>';
    if (eventId || client.boards.size === 0) {
      showProblem(`<b>无法显示${what}的排名 <span class="en">Cannot show this board</span></b>${reason}`);
    }
  },
  onStatus: (status) => {
    if (failed) return;
    const el = document.getElementById('connection');
    el.textContent = status === 'open' ? '实时连接 · Live' : '重新连接中… · Reconnecting…';
    el.className = `connection ${status}`;
  },
});
if (roadshow) {
  startRoadshow(eventId);
} else if (eventId || contestId) {
  client.start();
} else {
  showProblem('<b>请选择要显示的竞赛 <span class="en">Choose a contest to show</span></b>'
    + '在首页“正在进行的竞赛”中打开大屏，或在地址中写 /screen/?contest=竞赛编号、?event=赛项编号。'
    + '<span class="en">Open a screen from the start page, or add ?contest=ID or ?event=ID to the address.</span>'
    + ' <a href="/" style="color:#ffd166">首页 Start page</a>');
}
