import { BoardClient, ordered } from './board-client.js';

// 路演 (roadshow final) mode of the hall screen, /screen/?event=12&mode=roadshow: the entry on stage with its title
// and team, its score as the judges' marks arrive, and the live standings beside it. Everything shown is public: the
// board's public view over the WebSocket, and the programme (titles; who presents once the board may say whose
// entries they are) from GET /api/events/{id}/roadshow.
//
// Which entry is on stage: by default the one whose score last changed (the judges are marking it); before any score
// arrives, the first in programme order (entry-code order, as drawn) still without a score. The hall's operator can
// step with ← / → (or tap a line) and return to following the scores with A.

const STATUS = { PROVISIONAL: '暂定', LOCKED: '已锁定', FINAL: '最终', DISQUALIFIED: '取消资格' };
const STATUS_EN = { PROVISIONAL: 'provisional', LOCKED: 'locked', FINAL: 'final', DISQUALIFIED: 'disqualified' };
const FEED_LINES = 6;
const PROGRAMME_REFRESH_MS = 60000;

const $ = (id) => document.getElementById(id);

function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const time = () => new Date().toLocaleTimeString('zh-CN', { hour12: false });
const shownScore = (row) => (row.normalised != null ? row.normalised : row.total);

export function startRoadshow(eventId) {
  const state = {
    programme: new Map(), // entry code → {entryCode, title, kindLabel, kindLabelEn, entrant?, organization?}
    order: [],
    namesPublic: false,
    board: null,
    current: null,
    manual: false,
    changed: null, // the entry whose score changed last while this screen was open
    totals: new Map(), // entry → the score last seen, to tell a change
    feeds: new Map(), // entry → [{at, score, status}]
  };
  let failed = false;
  let loading = null;

  document.body.classList.add('roadshow-mode');
  $('board').hidden = true;
  $('roadshow').hidden = false;
  document.querySelector('.legend').innerHTML = '← → 切换成果 · A 自动跟随评分 <span class="en">← → switch entry · A follow the scores</span>';

  function problem(html) {
    failed = true;
    $('problem').innerHTML = html;
    $('problem').hidden = false;
    $('roadshow').hidden = true;
    const connection = $('connection');
    connection.textContent = '未能显示 · Not shown';
    connection.className = 'connection failed';
  }

  async function loadProgramme() {
    if (loading) return loading;
    loading = fetch('/api/events/' + eventId + '/roadshow', { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const json = await response.json().catch(() => ({}));
        if (!response.ok) {
          if (response.status === 404) {
            problem(json.error === 'NOT_INNOVATION'
              ? '<b>该赛项不是创新创效赛项，没有路演模式 <span class="en">Not an innovation event: no roadshow mode</span></b>'
                + '请去掉地址中的 mode=roadshow。<span class="en">Remove mode=roadshow from the address.</span>'
              : '<b>找不到该赛项 <span class="en">No such event</span></b>请检查地址中的赛项编号。<span class="en">Check the event number in the address.</span>');
          }
          return;
        }
        state.namesPublic = !!json.namesPublic;
        state.programme = new Map(json.items.map((line) => [line.entryCode, line]));
        state.order = json.items.map((line) => line.entryCode);
        $('roadshow').dataset.namesPublic = String(state.namesPublic);
        $('roadshow').dataset.programme = String(state.order.length);
        render();
      })
      .catch(() => {})
      .finally(() => { loading = null; });
    return loading;
  }

  function rowOf(entry) {
    return state.board ? state.board.rows.get(entry) : null;
  }

  /** The entry to show when following the scores and nothing has changed since the screen opened. */
  function firstWaiting() {
    const unscored = state.order.find((code) => { const r = rowOf(code); return !r || r.total == null; });
    return unscored || state.order[0] || (state.board ? (ordered(state.board)[0] || {}).entry : null) || null;
  }

  function step(by) {
    const codes = state.order.length ? state.order : (state.board ? ordered(state.board).map((r) => r.entry) : []);
    if (!codes.length) return;
    const at = codes.indexOf(state.current);
    state.current = codes[Math.min(codes.length - 1, Math.max(0, at < 0 ? 0 : at + by))];
    state.manual = true;
    render();
  }

  function follow() {
    state.manual = false;
    render();
  }

  function record(row) {
    const score = shownScore(row);
    if (score == null || state.totals.get(row.entry) === score + '|' + row.status) return false;
    state.totals.set(row.entry, score + '|' + row.status);
    const feed = state.feeds.get(row.entry) || [];
    feed.unshift({ at: time(), score, status: row.status });
    state.feeds.set(row.entry, feed.slice(0, FEED_LINES));
    return true;
  }

  function onBoard(event, board, message) {
    state.board = board;
    $('contest').textContent = board.header.contest;
    $('event').textContent = `${board.header.event} · 路演答辩 Roadshow final · ${board.header.organizer}`;
    $('frozen').hidden = !board.frozen;
    document.title = `${board.header.event} · 路演`;
    if (message.type === 'snapshot') {
      for (const row of board.rows.values()) {
        if (shownScore(row) != null) state.totals.set(row.entry, shownScore(row) + '|' + row.status);
      }
      loadProgramme();
    } else {
      let latest = null;
      for (const row of message.rows || []) {
        if (record(row)) latest = row.entry;
      }
      if (latest) state.changed = latest;
      const unknown = (message.rows || []).some((r) => !state.programme.has(r.entry));
      const named = !state.namesPublic && (message.rows || []).some((r) => r.status === 'FINAL');
      if (unknown || named) loadProgramme();
    }
    render();
  }

  function render() {
    if (failed) return;
    if (!state.manual || !state.current) {
      state.current = state.changed || firstWaiting();
    }
    renderStage();
    renderLines();
  }

  function renderStage() {
    const code = state.current;
    const line = state.programme.get(code) || {};
    const row = rowOf(code);
    $('rs-stage').dataset.entry = code || '';
    $('rs-follow').textContent = state.manual ? '· 手动 Manual' : '· 自动跟随评分 Following the scores';
    $('rs-code').textContent = code ? code + ' 号' : '';
    $('rs-kind').textContent = line.kindLabel || '';
    $('rs-kind').hidden = !line.kindLabel;
    $('rs-title').textContent = line.title || (code ? '（未填写成果名称）' : '等待开始 Waiting to start');
    $('rs-title').title = line.title || '';
    const who = line.entrant || (row && row.name) || '';
    const org = line.organization || (row && row.organization) || '';
    $('rs-team').innerHTML = who
      ? `<span class="jx-name" title="${escape(who)}">${escape(who)}</span>${org ? ` <span class="rs-org jx-name" title="${escape(org)}">${escape(org)}</span>` : ''}`
      : (code ? '<span class="rs-muted">完成人待公布 <span class="en">Authors not yet public</span></span>' : '');
    const score = row ? shownScore(row) : null;
    $('rs-score').textContent = score ?? '—';
    $('rs-score').dataset.score = score ?? '';
    if (row && row.status === 'PROVISIONAL' && score != null) {
      $('rs-score').append(Object.assign(document.createElement('b'), { className: 'prov', textContent: '*' }));
    }
    $('rs-score').classList.toggle('none', score == null);
    $('rs-rank').textContent = row && row.rank != null ? row.rank : '—';
    $('rs-rank').classList.toggle('none', !row || row.rank == null);
    $('rs-status').innerHTML = row && score != null
      ? `${escape(STATUS[row.status] || '')} <span class="en">${escape(STATUS_EN[row.status] || '')}</span>`
        + (row.normalised != null ? `<div class="rs-small">原始分 <span class="en">raw</span> ${escape(row.total ?? '—')}</div>` : '')
      : '<span class="rs-muted">评分中… <span class="en">Judges are marking…</span></span>';
    const feed = state.feeds.get(code) || [];
    $('rs-feed').innerHTML = feed.map((f) => `<li data-score="${escape(f.score)}"><span class="at">${escape(f.at)}</span>`
      + `<b>${escape(f.score)}</b><span>${escape(STATUS[f.status] || '')} <span class="en">${escape(STATUS_EN[f.status] || '')}</span></span></li>`).join('');
    const at = state.order.indexOf(code);
    const next = at >= 0 ? state.order[at + 1] : null;
    const nextLine = next ? state.programme.get(next) : null;
    $('rs-next').innerHTML = next
      ? `下一位 <span class="en">Next</span> <b>${escape(next)}</b> <span class="jx-name" title="${escape(nextLine && nextLine.title)}">${escape(nextLine && nextLine.title)}</span>`
      : '';
  }

  function renderLines() {
    const rows = state.board ? ordered(state.board) : [];
    $('rs-empty').hidden = rows.length > 0;
    $('rs-lines').innerHTML = rows.map((r) => {
      const title = (state.programme.get(r.entry) || {}).title || '';
      const score = shownScore(r);
      return `<li class="rs-line${r.entry === state.current ? ' current' : ''}" data-entry="${escape(r.entry)}" data-total="${escape(r.total ?? '')}"`
        + ` data-status="${escape(r.status)}"><span class="rank">${escape(r.rank ?? '—')}</span><span class="code">${escape(r.entry)}</span>`
        + `<span class="jx-name" title="${escape(title)}">${escape(title)}</span>`
        + `<b class="score">${escape(score ?? '')}${r.status === 'PROVISIONAL' && score != null ? '<b class="prov">*</b>' : ''}</b></li>`;
    }).join('');
    // The programme's entries with no score yet, in the order they present.
    const waiting = state.order.filter((code) => { const r = rowOf(code); return !r || r.total == null; });
    $('rs-waiting-head').hidden = waiting.length === 0;
    $('rs-waiting').innerHTML = waiting.map((code) => {
      const title = (state.programme.get(code) || {}).title || '';
      return `<li class="rs-line${code === state.current ? ' current' : ''}" data-entry="${escape(code)}"><span class="rank">·</span>`
        + `<span class="code">${escape(code)}</span><span class="jx-name" title="${escape(title)}">${escape(title)}</span><b class="score"></b></li>`;
    }).join('');
  }

  for (const list of [$('rs-lines'), $('rs-waiting')]) {
    list.addEventListener('click', (e) => {
      const line = e.target.closest('.rs-line');
      if (line) { state.current = line.dataset.entry; state.manual = true; render(); }
    });
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') step(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') step(-1);
    else if (e.key === 'a' || e.key === 'A' || e.key === 'Escape') follow();
  });
  setInterval(loadProgramme, PROGRAMME_REFRESH_MS);

  const client = new BoardClient({
    events: [eventId],
    onChange: onBoard,
    onError: (message) => {
      const reason = message.code === 'PRIVATE_BOARD'
        ? '培训考核的成绩不公开，没有大屏排名。<span class="en">A training assessment\'s results are private.</span>'
        : '找不到该赛项，请检查地址中的赛项编号。<span class="en">No such event: check the event number in the address.</span>';
      problem(`<b>无法显示路演 <span class="en">Cannot show the roadshow</span></b>${reason}`);
    },
    onStatus: (status) => {
      if (failed) return;
      $('connection').textContent = status === 'open' ? '实时连接 · Live' : '重新连接中… · Reconnecting…';
      $('connection').className = `connection ${status}`;
    },
  });
  client.start();
  loadProgramme();
  return client;
}
