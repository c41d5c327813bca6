// The organizer's ladder page, workers' panel: pick a worker of the ladder's organization, see their standing, and
// record evidence (patents, adopted proposals, 送技入企, honours, certificates, hours), training courses with
// attendance, and 师带徒 pairs with progress. Every write is priced at once; the page then reloads the candidates
// and this worker's standing, so the effect is visible. Uses the helpers ladder.js shares as window.JiangxinLadder.
(function () {
  'use strict';
  const L = window.JiangxinLadder;
  const $ = (id) => document.getElementById(id);
  const zh = () => L.lang() === 'zh';
  const say = (z, e) => zh() ? z : e;

  const KINDS = { INNOVATION: ['创新成果', 'innovation'], TECH_SERVICE: ['送技入企', 'technical service'],
    HONOUR: ['荣誉', 'honour'], CERTIFICATE: ['职业资格证书', 'certificate'], TRAINING_HOURS: ['培训学时', 'training hours'],
    TRAINING_ASSESSMENT: ['培训考核', 'training assessment'] };
  const QUALIFIERS = {
    INNOVATION: { PATENT_INVENTION: ['发明专利', 'invention patent'], PATENT_UTILITY: ['实用新型专利', 'utility model patent'],
      ADOPTED_PROPOSAL: ['合理化建议（已采纳）', 'adopted improvement proposal'] },
    TECH_SERVICE: { VISIT: ['送技入企（上门服务）', 'service visit to an enterprise'] },
    TRAINING_ASSESSMENT: { PASSED: ['合格', 'passed'], FAILED: ['不合格', 'failed'] }
  };
  const LEVELS = { ENTERPRISE: ['企业级', 'enterprise'], COUNTY: ['县级', 'county'], CITY: ['市级', 'city'],
    PROVINCE: ['省级', 'provincial'], NATIONAL: ['国家级', 'national'] };
  const GRADES = { JUNIOR: ['初级工', 'junior'], INTERMEDIATE: ['中级工', 'intermediate'], SENIOR: ['高级工', 'senior'],
    TECHNICIAN: ['技师', 'technician'], SENIOR_TECHNICIAN: ['高级技师', 'senior technician'] };
  const ASSESSMENTS = { '': ['无考核', 'no assessment'], PASSED: ['合格', 'passed'], FAILED: ['不合格', 'failed'] };
  const PROGRESS = { GRADE_REACHED: ['达到等级', 'reached a grade'], HONOUR_WON: ['获得荣誉', 'won an honour'],
    MILESTONE: ['完成目标', 'met a goal'] };
  const GOALS = { OPEN: ['进行中', 'open'], MET: ['已达成', 'met'], OVERDUE: ['逾期', 'overdue'] };

  let organizationId = null;
  let people = [];
  let courses = [];
  let page = null;

  const person = () => $('person').value;
  const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const value = (id) => $(id).value.trim();

  function options(select, entries) {
    const previous = select.value;
    select.replaceChildren(...entries.map(([code, label]) => L.el('option', { value: code }, label)));
    if (entries.some(([code]) => code === previous)) { select.value = previous; }
  }
  const pairs = (table) => Object.entries(table).map(([code, pair]) => [code, L.t(pair)]);

  function message(text, isError) {
    $('people-message').textContent = text;
    $('people-message').className = isError ? 'error' : 'notice';
  }

  function fillStatic() {
    options($('ev-kind'), pairs(KINDS));
    options($('ev-level'), pairs(LEVELS));
    options($('ev-grade'), pairs(GRADES));
    options($('mentor-goal-grade'), [['', say('（不限）', '(none)')]].concat(pairs(GRADES)));
    options($('attend-assessment'), pairs(ASSESSMENTS));
    options($('progress-kind'), pairs(PROGRESS));
    options($('progress-grade'), pairs(GRADES));
    options($('progress-level'), pairs(LEVELS));
    ['ev-date', 'course-date', 'mentor-start', 'progress-date'].forEach((id) => { if (!$(id).value) { $(id).value = today(); } });
    showKindFields();
    showProgressFields();
  }

  function showKindFields() {
    const kind = $('ev-kind').value;
    options($('ev-qualifier'), pairs(QUALIFIERS[kind] || {}));
    document.querySelector('#evidence-form .for-qualifier').hidden = !QUALIFIERS[kind];
    document.querySelector('#evidence-form .for-level').hidden = kind !== 'HONOUR';
    document.querySelector('#evidence-form .for-grade').hidden = kind !== 'CERTIFICATE';
    document.querySelector('#evidence-form .for-hours').hidden = kind !== 'TRAINING_HOURS';
  }

  function showProgressFields() {
    const kind = $('progress-kind').value;
    document.querySelector('#mentoring-form .for-progress-grade').hidden = kind !== 'GRADE_REACHED';
    document.querySelector('#mentoring-form .for-progress-level').hidden = kind !== 'HONOUR_WON';
    document.querySelector('#mentoring-form .for-progress-ref').hidden = kind !== 'MILESTONE';
  }

  /** Runs after each load of the ladder page (ladder change, a decision, the language toggle). */
  async function refresh() {
    const ladder = L.ladder();
    if (!ladder) { return; }
    fillStatic();
    if (ladder.organizationId !== organizationId) {
      organizationId = ladder.organizationId;
      people = (await L.api('GET', '/people?organizationId=' + organizationId + '&limit=500')).items;
    }
    courses = (await L.api('GET', '/ladder/courses?organizationId=' + organizationId)).items;
    const label = (p) => p.name + ((p.employeeNo || p.trade) ? '（' + [p.employeeNo, p.trade].filter(Boolean).join(' · ') + '）' : '');
    options($('person'), people.map((p) => [String(p.id), label(p)]));
    options($('apprentice'), people.filter((p) => String(p.id) !== person()).map((p) => [String(p.id), label(p)]));
    options($('course'), courses.map((c) => [String(c.id), c.name + '（' + c.code + ' · ' + c.hours + say(' 学时', ' h') + '）']));
    await showPerson();
  }

  async function showPerson() {
    if (!person()) { $('standing').replaceChildren(); return; }
    $('worker-link').href = '/worker/?person=' + encodeURIComponent(person());
    page = await L.api('GET', '/ladder/people/' + encodeURIComponent(person()));
    const tiers = page.tiers.map((h) => h.ladderName + '：' + (h.current ? h.current.tierName : say('无', 'none'))).join('；');
    const ledgers = page.points.map((config) => L.el('div', { class: 'ledger', 'data-config': config.config },
      ...config.standings.map((s) => L.el('div', { class: 'standing', 'data-scheme': s.scheme },
        L.el('p', {}, (L.text(s.schemeName) || say('积分', 'Points')) + say('：计入总分 ', ': counted total '), L.el('b', { class: 'total' }, s.total)),
        L.el('table', {}, L.el('tbody', {}, s.categories.map((c) => L.el('tr', { 'data-category': c.category },
          L.el('td', {}, L.text(c.name)), L.el('td', { class: 'counted' }, c.counted),
          L.el('td', { class: 'muted' }, c.cap ? say('封顶 ', 'cap ') + c.cap : '')))))))));
    $('standing').replaceChildren(L.el('p', { id: 'standing-person', 'data-person': page.person.id },
      page.person.name + ' · ' + (tiers || say('尚无层级', 'no tier yet'))),
    ...(ledgers.length ? ledgers : [L.el('p', { class: 'muted' }, say('暂无积分', 'no points yet'))]));
    const mine = page.apprentices;
    options($('progress-pair'), mine.map((m) => [String(m.id), m.mentor + ' → ' + m.apprentice + '（' + m.startedOn + '）']));
    $('pairs').replaceChildren(...mine.map((m) => L.el('div', { class: 'pair', 'data-mentorship': m.id },
      L.el('b', {}, m.mentor + ' → ' + m.apprentice), ' · ' + m.startedOn + ' · ',
      m.goals.map((g) => g.goalId + ' ' + g.description + '（' + L.t(GOALS[g.status]) + '）').join('；'),
      m.progress.length ? L.el('ul', {}, m.progress.map((p) => L.el('li', {}, p.date + ' · ' + L.t(PROGRESS[p.kind])
        + (p.grade ? ' · ' + L.t(GRADES[p.grade]) : '') + (p.description ? ' · ' + p.description : '')))) : '')));
  }

  /** Posts, says how many ledger entries the write added, and reloads candidates and standing. */
  async function write(path, body, what) {
    try {
      const done = await L.api('POST', path, body);
      const posted = done.posted == null ? '' : say('，新增积分分录 ' + done.posted + ' 条', '; ' + done.posted + ' new ledger entries');
      message(what + posted);
      await L.reload();
      return done;
    } catch (e) {
      message(e.message, true);
      return null;
    }
  }

  async function recordEvidence() {
    const kind = $('ev-kind').value;
    const body = { personId: Number(person()), kind, reference: value('ev-reference'), effectiveOn: $('ev-date').value };
    if (QUALIFIERS[kind]) { body.qualifier = $('ev-qualifier').value; }
    if (value('ev-title')) { body.title = value('ev-title'); }
    if (kind === 'HONOUR') { body.level = $('ev-level').value; }
    if (kind === 'CERTIFICATE') { body.grade = $('ev-grade').value; }
    if (kind === 'TRAINING_HOURS') { body.hours = Number($('ev-hours').value); }
    await write('/ladder/evidence', body, say('已登记证据 ', 'Evidence recorded: ') + body.reference);
  }

  async function createCourse() {
    const created = await write('/ladder/courses', { organizationId, code: value('course-code'), name: value('course-name'),
      hours: Number($('course-hours').value), heldOn: $('course-date').value }, say('已新建课程 ', 'Course created: ') + value('course-name'));
    if (created) { $('course').value = String(created.id); }
  }

  async function attend() {
    const body = { personId: Number(person()), hours: Number($('attend-hours').value) };
    if ($('attend-assessment').value) { body.assessment = $('attend-assessment').value; }
    await write('/ladder/courses/' + encodeURIComponent($('course').value) + '/attendance', body,
      say('已登记出勤', 'Attendance recorded'));
  }

  async function pair() {
    const goal = { description: value('mentor-goal') };
    if ($('mentor-goal-grade').value) { goal.targetGrade = $('mentor-goal-grade').value; }
    const done = await write('/ladder/mentorships', { mentorId: Number(person()), apprenticeId: Number($('apprentice').value),
      startedOn: $('mentor-start').value, goals: goal.description ? [goal] : [] }, say('已结对', 'Pair created'));
    if (done) { $('progress-pair').value = String(done.id); }
  }

  async function progress() {
    const kind = $('progress-kind').value;
    const body = { kind, date: $('progress-date').value };
    if (kind === 'GRADE_REACHED') { body.grade = $('progress-grade').value; }
    if (kind === 'HONOUR_WON') { body.honourLevel = $('progress-level').value; }
    if (kind === 'MILESTONE') { body.evidenceRef = value('progress-ref'); }
    if (value('progress-description')) { body.description = value('progress-description'); }
    await write('/ladder/mentorships/' + encodeURIComponent($('progress-pair').value) + '/progress', body,
      say('已记录进展', 'Progress recorded'));
  }

  $('ev-kind').addEventListener('change', showKindFields);
  $('progress-kind').addEventListener('change', showProgressFields);
  $('person').addEventListener('change', () => {
    message('');
    refresh().catch((e) => message(e.message, true));
  });
  $('ev-submit').addEventListener('click', recordEvidence);
  $('course-create').addEventListener('click', createCourse);
  $('attend-submit').addEventListener('click', attend);
  $('mentor-create').addEventListener('click', pair);
  $('progress-submit').addEventListener('click', progress);
  L.onLoad.push(refresh);
}());
