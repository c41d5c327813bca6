// Draws of lots (抽签): entry codes and stations, each from a published seed. The organizer sees the seed, who drew
// and when, the digest, the result, and the verification anyone can run (docs/api.md, "Draws of lots").
import { api, newKey } from './api.js';
import { t, when } from './i18n.js';
import { h, fill, field, table, okBox, run, button, announce } from './parts.js';

export async function drawsSection(body, event, reload) {
  const list = await api('GET', '/api/events/' + event.id + '/draws');
  const done = new Set(list.items.map(d => d.kind));
  const shown = h('div', { 'data-test': 'draw-shown' });
  // Once the score log has a record no draw can be made: the buttons say so instead of failing.
  const closed = list.judgingStarted ? t('已开始评分，不能再抽签', 'Judging has started; no more draws') : null;
  fill(body,
    h('p', { class: 'muted' }, t('抽签按公开的种子进行，任何人可用种子复核结果。先完成报名再抽签；每种抽签每个赛项只做一次，开始评分后不能再抽。',
      'Each draw runs from a published seed, so anyone can re-run it. Register everyone first; each kind is drawn once per event, and not after judging has started.')),
    list.items.length ? table([t('抽签', 'Draw'), t('种子', 'Seed'), t('人数', 'Entrants'), t('抽签人', 'Drawn by'), t('时间', 'When'), ''],
      list.items.map(d => ({ attrs: { 'data-test': 'draw-row', 'data-kind': d.kind, 'data-id': d.id }, cells: [
        d.kindLabel, h('code', { 'data-test': 'draw-seed' }, d.seed), d.entrants, d.drawnBy ? d.drawnBy.name || d.drawnBy.accountId : '—',
        when(d.drawnAt), button(t('查看结果', 'Show result'), 'draw-show', async () => {
          fill(shown, await drawView(event, await api('GET', '/api/events/' + event.id + '/draws/' + d.id)));
          shown.scrollIntoView({ block: 'nearest' });
        }, 'small')] })), 'draw-table')
      : h('p', { class: 'muted' }, t('尚未抽签。', 'Nothing drawn yet.')),
    shown,
    done.has('ENTRY_CODES') ? null : entryCodesForm(event, reload, closed),
    done.has('STATIONS') ? null : stationsForm(event, reload, closed));
}

/** A draw button disabled with its reason beside it when the draw can no longer be made. */
function closedButton(go, closed) {
  if (!closed) {
    return go;
  }
  go.disabled = true;
  return h('div', { class: 'row' }, go, h('span', { class: 'jx-why', 'data-test': 'draw-closed' }, closed));
}

function entryCodesForm(event, reload, closed) {
  const seed = h('input', { type: 'text', 'data-test': 'draw-codes-seed', maxlength: 200, placeholder: t('留空则由服务器随机生成', 'leave empty for a server-chosen seed') });
  const prefix = h('input', { type: 'text', 'data-test': 'draw-codes-prefix', maxlength: 10, placeholder: t('例如 H（可选）', 'e.g. H (optional)') });
  const out = h('div', {});
  const key = newKey();
  const go = button(t('抽签：参赛号', 'Draw the entry codes'), 'draw-codes', async () => {
    const drawn = await run(go, out, () => api('POST', '/api/events/' + event.id + '/draws',
      { kind: 'ENTRY_CODES', seed: seed.value.trim() || null, prefix: prefix.value.trim() || null }, key));
    if (drawn) {
      announce(go);
      await reload();
      fill(document.querySelector('[data-test=draw-shown]'), await drawView(event, drawn));
    }
  }, 'primary');
  return h('div', { class: 'subform' }, h('h3', {}, t('第一轮：参赛号', 'Round 1: entry codes')),
    h('div', { class: 'fields' }, field(t('种子（公开）', 'Seed (published)'), seed), field(t('参赛号前缀', 'Code prefix'), prefix)), closedButton(go, closed), out);
}

