// The enterprise's phone page: publish a need (一企一档案 keeps it), follow its state, and confirm and rate the
// service once the craftsman has recorded it.
import { $, el, api, signedIn, state, attempt, Refused, newKey, fileRefusal, upload, fileLine, size } from './common.js';

const KINDS = [['TECHNICAL_SUPPORT', '技术支持 technical support'], ['SKILL_UPGRADE', '技能提升 skill upgrading'],
  ['INNOVATION', '创新攻关 innovation breakthrough'], ['SAFETY', '安全生产 production safety'],
  ['MANAGEMENT', '管理服务 management service'], ['IDEOLOGY', '思想引领 ideological guidance']];
const MODES = [['ONSITE_ONE_TO_ONE', '一对一现场指导 one-to-one on site'], ['TRAINING_ONE_TO_MANY', '一对多培训指导 one-to-many training'],
  ['PAIRING', '点对点结对服务 point-to-point pairing'], ['INVITED_TASKFORCE', '请进来专项攻关 invited task force']];
const URGENCY = [['NORMAL', '一般（30 天内）normal (30 days)'], ['URGENT', '紧急（7 天内）urgent (7 days)']];

const options = (select, pairs) => pairs.forEach(([v, label]) => select.append(el('option', { value: v }, label)));

let account;

async function start(who) {
  account = who;
  const file = await api('GET', '/service/enterprises/' + who.organizationId);
  const platform = await api('GET', '/service/platforms/' + file.enterprise.platformId);
  $('chain').replaceChildren();
  options($('chain'), platform.chains.map((c) => [c.id, c.name]));
  $('chain').value = file.enterprise.chainId;
  [['kind', KINDS], ['mode', MODES], ['urgency', URGENCY]].forEach(([id, pairs]) => {
    $(id).replaceChildren();
    options($(id), pairs);
  });
  await renderNeeds();
}

async function renderNeeds() {
  const list = (await api('GET', '/service/needs')).items;
  const cards = [];
  for (const need of list) {
    const card = el('div', { class: 'card', 'data-need': need.id },
      el('h3', {}, need.title, ' ', state(need.state)),
      el('p', { class: 'muted' }, need.kind.label, ' · ', need.chain, ' · ', need.submittedOn));
    if (need.state.code === 'SUBMITTED' || need.state.code === 'RETURNED') {
      const detail = await api('GET', '/service/needs/' + need.id);
      if (detail.files.length) {
        card.append(el('p', { class: 'muted files-of' }, '附件 Files：',
          detail.files.map((f) => f.fileName + '（' + size(f.size) + '）').join('，')));
      }
    }
    if (need.state.code === 'IN_SERVICE' || need.state.code === 'COMPLETED') {
      const detail = await api('GET', '/service/needs/' + need.id);
      const order = detail.orders.find((o) => o.id === need.currentOrderId);
      if (order && order.service) {
        card.append(el('p', {}, '工匠 Craftsman：', order.craftsman || '—', ' · ', order.service.servedOn, ' · ',
          order.service.hours, ' 小时 h · 培训 trained ', order.service.workersTrained, ' · 解决问题 solved ',
          order.service.problemsSolved));
        card.append(el('p', {}, order.service.summary));
      }
      if (order && order.state.code === 'RECORDED') { card.append(rating(order)); }
      if (order && order.feedback) {
        card.append(el('p', { class: 'ok' }, '满意度 Rating ', '★'.repeat(order.feedback.satisfaction), ' ',
          order.feedback.comment || ''));
      }
    }
    if (need.state.code === 'RETURNED') {
      const detail = await api('GET', '/service/needs/' + need.id);
      const why = detail.history.filter((h) => h.action === 'RETURN').pop();
      card.append(el('p', { class: 'error' }, '退回理由 Returned because：', why ? why.reason : ''));
    }
    cards.push(card);
  }
  $('needs').replaceChildren(...(cards.length ? cards : [el('p', { class: 'muted' }, '暂无需求 No needs yet')]));
}

function rating(order) {
  let chosen = 0;
  const result = el('p', { role: 'status' });
  const stars = el('div', { class: 'stars row' });
  for (let i = 1; i <= 5; i++) {
    stars.append(el('button', { type: 'button', 'data-star': i, onclick: () => {
      chosen = i;
      stars.querySelectorAll('button').forEach((b) => b.classList.toggle('on', Number(b.dataset.star) <= i));
    } }, '★'));
  }
  const comment = el('input', { placeholder: '评价（可选） comment (optional)', maxlength: 1000 });
  const confirm = el('button', { type: 'button', class: 'confirm', onclick: () => attempt(result, async () => {
    if (!chosen) { throw new Refused(400, '请先选择满意度 / choose a rating first'); }
    await api('POST', '/service/orders/' + order.id + '/confirm',
      comment.value.trim() ? { satisfaction: chosen, comment: comment.value.trim() } : { satisfaction: chosen });
    await renderNeeds();
  }) }, '确认服务并评价 Confirm and rate');
  return el('div', {}, el('p', {}, '请确认服务并评价满意度（1–5）Please confirm the service and rate it (1–5)'),
    stars, comment, confirm, result);
}

// Photos wait here until the need is published; then each goes up with its own progress bar.
let chosen = [];
let publishKey = null;

function choose(input) {
  for (const file of input.files) {
    const line = fileLine(file);
    const refusal = fileRefusal(file);
    if (refusal) { line.failed(refusal); } else if (chosen.length >= 9) {
      line.failed('最多 9 个附件 / at most 9 files');
    } else { chosen.push({ file, line }); }
    $('chosen').append(line.line);
  }
  input.value = '';
}
$('camera').addEventListener('change', () => choose($('camera')));
$('files').addEventListener('change', () => choose($('files')));

$('need-form').addEventListener('submit', (event) => {
  event.preventDefault();
  attempt($('form-result'), async () => {
    const body = { title: $('title').value.trim(), description: $('description').value.trim(),
      chainId: Number($('chain').value), kind: $('kind').value, mode: $('mode').value, urgency: $('urgency').value,
      place: $('place').value.trim() };
    // the same key until the server answers: a tap again after a lost reply answers the same need
    publishKey = publishKey || newKey();
    let need;
    try {
      need = await api('POST', '/service/needs', body, { 'Idempotency-Key': publishKey });
    } catch (e) {
      // a refusal stored nothing under the key; only a lost or failed reply keeps it for the retry
      if (e instanceof Refused && e.status > 0 && e.status < 500) { publishKey = null; }
      throw e;
    }
    publishKey = null;
    $('publish').disabled = true;
    let failed = 0;
    for (const { file, line } of chosen) {
      try {
        await upload('/service/needs/' + need.id + '/files', file, line.progress);
        line.done();
      } catch (e) {
        line.failed(e.message);
        failed++;
      }
    }
    chosen = [];
    $('publish').disabled = false;
    $('need-form').reset();
    $('chain').value = need.chainId;
    $('form-result').className = failed ? 'error' : 'ok';
    $('form-result').textContent = failed
      ? '需求已提交，但有 ' + failed + ' 个附件未上传 / the need is submitted, but ' + failed + ' file(s) were not uploaded'
      : '已提交，等待工会审核 / submitted; the union will review it';
    await renderNeeds();
  });
});

signedIn(['ENTERPRISE'], start);
