// zh-CN first, English on a toggle; the choice is kept in localStorage.

const STRINGS = {
  appName: ['匠心 · 裁判控制台', 'Jiangxin · Judge console'],
  signInTitle: ['裁判登录', 'Judge sign-in'],
  signInCode: ['登录码', 'Sign-in code'],
  signInHint: ['输入组委会发给您的登录码，或扫描二维码打开本页。', 'Enter the sign-in code the organizers gave you, or scan the QR code to open this page.'],
  signIn: ['登录', 'Sign in'],
  signingIn: ['正在登录…', 'Signing in…'],
  signOut: ['退出', 'Sign out'],
  signOutPending: ['本机还有 {n} 项评分未发送。退出后它们仍保存在本机，您再次登录后会继续发送。确定退出？', '{n} marks are still waiting to send. They stay on this tablet and are sent after you sign in again. Sign out?'],
  signOutConfirm: ['确定退出', 'Sign out'],
  cancel: ['取消', 'Cancel'],
  sessionExpired: ['登录已过期，请重新登录。未发送的评分仍保存在本机。', 'Your session has expired; sign in again. Unsent marks are kept on this tablet.'],
  otherAccountPending: ['本机保存着其他账号的 {n} 项未发送评分，该账号登录后会发送。', 'This tablet holds {n} unsent marks of another account; they are sent when that account signs in.'],
  needCode: ['请输入登录码', 'Enter your sign-in code'],
  offlineSignIn: ['当前离线，无法登录。请连接网络后重试。', 'You are offline and cannot sign in. Connect and try again.'],
  online: ['在线', 'Online'],
  offline: ['离线', 'Offline'],
  waiting: ['待发送 {n}', '{n} to send'],
  allSent: ['已全部发送', 'All sent'],
  rejectedCount: ['被拒 {n}', '{n} rejected'],
  lang: ['English', '中文'],
  back: ['返回', 'Back'],
  myEvents: ['我的赛项', 'My events'],
  noEvents: ['您不在任何赛项的裁判组中。', 'You are not on any event panel.'],
  roleJUDGE: ['裁判', 'Judge'],
  roleHEAD_JUDGE: ['裁判长', 'Head judge'],
  myEntries: ['我的评分任务', 'My entries'],
  search: ['搜索参赛号或工位', 'Search code or station'],
  all: ['全部', 'All'],
  entry: ['参赛号', 'Entry'],
  station: ['工位', 'Station'],
  noStation: ['未分配工位', 'no station'],
  stateNOT_STARTED: ['未开始', 'Not started'],
  statePARTLY_MARKED: ['部分完成', 'Partly marked'],
  stateMARKED: ['已完成', 'Marked'],
  stateLOCKED: ['已锁定', 'Locked'],
  stateNEEDS_REMARK: ['需重评', 'Needs re-mark'],
  noEntries: ['没有符合条件的参赛号。', 'No entries match.'],
  staleData: ['离线：显示的是 {t} 保存的数据。', 'Offline: showing data saved at {t}.'],
  loadFailed: ['无法加载：{m}', 'Could not load: {m}'],
  retry: ['重试', 'Retry'],
  loading: ['加载中…', 'Loading…'],
  pendingHere: ['待发送 {n}', '{n} waiting'],
  // sheet
  sheetTitle: ['参赛号 {code}', 'Entry {code}'],
  locked: ['该评分表已锁定，不能再修改。', 'This sheet is locked and cannot be changed.'],
  signedOff: ['该赛项已签字确认，不能再修改。', 'This event is signed off and cannot be changed.'],
  maximum: ['满分 {m}', 'max {m}'],
  markRange: ['评分范围 {a}–{b}，步长 {s}', 'mark {a}–{b} in steps of {s}'],
  scaleNote: ['按 {b} 分制评判，折算为 {m} 分', 'judged out of {b}, scaled to {m}'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  deducted: ['扣分', 'Deducted'],
  deductionReadOnly: ['扣分项：由裁判长记录违规，裁判无需评分', 'Deduction aspect: the head judge records violations; judges do not mark it'],
  statusSaved: ['已保存', 'Saved'],
  statusPending: ['待发送', 'Waiting to send'],
  statusDraft: ['未提交', 'Not submitted'],
  statusEmpty: ['未评分', 'Not marked'],
  statusRejected: ['被拒绝', 'Rejected'],
  statusRemark: ['需重评（第 {r} 轮）', 'Re-mark (round {r})'],
  statusInvalid: ['需修正', 'Fix this'],
  rejectedValue: ['{v} 未被接受：{m}', '{v} was not accepted: {m}'],
  dismiss: ['知道了', 'Dismiss'],
  notNumber: ['请输入数字', 'Enter a number'],
  outOfRange: ['超出范围 {a}–{b}', 'outside {a}–{b}'],
  offStep: ['须为 {s} 的整数倍', 'must be a multiple of {s}'],
  myTotal: ['本人评分合计', 'My marks total'],
  totalNote: ['已折算为各项满分，不含扣分项', 'in aspect points; deduction aspects not included'],
  moduleTotal: ['本模块', 'This module'],
  markedOf: ['已评 {a}/{b} 项', '{a} of {b} marked'],
  submit: ['提交 {n} 项', 'Submit {n}'],
  nothingToSubmit: ['没有新的评分', 'Nothing to submit'],
  fixFirst: ['{n} 项需修正', '{n} to fix'],
  confirmTitle: ['确认提交 · 参赛号 {code}', 'Confirm · entry {code}'],
  confirmIntro: ['将发送以下评分：', 'These marks will be sent:'],
  was: ['原 {v}', 'was {v}'],
  markOutOf: ['{v} 分（满分 {m}）', '{v} of {m} points'],
  markDeducted: ['扣 {v} 分（最多 {m}）', '{v} off (at most {m})'],
  confirmSend: ['确认提交', 'Confirm and send'],
  editAgain: ['返回修改', 'Back to edit'],
  queuedNote: ['评分已保存在本机，联网后自动发送。', 'Marks are kept on this tablet and sent automatically when online.'],
  // outbox
  outboxTitle: ['发送队列', 'Outbox'],
  outboxEmpty: ['没有等待发送的评分。', 'No marks are waiting to send.'],
  attempts: ['已尝试 {n} 次', '{n} attempts'],
  nextTry: ['{s} 秒后重试', 'retry in {s} s'],
  sendingNow: ['正在发送…', 'Sending…'],
  sendNow: ['立即发送', 'Send now'],
  openSheet: ['打开评分表', 'Open sheet'],
  lastError: ['上次失败：{m}', 'Last failure: {m}'],
  networkError: ['网络不可用', 'network unavailable'],
  authPaused: ['登录失效，发送已暂停。请重新登录。', 'Sign-in expired; sending is paused. Sign in again.'],
  queuedAt: ['{t} 提交', 'submitted {t}'],
  // head judge
  matrixTitle: ['评分矩阵', 'Panel matrix'],
  judgesOnline: ['裁判在线情况', 'Judges online'],
  onlineNow: ['在线', 'online'],
  notOnline: ['离线', 'offline'],
  disagreements: ['分歧 {n}', '{n} disagreements'],
  lockedCount: ['已锁定 {a}/{b}', '{a}/{b} locked'],
  total: ['总分', 'Total'],
  sheetState: ['状态', 'State'],
  notMarkedBy: ['未评', 'Not marked by'],
  lockable: ['可锁定', 'Lockable'],
  blocked: ['待处理 {n}', '{n} blockers'],
  sheetLocked: ['已锁定', 'Locked'],
  noMarksYet: ['尚无评分', 'No marks yet'],
  signOff: ['签字确认赛项', 'Sign off event'],
  signOffConfirm: ['签字确认后，所有评分表不可再修改，成绩对评审组公开姓名。确定签字确认？', 'After sign-off no sheet can change and names are revealed to the jury. Sign off?'],
  signedOffDone: ['赛项已签字确认', 'Event signed off'],
  flagDISAGREEMENT: ['分歧', 'Disagreement'],
  flagTOLERANCE_FALLBACK: ['容差回退', 'Tolerance fallback'],
  statusOVERRIDDEN: ['已改判', 'Overridden'],
  statusINCOMPLETE: ['未完成', 'Incomplete'],
  statusSCORED: ['已计分', 'Scored'],
  value: ['结果', 'Value'],
  spread: ['分差', 'Spread'],
  round: ['轮次', 'Round'],
  askRemark: ['要求重评', 'Ask re-mark'],
  override: ['改判', 'Override'],
  reason: ['理由', 'Reason'],
  needReason: ['请填写理由', 'Give a reason'],
  overrideValue: ['改判分值（按该项满分 {m} 计）', 'Value (in aspect points, max {m})'],
  lock: ['锁定评分表', 'Lock sheet'],
  unlock: ['解锁', 'Unlock'],
  recordTime: ['记录用时', 'Record time'],
  recordViolation: ['记录违规', 'Record violation'],
  completionMinutes: ['完成用时（分钟）', 'Completion time (minutes)'],
  extraMinutes: ['补时（分钟，设备故障）', 'Extra time (minutes, equipment failure)'],
  violation: ['违规项', 'Violation'],
  count: ['次数', 'Count'],
  send: ['提交', 'Send'],
  sending: ['发送中…', 'Sending…'],
  done: ['已完成', 'Done'],
  blockers: ['锁定前需处理', 'Before locking'],
  overrideReasonShown: ['改判理由：{r}', 'Override reason: {r}'],
  judge: ['裁判', 'Judge'],
  requestFailedRetry: ['未送达（{m}），可用同一请求重试。', 'Not delivered ({m}); retry sends the same request.'],
  matrixStale: ['矩阵未更新：{m}', 'Matrix not updated: {m}'],
  time: ['用时', 'Time'],
  recusedShort: ['避', 'rec.'],
  sheetSignedOff: ['赛项已签字确认，评分表不能再修改（申诉成立后由仲裁重新开启）。', 'The event is signed off; no sheet can change (unless an upheld appeal reopens it).'],
  lockWhyIncomplete: ['评分未完成，全部评完后才能锁定', 'Not every mark is in yet; the sheet locks once it is complete'],
  lockWhyBlocked: ['还有 {n} 处待处理（见下方），处理后才能锁定', '{n} blockers remain (see below); the sheet locks once they are resolved'],
  signOffWhy: ['还有 {n} 份评分表未锁定，全部锁定后才能签字确认', '{n} sheets are not locked yet; sign-off needs every sheet locked'],
  signOffNoEntries: ['本赛项没有参赛条目，无需签字确认', 'This event has no entries to sign off'],
  remarkRound: ['第 {r} 轮重评', 'Re-mark round {r}'],
  liveLost: ['实时连接中断，正在重连；重连后自动刷新。', 'Live connection lost; reconnecting, the page refreshes once it is back.'],
  timeRecorded: ['已记录净用时 {m} 分钟', 'Net time recorded: {m} min'],
  timeDeducted: ['，超时扣 {d} 分', ', {d} points off for overrun'],
  timeLimit: ['时限 {m} 分钟', 'Time limit {m} min'],
  timeNoPenalty: ['超时只记录，不扣分。', 'Running over is recorded and costs nothing.'],
  timePenaltyRule: ['超时每 {u} 分钟（不足 {u} 分钟按 {u} 分钟计）扣 {d} 分', 'Each started {u} min over the limit costs {d} points'],
  timeCap: ['，最多扣 {c} 分', ', at most {c} points'],
  timeFromAspect: ['，从“{a}”中扣除（扣至 0 为止）。', ', taken from “{a}” (down to 0).'],
  timeFromTotal: ['，从总分中扣除。', ', taken from the total.'],
  extraReason: ['补时原因（设备故障情况）', 'Reason for the extra time (the equipment failure)'],
  extraNeedsReason: ['补时须说明原因（设备故障情况）', 'Extra time needs a reason (the equipment failure)'],
  timeWithin: ['净用时 {n} 分钟，未超时，不扣分。', 'Net time {n} min, within the limit: nothing is deducted.'],
  timeOverNoPenalty: ['净用时 {n} 分钟，超时 {o} 分钟；本赛项超时不扣分。', 'Net time {n} min, {o} min over; running over costs nothing here.'],
  timeOver: ['净用时 {n} 分钟，超时 {o} 分钟：保存后将扣 {d} 分', 'Net time {n} min, {o} min over: saving deducts {d} points'],
  timeCapped: ['（已达扣分上限）', ' (the cap)'],
  legend: ['格内依次为 J1、J2… 的评分（“—”未评，“避”回避），下方为结果。', 'Each cell lists the marks of J1, J2, … (“—” not marked, “rec.” recused), with the result below.'],
};

let lang = localStorage.getItem('jx.lang') === 'en' ? 'en' : 'zh';

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  localStorage.setItem('jx.lang', lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function t(key, params = {}) {
  const pair = STRINGS[key];
  let text = pair ? pair[lang === 'en' ? 1 : 0] : key;
  for (const [k, v] of Object.entries(params)) {
    text = text.split('{' + k + '}').join(String(v));
  }
  return text;
}

/** The server's bilingual text "中文 / English": the half for the current language. */
export function pick(text) {
  if (!text) {
    return '';
  }
  const at = text.indexOf(' / ');
  if (at < 0) {
    return text;
  }
  return lang === 'en' ? text.slice(at + 3) : text.slice(0, at);
}

/** A scheme object's Chinese or English name/description. */
export function named(obj, base) {
  if (!obj) {
    return '';
  }
  return (lang === 'en' ? obj[base + 'En'] : obj[base + 'Zh']) || obj[base + 'Zh'] || obj[base + 'En'] || '';
}

export function clock(ms) {
  const d = new Date(ms);
  const two = n => String(n).padStart(2, '0');
  return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
}

setLang(lang);