function stationsForm(event, reload, closed) {
  const seed = h('input', { type: 'text', 'data-test': 'draw-stations-seed', maxlength: 200, placeholder: t('留空则由服务器随机生成', 'leave empty for a server-chosen seed') });
  const stations = h('textarea', { rows: 3, 'data-test': 'draw-stations-list', placeholder: 'A-01, A-02, A-03 …' });
  const stem = h('input', { type: 'text', value: 'A-', size: 4, 'data-test': 'station-stem' });
  const count = h('input', { type: 'number', min: 1, max: 999, value: '10', 'data-test': 'station-count' });
  const fillIn = button(t('生成工位号', 'Generate'), 'station-generate', () => {
    const n = Math.max(1, Math.min(999, Number(count.value) || 0));
    const width = Math.max(2, String(n).length);
    stations.value = Array.from({ length: n }, (_, i) => stem.value + String(i + 1).padStart(width, '0')).join(', ');
  }, 'small');
  const out = h('div', {});
  const key = newKey();
  const go = button(t('抽签：工位号', 'Draw the stations'), 'draw-stations', async () => {
    const list = stations.value.split(/[\s,，、;；]+/).map(s => s.trim()).filter(Boolean);
    const drawn = await run(go, out, () => api('POST', '/api/events/' + event.id + '/draws',
      { kind: 'STATIONS', seed: seed.value.trim() || null, stations: list }, key));
    if (drawn) {
      announce(go);
      await reload();
      fill(document.querySelector('[data-test=draw-shown]'), await drawView(event, drawn));
    }
  }, 'primary');
  return h('div', { class: 'subform' }, h('h3', {}, t('第二轮：工位号（开赛前约 20 分钟）', 'Round 2: stations (about 20 minutes before the start)')),
    h('div', { class: 'fields' }, field(t('种子（公开）', 'Seed (published)'), seed),
      field(t('工位号（逗号或换行分隔，不少于参赛人数）', 'Stations (comma or line separated, at least one per entrant)'), stations)),
    h('div', { class: 'row' }, field(t('前缀', 'Stem'), stem), field(t('数量', 'Count'), count), fillIn), closedButton(go, closed), out);
}

/** One draw as it is published, with its result and a verification run against the server's record. */
async function drawView(event, draw) {
  const verification = '/api/events/' + event.id + '/draws/' + draw.id + '/verification';
  const check = h('div', {});
  const verify = button(t('复核', 'Verify'), 'draw-verify', async () => {
    const result = await run(verify, check, () => api('GET', verification));
    if (result) {
      fill(check, result.matches && result.registrationsAgree
        ? okBox(t('复核一致：按种子重算的摘要相同，报名记录与抽签结果一致。', 'Verified: the recomputed digest matches and the registrations carry the drawn values.'), 'draw-verified')
        : h('div', { class: 'notice bad', 'data-test': 'draw-mismatch' }, t('复核不一致：', 'Mismatch: '),
          JSON.stringify({ matches: result.matches, registrationsAgree: result.registrationsAgree })));
    }
  }, 'small');
  const assignment = draw.assignment || [];
  return h('div', { class: 'draw card inner', 'data-test': 'draw-result', 'data-id': draw.id, 'data-kind': draw.kind },
    h('h3', {}, draw.kindLabel || draw.kind),
    h('dl', { class: 'facts' },
      h('dt', {}, t('种子', 'Seed')), h('dd', {}, h('code', { 'data-test': 'draw-result-seed' }, draw.seed),
        draw.seedSource === 'SERVER' ? t('（服务器生成）', ' (server-chosen)') : ''),
      h('dt', {}, t('算法', 'Algorithm')), h('dd', {}, draw.algorithm),
      h('dt', {}, t('摘要', 'Digest')), h('dd', {}, h('code', { class: 'wrap' }, draw.digest)),
      h('dt', {}, t('抽签人 / 时间', 'Drawn by / at')), h('dd', {}, (draw.drawnBy ? draw.drawnBy.name || draw.drawnBy.accountId : '—') + ' · ' + when(draw.drawnAt)),
      h('dt', {}, t('公开复核', 'Public verification')), h('dd', {}, h('a', { href: verification, target: '_blank', rel: 'noopener', 'data-test': 'draw-verification-link' },
        location.origin + verification))),
    h('div', { class: 'row' }, verify, check),
    assignment.length ? table([t('报名号', 'Registration'), t('选手', 'Entrant'), draw.kind === 'STATIONS' ? t('工位', 'Station') : t('参赛号', 'Entry code')],
      assignment.map(a => ({ attrs: { 'data-test': 'draw-assigned' }, cells: [a.registrationId, a.name || '—', h('strong', {}, a.value)] })), 'draw-assignment') : null,
    h('p', { class: 'muted' }, t('离线复核：java -jar jiangxin-server.jar draw-verify --seed 种子 --ids 报名号列表', 'Offline: java -jar jiangxin-server.jar draw-verify --seed SEED --ids REGISTRATION_IDS')));
}
