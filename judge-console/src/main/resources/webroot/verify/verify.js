// 证书查验: reads ?code=, asks GET /api/certificates/{code} and shows what the certificate says, whether it
// still stands, and where the event's results stand now (公示中, 最终成绩, or 复核中 while an upheld appeal has
// reopened them: the certificate may then be corrected). zh-CN first, English alongside.

const form = document.getElementById('form');
const input = document.getElementById('code');
const result = document.getElementById('result');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach(c => node.append(c));
  return node;
}

function bilingual(zh, en) {
  return [zh, el('span', { class: 'en' }, en)];
}

function show(state, heading, rows = [], note = null, resultsState = '') {
  result.hidden = false;
  result.className = state;
  result.dataset.state = state;
  result.dataset.resultsState = resultsState;
  result.replaceChildren(el('h2', {}, ...heading));
  if (rows.length) {
    const dl = el('dl');
    rows.forEach(([zh, en, value, key]) => {
      dl.append(el('dt', {}, ...bilingual(zh, en)), el('dd', { 'data-field': key }, value ?? ''));
    });
    result.append(dl);
  }
  if (note) {
    result.append(el('p', { 'data-field': 'reason' }, note));
  }
}

async function check(raw) {
  const code = raw.trim();
  if (!code) {
    return;
  }
  result.hidden = true;
  result.dataset.state = 'checking';
  let response;
  try {
    response = await fetch('/api/certificates/' + encodeURIComponent(code), { headers: { Accept: 'application/json' } });
  } catch (e) {
    show('error', bilingual('无法连接服务器，请稍后再试', 'The server cannot be reached; try again shortly'));
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 400) {
    show('malformed', bilingual('编号格式不对', 'This is not a certificate code'), [], body.message);
    return;
  }
  if (response.status === 404) {
    show('unknown', bilingual('查无此证书', 'No certificate has this code'), [],
      '请核对编号；伪造或抄错的编号都查不到。 Check the code: a forged or mistyped one is not found.');
    return;
  }
  if (!response.ok) {
    show('error', bilingual('查验失败', 'The check failed'), [], body.message);
    return;
  }
  const rows = [
    ['证书编号', 'Code', body.code, 'code'],
    ['获奖者', 'Awarded to', (body.names || []).join('、'), 'names'],
    ['团队', 'Team', body.team, 'team'],
    ['单位', 'Enterprise', body.enterprise, 'enterprise'],
    ['竞赛', 'Contest', body.contest, 'contest'],
    ['赛项', 'Event', body.event, 'event'],
    ['奖项', 'Award', `${body.award} ${body.awardEn || ''}`.trim(), 'award'],
    ['颁发日期', 'Issued on', body.issuedOn, 'issuedOn'],
    ['成绩状态', 'Results', resultsText(body), 'resultsState'],
  ].filter(row => row[2]);
  const results = body.underReview ? 'UNDER_REVIEW' : (body.resultsState || '');
  if (!body.valid) {
    show('revoked', bilingual('✘ 证书已作废', 'This certificate has been revoked'), rows,
      `作废原因 Reason: ${body.reason || ''}`, results);
  } else if (body.underReview) {
    show('valid', bilingual('✔ 证书有效（成绩复核中）', 'Valid certificate (results under review)'), rows,
      '该赛项成绩因申诉成立正在复核，复核后证书可能更正或作废。 The event\'s results are under review after an upheld appeal; this certificate may be corrected or revoked.', results);
  } else {
    show('valid', bilingual('✔ 证书有效', 'Valid certificate'), rows, null, results);
  }
}

/** Where the event's results stand now, as the public results page says it. */
function resultsText(body) {
  const time = iso => iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
  if (body.underReview) {
    return '成绩复核中 results under review';
  }
  switch (body.resultsState) {
    case 'NOTICE': return `公示中，至 ${time(body.appealsCloseAt)} in public notice until ${time(body.appealsCloseAt)} (Beijing time)`;
    case 'FINAL': return '已公布（最终成绩） final results';
    case 'UNPUBLISHED': return '未公布 not published';
    default: return '';
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const code = input.value.trim();
  history.replaceState(null, '', '?code=' + encodeURIComponent(code));
  check(code);
});

const initial = new URLSearchParams(location.search).get('code');
if (initial) {
  input.value = initial;
  check(initial);
}
