// The public board's policy, freeze (封榜), reveal step by step (揭榜) and unfreeze; and how far judging has got:
// locked sheets, the head judge's sign-off and the jury standings. Each board action is a score-log record, sent
// with its own Idempotency-Key.
import { api, newKey, ApiError } from './api.js';
import { t, pick } from './i18n.js';
import { h, fill, table, okBox, run, button, announce } from './parts.js';

const POLICIES = [['PROVISIONAL', '显示暂定成绩（锁定前标注“暂定”）', 'Provisional totals (marked until locked)'],
  ['LOCKED_ONLY', '只显示已锁定的评分表', 'Locked sheets only']];

const ENTRY_STATUS = { ZEROED: ['违规记零分', 'zeroed'], DISQUALIFIED: ['取消资格', 'disqualified'] };

export async function boardSection(body, event, reload) {
  let board;
  try {
    board = await api('GET', '/api/events/' + event.id + '/board?view=PUBLIC');
  } catch (e) {
    if (e instanceof ApiError && e.code === 'PRIVATE_BOARD') {
      fill(body, h('div', { class: 'notice info', 'data-test': 'board-private' }, pick(e.body.message)));
      return;
    }
    throw e;
  }
  const out = h('div', { 'data-test': 'board-result' });
  const act = (label, testId, path, cls, done) => {
    const b = button(label, testId, async () => {
      const result = await run(b, out, () => api('POST', '/api/events/' + event.id + '/board/' + path, undefined, newKey()));
      if (result) {
        announce(body);
        await reload();
        body.prepend(okBox(done(result), testId + '-done'));
      }
    }, cls);
    return b;
  };
  const policy = h('select', { 'data-test': 'board-policy' },
    POLICIES.map(([v, zh, en]) => h('option', { value: v, selected: v === board.policy }, t(zh, en))));
  // Team and enterprise boards would tell the audience which entry is whose, so they wait for names unless this says.
  const teamsEarly = h('input', { type: 'checkbox', 'data-test': 'board-teams-early', checked: !!board.showTeamsBeforeNames });
  const setPolicy = button(t('应用', 'Apply'), 'board-policy-set', async () => {
    const setting = { policy: policy.value, showTeamsBeforeNames: teamsEarly.checked };
    if (await run(setPolicy, out, () => api('PUT', '/api/events/' + event.id + '/board/policy', setting, newKey()))) {
      await reload();
      body.prepend(okBox(t('公开榜显示方式已更新', 'The public board policy is set'), 'board-policy-done'));
    }
  }, 'small');
  fill(body,
    h('dl', { class: 'facts', 'data-test': 'board-state', 'data-frozen': String(board.frozen), 'data-reveals-left': board.revealsLeft,
      'data-policy': board.policy, 'data-signed-off': String(board.signedOff) },
      h('dt', {}, t('公开榜', 'Public board')), h('dd', {}, board.frozen
        ? h('strong', { class: 'tag warn' }, t('已封榜', 'Frozen')) : h('strong', { class: 'tag ok' }, t('实时', 'Live'))),
      h('dt', {}, t('待揭晓', 'Reveal steps left')), h('dd', {}, String(board.revealsLeft || 0)),
      h('dt', {}, t('显示方式', 'Policy')), h('dd', {}, h('div', { class: 'row' }, policy, setPolicy),
        h('label', { class: 'check' }, teamsEarly, t('签字确认前即公开团体/企业排名（观众可据此推知各参赛号所属单位）',
          'Show team and enterprise boards before names are public (the audience can then tell which entries belong to which team)'))),
      h('dt', {}, t('榜单行数', 'Lines')), h('dd', {}, String((board.rows || []).length))),
    h('p', { class: 'muted' }, t('封榜后公开榜不再变化，评分照常进行；揭榜每次揭晓一名：当前公开榜上有未揭晓变化的最低名次（封榜后才评分的参赛号排在最下），冠军最后揭晓，可在颁奖名次前暂停；解除封榜后恢复实时。',
      'While frozen the public board holds still and judging goes on; each reveal uncovers one entry: the lowest-placed one on the current public board with hidden changes (entries judged only after the freeze count as lowest), so the winner comes last and the ceremony can pause before the award places; unfreezing makes it live again.')),
    h('div', { class: 'row' },
      board.frozen ? null : act(t('封榜', 'Freeze'), 'board-freeze', 'freeze', 'primary', () => t('已封榜', 'The board is frozen')),
      board.frozen ? revealButton(act(t('揭晓一行', 'Reveal one line'), 'board-reveal', 'reveal', board.revealsLeft ? 'primary' : '',
        r => t('已揭晓 {e}', 'Revealed {e}', { e: revealed(r) })), board.revealsLeft) : null,
      // With nothing left to reveal, unfreezing is what comes next: it becomes the main button.
      board.frozen ? act(t('解除封榜', 'Unfreeze'), 'board-unfreeze', 'unfreeze', board.revealsLeft ? '' : 'primary',
        () => t('已解除封榜', 'The board is live again')) : null,
      h('a', { class: 'btn quiet', href: '/screen/?event=' + event.id, target: '_blank', rel: 'noopener' }, t('现场大屏', 'Hall screen'))),
    out);
}

/** 揭晓一行 is disabled with the reason once every line is uncovered (the server would answer NOTHING_TO_REVEAL). */
function revealButton(b, left) {
  if (left) {
    return b;
  }
  b.disabled = true;
  return h('span', { class: 'row' }, b, h('span', { class: 'jx-why', 'data-test': 'reveal-none' },
    t('已全部揭晓', 'Everything is revealed')));
}

function revealed(result) {
  return result && (result.revealed || result.entryCode || result.entry) || '';
}

export async function signOffSection(body, event) {
  const [sheets, standings] = await Promise.all([
    api('GET', '/api/events/' + event.id + '/sheets'),
    api('GET', '/api/events/' + event.id + '/standings')]);
  const total = sheets.items.length;
  const locked = sheets.items.filter(s => s.locked).length;
  const complete = sheets.items.filter(s => s.complete).length;
  const signed = !!standings.signedOff;
  fill(body,
    h('div', { class: 'notice ' + (signed ? 'ok' : 'info'), 'data-test': 'sign-off-state', 'data-signed-off': String(signed),
      'data-locked': locked, 'data-sheets': total },
      signed ? t('裁判长已签字确认，成绩不再变动（申诉改判除外）。', 'The head judge has signed off; results no longer change (except after an upheld appeal).')
        : t('尚未签字确认：评分完成 {c}/{n}，已锁定 {l}/{n}。全部锁定后由裁判长在裁判控制台签字确认。',
          'Not signed off: {c}/{n} sheets complete, {l}/{n} locked. Once all are locked the head judge signs off in the judge console.',
          { c: complete, l: locked, n: total })),
    standings.rows.length ? table([t('名次', 'Rank'), t('参赛号', 'Entry'), t('工位', 'Station'), t('选手', 'Entrant'), t('总分', 'Total'), t('状态', 'State')],
      standings.rows.map(r => ({ attrs: { 'data-test': 'standing', 'data-entry': r.entryCode }, cells: [
        r.rank, r.entryCode || '—', r.station || '—', r.entrant || '—', r.total || '—',
        (r.locked ? t('已锁定', 'locked') : r.complete ? t('已评完', 'complete') : t('评分中', 'marking')) + (ENTRY_STATUS[r.status] ? ' · ' + t(...ENTRY_STATUS[r.status]) : '')] })),
      'standings') : h('p', { class: 'muted' }, t('尚无评分。', 'No marks yet.')));
}
