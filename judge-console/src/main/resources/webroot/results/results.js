// The public results page (成绩公示): /results/?contest=ID, or /results/?event=ID for one event.
// It shows only what GET /api/contests/{id}/results (or /api/events/{id}/results) answers to the public:
// published events with their ranked lines, awards and team ranking; other events by name and state.
import { refusal } from '../shared/ui.js';

const params = new URLSearchParams(location.search);
const contestId = Number(params.get('contest')) || null;
const eventId = Number(params.get('event')) || null;
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v != null) node.setAttribute(k, v);
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

const en = (text) => el('span', { class: 'en' }, text);
const bilingual = (zh, english) => [zh, ' ', en(english)];

function when(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The event's state as the notice board says it, zh-CN first. */
function stateBadge(event) {
  let kind = event.state;
  let text;
  if (event.state === 'NOTICE' && event.awaitingRuling) {
    text = bilingual('公示期满，申诉裁决中', 'notice ended; awaiting an appeal ruling');
  } else if (event.state === 'NOTICE') {
    text = bilingual(`公示中，至 ${when(event.appealsCloseAt)}`, `public notice until ${when(event.appealsCloseAt)} (Beijing time)`);
  } else if (event.state === 'FINAL') {
    text = bilingual('已公布（最终成绩）', 'final results');
  } else if (event.underReview) {
    kind = 'REVIEW';
    text = bilingual('复核中', 'under review after an upheld appeal');
  } else {
    text = bilingual('未公布', 'not yet published');
  }
  return el('div', { class: `state state-${kind}`, 'data-test': 'state', 'data-state': event.state,
    'data-under-review': String(!!event.underReview) }, text);
}

function award(line) {
  if (!line.award) return el('td', { class: 'award' });
  return el('td', { class: `award award-${line.award.code}` }, bilingual(line.award.nameZh, line.award.nameEn));
}

function linesTable(event) {
  const body = el('tbody');
  for (const line of event.lines) {
    const who = event.namesShown ? (line.members || []).map((m) => m.name).join('、') : '—';
    body.append(el('tr', { 'data-entry': line.entryCode },
      el('td', { class: 'rank' }, line.rank == null ? '—' : (line.tied ? `${line.rank}=` : line.rank)),
      el('td', { class: 'code' }, line.entryCode),
      el('td', { class: 'name' }, line.teamName ? `${line.teamName}（${who}）` : who),
      el('td', { class: 'organization' }, (line.organizations || []).join('、')),
      el('td', { class: 'total' }, line.total),
      award(line)));
  }
  return el('div', { class: 'jx-table-wrap' }, el('table', { class: 'lines' },
    el('thead', {}, el('tr', {},
      el('th', {}, bilingual('名次', 'Rank')), el('th', {}, bilingual('参赛号', 'Entry')),
      el('th', {}, bilingual('姓名', 'Name')), el('th', {}, bilingual('单位', 'Enterprise')),
      el('th', { class: 'total' }, bilingual('总分', 'Total')), el('th', {}, bilingual('奖项', 'Award')))),
    body));
}

function teamsTable(teams) {
  const body = el('tbody');
  for (const team of teams) {
    body.append(el('tr', { 'data-team': team.organization },
      el('td', { class: 'rank' }, team.rank == null ? '—' : (team.tied ? `${team.rank}=` : team.rank)),
      el('td', { class: 'organization' }, team.organization),
      el('td', { class: 'total' }, team.total)));
  }
  return el('div', { class: 'jx-table-wrap' }, el('table', { class: 'teams' },
    el('thead', {}, el('tr', {}, el('th', {}, bilingual('名次', 'Rank')), el('th', {}, bilingual('单位', 'Enterprise')),
      el('th', { class: 'total' }, bilingual('团体总分', 'Team total')))),
    body));
}

function eventSection(event) {
  const section = el('section', { class: 'event', 'data-event': event.eventId },
    el('h2', {}, event.eventName, event.trade && event.trade !== event.eventName ? en(` · ${event.trade}`) : ''),
    stateBadge(event));
  if (event.provisional) {
    section.append(el('p', { class: 'provisional' }, bilingual('暂定成绩，尚未公示', 'provisional results, not yet published')));
  }
  if (event.publishedAt) {
    section.append(el('p', { class: 'en published' }, `公示发布于 ${when(event.publishedAt)} · published ${when(event.publishedAt)}`));
  }
  if (Array.isArray(event.lines)) {
    section.append(linesTable(event));
    if (event.teams && event.teams.length) {
      section.append(el('h3', {}, bilingual('团体排名', 'Team ranking')), teamsTable(event.teams));
    }
  }
  if (event.log && event.log.seq > 0) {
    // The score log's head as of this notice: whoever keeps a printout can later ask the organizers to check
    // that the log still holds this record, so a log cut after publication does not go unseen.
    section.append(el('p', { class: 'log-anchor', 'data-test': 'log-anchor' },
      `评分日志校验码：第 ${event.log.seq} 条记录 · SHA-256 ${event.log.hash}`,
      en(` · score log: record ${event.log.seq}, hash as above`)));
  }
  return section;
}

function render(contest, events) {
  if (contest) {
    $('contest').replaceChildren(`${contest.contestName} 成绩公示 `, en('Published results'));
    $('meta').textContent = [contest.organizer, contest.year].filter(Boolean).join(' · ');
    document.title = `${contest.contestName} · 成绩公示`;
  }
  $('events').replaceChildren(...events.map(eventSection));
  $('message').replaceChildren(events.length ? '' : bilingual('暂无赛项', 'no events yet'));
  document.body.dataset.loaded = 'true';
}

/** Without a contest in the address: the contests to choose from (training assessments are never public). */
async function listContests() {
  const response = await fetch('/api/contests?limit=500', { headers: { Accept: 'application/json' } });
  const json = await response.json().catch(() => ({ items: [] }));
  const contests = (json.items || []).filter((c) => c.kind !== 'TRAINING');
  const list = el('ul', { class: 'contests' }, contests.map((c) =>
    el('li', {}, el('a', { href: `?contest=${c.id}` }, `${c.name}`), en(` · ${c.organizer || ''} ${c.year || ''}`))));
  $('events').replaceChildren(list);
  $('message').replaceChildren(...bilingual('请选择竞赛', 'choose a contest'));
  document.body.dataset.loaded = 'true';
}

async function load() {
  if (!contestId && !eventId) {
    await listContests();
    return;
  }
  const path = contestId ? `/api/contests/${contestId}/results` : `/api/events/${eventId}/results`;
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const r = refusal(response.status, json);
    $('message').replaceChildren(...bilingual(r.zh, r.en));
    $('message').className = 'message error';
    document.body.dataset.loaded = 'error';
    return;
  }
  if (contestId) render(json, json.events);
  else render(null, [json]);
}

$('print').addEventListener('click', () => window.print());
load().catch(() => {
  const r = refusal(0, { error: 'NETWORK' });
  $('message').replaceChildren(...bilingual(r.zh, r.en));
  $('message').className = 'message error';
});
