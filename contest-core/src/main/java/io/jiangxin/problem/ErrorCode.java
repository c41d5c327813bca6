package io.jiangxin.problem;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every refusal code the HTTP API answers with, each with its one status and a general sentence in zh-CN and
 * English. A {@link Problem} takes its status from here, so a code cannot mean 404 in one place and 409 in another.
 * docs/api.md lists this table (written by {@code ErrorCodeTable}); the apps' sentences (webroot/shared/ui.js,
 * {@code CODES}) cover every code here (RefusalCodesTest). The board socket's message codes are not HTTP answers
 * and are not listed here (docs/websocket.md).
 */
public enum ErrorCode {
    // The request itself
    BAD_REQUEST(400, "请求内容有误", "The request is not valid"),
    INVALID_FIELDS(400, "填写的内容有误，请按提示修改", "Some fields are not valid; correct them as shown"),
    MALFORMED_JSON(400, "请求内容不是有效的 JSON", "The request is not valid JSON"),
    NOT_AN_OBJECT(400, "请求内容格式有误", "The request has the wrong shape"),
    EMPTY_BODY(400, "请求内容为空", "The request is empty"),
    BODY_TOO_LARGE(413, "内容太大", "The request is too large"),
    INVALID_QUERY(400, "查询条件有误", "The query is not valid"),
    INVALID_UNICODE(400, "内容含有无效字符", "The text has invalid characters"),
    INVALID_UTF8(400, "文件不是 UTF-8 编码的文本", "The file is not UTF-8 text"),
    METHOD_NOT_ALLOWED(405, "不支持该操作", "That operation is not supported"),
    UNSUPPORTED_MEDIA_TYPE(415, "不支持该文件类型", "That file type is not supported"),
    UNSUPPORTED_FILE_TYPE(415, "不支持该文件类型，请上传图片或 PDF", "That file type is not supported; upload a picture or a PDF"),
    EMPTY_FILE(400, "文件是空的", "The file is empty"),
    FILE_TOO_LARGE(413, "文件太大", "The file is too large"),
    UNREADABLE_FILE(400, "无法读取该文件，请检查格式", "The file cannot be read; check its format"),
    CONTENT_MISMATCH(415, "文件内容与其类型不符", "The file’s content does not match its type"),
    TOO_MANY_ATTACHMENTS(409, "附件数量已达上限", "No more attachments can be added"),
    IMPORT_REJECTED(422, "导入被拒绝，请按提示修改表格后重新导入", "The import was refused; correct the sheet as listed and import again"),
    REASON_TOO_SHORT(400, "理由太短，请写明具体原因", "The reason is too short; say what happened"),
    REQUEST_REJECTED(400, "请求被拒绝", "The request was refused"),
    // Records
    NOT_FOUND(404, "找不到该记录，可能已被删除", "Not found; it may have been removed"),
    UNKNOWN_REFERENCE(404, "引用的记录不存在", "A record it refers to does not exist"),
    DUPLICATE(409, "已有同样的记录", "It already exists"),
    DUPLICATE_KEY(400, "请求中有重复的字段", "The request gives a field twice"),
    DUPLICATE_ORGANIZATION(409, "已有同名单位", "An organization with that name already exists"),
    DUPLICATE_RESULT(409, "该成绩已经登记过", "That result is already recorded"),
    DUPLICATE_OBJECTION(409, "已就此提出过异议", "An objection to this was already raised"),
    STILL_REFERENCED(409, "仍有其他记录在使用它，不能删除", "Other records still use it; it cannot be removed"),
    DUPLICATE_ID(409, "记录编号冲突，请重试", "A record with this id exists; try again"),
    DUPLICATE_CONTEST(409, "该主办方当年已有同名竞赛", "The organizer already has a contest of this name this year"),
    DUPLICATE_EVENT(409, "该竞赛已有同名赛项", "The contest already has an event of this name"),
    DUPLICATE_PERSON(409, "该人员已登记", "This person is already recorded"),
    DUPLICATE_TEAM(409, "已有同名团队", "A team of this name already exists"),
    DUPLICATE_TEAM_MEMBER(409, "该人员已是团队成员", "The person is already a member of this team"),
    DUPLICATE_REGISTRATION(409, "已报名此赛项", "Already registered in this event"),
    DUPLICATE_ENTRY_CODE(409, "参赛号已被占用", "The entry code is taken in this event"),
    DUPLICATE_ENTRY(409, "该报名已有作品内容", "The registration already has its entry"),
    DUPLICATE_JUDGE(409, "该人员在此竞赛已有裁判或仲裁账号", "This person already has a judge or arbiter account in this contest"),
    DUPLICATE_WORKER_ACCOUNT(409, "该人员已有选手账号", "This person already has a worker account"),
    DUPLICATE_SIGN_IN_CODE(409, "登录码重复，请重试", "The sign-in code is taken; try again"),
    DUPLICATE_SESSION(409, "会话已存在，请重新登录", "This session exists; sign in again"),
    DUPLICATE_PANEL_MEMBER(409, "该裁判已在此赛项裁判组中", "The judge is already on this event’s panel"),
    DUPLICATE_CONFLICT(409, "该回避关系已登记", "This conflict of interest is already recorded"),
    DUPLICATE_ASSIGNMENT(409, "该评委已分配到此作品", "The judge is already assigned this entry"),
    DUPLICATE_DRAW(409, "该赛项已进行过此类抽签", "This event already has a draw of this kind"),
    DUPLICATE_SHEET(409, "该评分表已存在", "This sheet already exists"),
    DUPLICATE_ROUND_TOTAL(409, "该作品已有此轮成绩", "The entry already has a total for this round"),
    DUPLICATE_CERTIFICATE(409, "该参赛者已有有效证书", "This entry already has a valid certificate"),
    DUPLICATE_CERTIFICATE_CODE(409, "证书编码重复，请重试", "The certificate code is taken; try again"),
    DUPLICATE_TEMPLATE(409, "该竞赛已有证书模板", "This contest already has a certificate template"),
    DUPLICATE_LADDER(409, "该梯队已存在", "This ladder already exists"),
    DUPLICATE_CONFIG_VERSION(409, "该配置版本已存在", "This configuration version exists"),
    DUPLICATE_EVIDENCE(409, "该人员已登记此凭证", "This evidence is already recorded for the person"),
    DUPLICATE_COURSE(409, "该单位已有此课程编号", "The organization already has a course with this code"),
    DUPLICATE_ATTENDANCE(409, "该人员已登记参加此课程", "The person’s attendance is already recorded"),
    DUPLICATE_ASSESSMENT(409, "该培训考核已登记", "This assessment is already recorded"),
    DUPLICATE_MENTORSHIP(409, "该师徒关系已登记", "This mentor–apprentice pair is already recorded"),
    DUPLICATE_NOMINATION(409, "该人员当年已被推荐此层级", "The person is already nominated for this tier this year"),
    DUPLICATE_LEDGER_ENTRY(409, "该积分已入账", "These points are already posted"),
    DUPLICATE_QUOTA_YEAR(409, "该层级当年名额已设置", "The tier’s quota for this year is already set"),
    DUPLICATE_QUOTA_CLAIM(409, "该人员当年已占用此层级名额", "The person already holds this tier’s quota slot this year"),
    DUPLICATE_PLATFORM(409, "平台名称已存在", "A platform with this name exists"),
    DUPLICATE_CHAIN(409, "该平台已有同名产业链", "The platform has a chain of this name"),
    DUPLICATE_ENTERPRISE(409, "该企业已在平台登记", "The enterprise is already registered"),
    DUPLICATE_EXPERT(409, "该工匠已在资源清单中", "The craftsman is already listed"),
    // Signing in and roles
    SIGN_IN_REQUIRED(401, "请先登录", "Please sign in"),
    UNAUTHENTICATED(401, "请先登录", "Please sign in"),
    INVALID_TOKEN(401, "登录已过期，请重新登录", "Your session has expired; please sign in again"),
    BAD_CODE(401, "登录码不正确", "The sign-in code is not right"),
    TOO_MANY_ATTEMPTS(429, "尝试次数过多，请稍后再试", "Too many attempts; try again later"),
    ROLE_NOT_ALLOWED(403, "该账号无权进行此操作", "This account may not do that"),
    NOT_YOUR_PAGE(403, "只能查看本人的档案", "You may only see your own record"),
    NOT_YOUR_ENTERPRISE(403, "只能处理本单位的事项", "Only your own enterprise’s matters"),
    NOT_YOUR_ENTRY(403, "只能处理本人的参赛记录", "Only your own entry"),
    NOT_THIS_CONTEST(403, "该账号不属于本竞赛", "This account belongs to another contest"),
    NOT_ON_PANEL(403, "您不在本赛项的裁判组中", "You are not on this event’s panel"),
    NOT_HEAD_JUDGE(403, "只有本赛项的裁判长可以这样做", "Only the event’s head judge may do that"),
    RECUSED(403, "您须回避本单位的选手", "You are recused from your own enterprise’s entrants"),
    NOT_ON_PLATFORM(403, "尚未加入服务平台", "Not on the service platform yet"),
    // Repeated requests
    IDEMPOTENCY_KEY_REQUIRED(400, "请求缺少防重复标识", "The request needs an idempotency key"),
    BAD_IDEMPOTENCY_KEY(400, "防重复标识无效", "The idempotency key is not valid"),
    IDEMPOTENCY_KEY_IN_FLIGHT(409, "同一操作正在处理中，请稍候", "The same request is still being handled; wait a moment"),
    IDEMPOTENCY_KEY_REUSED(422, "该操作已用不同内容提交过，请刷新后重新操作",
            "That request was already sent with other content; reload and try again"),
    IDEMPOTENCY_KEY_IN_USE(409, "同一防重复标识正被另一请求使用，请稍候",
            "This idempotency key is in use by another request; wait a moment"),
    // Set-up, draws and judging
    NO_SCHEME(409, "尚未设置评分标准", "No marking scheme is set yet"),
    INVALID_SCHEME(400, "评分标准有误，请按提示修改", "The marking scheme has errors; correct them as listed"),
    SCHEME_IN_USE(409, "已开始评分，不能更换评分标准", "Judging has started; the scheme can no longer change"),
    INVALID_CONFIG(400, "配置有误，请按提示修改", "The configuration has errors; correct them as listed"),
    SETTING_NOT_APPLIED(400, "该设置不被支持，未生效", "That setting is not supported and was not applied"),
    NO_ENTRANTS(409, "尚无报名，无法抽签", "No one is registered yet; nothing to draw"),
    NO_JUDGES(409, "裁判组还没有裁判", "The panel has no judges yet"),
    ALREADY_DRAWN(409, "该抽签已经做过，每个赛项只抽一次", "This draw was already made; each is made once per event"),
    JUDGING_STARTED(409, "已开始评分，不能再抽签或更改", "Judging has started; this can no longer be drawn or changed"),
    ALREADY_ASSIGNED(409, "已经分配过", "Already assigned"),
    NOT_ASSIGNED(403, "尚未分配", "Not assigned"),
    NOT_ASSIGNED_YET(409, "尚未分配", "Not assigned yet"),
    NOT_INNOVATION(404, "该赛项不是创新创效赛项，没有成果材料", "This event is not part of an innovation contest"),
    INVALID_MARKS(400, "评分有误，请按提示修改", "Some marks are not valid; correct them as shown"),
    ENTRY_WITHDRAWN(409, "该选手已退赛", "This entrant has withdrawn"),
    SHEET_LOCKED(409, "评分表已锁定，不能再修改", "The sheet is locked and can no longer change"),
    NOT_LOCKABLE(409, "评分表尚不能锁定，请先处理列出的问题", "The sheet cannot be locked yet; settle what is listed first"),
    NOT_LOCKED(409, "评分表未锁定", "The sheet is not locked"),
    SHEETS_NOT_LOCKED(409, "还有评分表未锁定，全部锁定后才能签字确认", "Some sheets are not locked; sign-off needs every sheet locked"),
    ALREADY_SIGNED_OFF(409, "赛项已签字确认", "The event is already signed off"),
    EVENT_SIGNED_OFF(409, "赛项已签字确认，不能再修改", "The event is signed off and can no longer change"),
    TARGET_SIGNED_OFF(409, "目标赛项已签字确认", "The target event is already signed off"),
    NOT_SIGNED_OFF(409, "裁判长尚未签字确认", "The head judge has not signed off yet"),
    LOG_BROKEN(503, "评分日志校验不一致，请联系管理员", "The score log failed its check; tell the administrator"),
    LOG_EXISTS(409, "该赛项的评分日志已存在", "This event’s score log already exists"),
    CONCURRENT_WRITE(409, "另一评分刚刚写入，请重试", "Another write took this place in the score log; try again"),
    METRICS_INTERNAL(403, "运行指标只供内网监控直接抓取", "Metrics are scraped from each server directly, inside the network"),
    // Boards
    ALREADY_FROZEN(409, "公开榜已封榜", "The public board is already frozen"),
    NOT_FROZEN(409, "公开榜未封榜", "The public board is not frozen"),
    NOTHING_TO_REVEAL(409, "已全部揭晓，没有待揭晓的名次", "Everything is revealed; nothing is left to reveal"),
    PRIVATE_BOARD(403, "培训考核的排名不公开", "A training assessment has no public board"),
    NO_TEAM_RANKING(409, "本赛项未设团体排名", "This event has no team ranking"),
    NO_ADVANCEMENT_RULE(409, "本赛项未设晋级规则", "This event has no advancement rule"),
    // Results, appeals and certificates
    ALREADY_PUBLISHED(409, "成绩已发布公示", "The results are already published"),
    NOT_PUBLISHED(409, "成绩尚未发布公示", "The results are not published yet"),
    RESULTS_FINAL(409, "成绩已定案，不能再修改", "The results are final and can no longer change"),
    PRIVATE_RESULTS(403, "该成绩不公开", "These results are private"),
    TRAINING_RESULTS_PRIVATE(409, "培训考核成绩只对本人和组委会公开", "Training results are for the worker and the organizer only"),
    ROSTER_NOT_PUBLIC(403, "名单尚未公开", "The list is not public yet"),
    APPEAL_WINDOW_CLOSED(409, "申诉期已过", "The appeal window has closed"),
    SUBMISSION_CLOSED(409, "提交已截止", "Submissions are closed"),
    ALREADY_DECIDED(409, "已经作出决定", "Already decided"),
    ALREADY_REVERSED(409, "已经撤销过", "Already reversed"),
    NO_CERTIFICATES(409, "尚未生成证书", "No certificates issued yet"),
    TRAINING_NO_CERTIFICATES(409, "培训考核不颁发获奖证书", "Training assessments issue no award certificates"),
    CERTIFICATE_FONT_UNAVAILABLE(503, "服务器缺少证书字体，请联系管理员",
            "The server lacks the certificate font; tell the administrator"),
    BAD_CERTIFICATE_CODE(400, "查验码格式不正确", "The check code is not in the right form"),
    // Ladder and people
    NOT_ELIGIBLE(409, "尚不符合条件", "Not eligible yet"),
    TIER_TRANSITION(409, "不能从当前等级直接改为该等级", "That tier cannot follow the current one"),
    NO_RULE_IN_FORCE(409, "当前没有生效的评定规则", "No rule is in force"),
    LADDER_ID_TAKEN(409, "该编号已被使用", "That id is already taken"),
    CRAFTSMAN_NOT_FREE(409, "该工匠当前不能接受指派", "That craftsman cannot take this now"),
    LISTED_ELSEWHERE(409, "已在其他地方登记", "Already listed elsewhere"),
    ALREADY_ANONYMISED(409, "该人员信息已匿名化", "This person is already anonymised"),
    NOT_CONFIRMED(409, "尚未确认", "Not confirmed yet"),
    ORDER_NOT_TAKEN(409, "工单尚未被接单", "The order has not been taken yet"),
    TIER_ALREADY_HELD(409, "该人员在此梯队已持有层级", "The person already holds a tier of this ladder"),
    ALREADY_POSTED(409, "该成绩已计入积分", "These results are already posted"),
    CONCURRENT_DECISION(409, "另一决定已先记录，请刷新后再试", "Another decision was recorded first; reload and try again"),
    ILLEGAL_TRANSITION(409, "当前状态下不能这样做", "That step is not allowed in the current state"),
    OUT_OF_ORDER(409, "请按流程顺序办理", "Steps must follow the workflow’s order"),
    NOTICE_OPEN(409, "公示期尚未结束", "The public notice is still open"),
    NOTICE_CLOSED(409, "公示期已结束", "The public notice has closed"),
    OBJECTION_PENDING(409, "尚有未裁定的异议", "An objection is still awaiting its ruling"),
    UNKNOWN_OBJECTION(409, "没有该异议", "No such objection"),
    QUOTA_YEAR_FULL(409, "本年度名额已满", "This year’s quota is full"),
    QUOTA_TRADE_FULL(409, "该工种名额已满", "The quota for this trade is full"),
    QUOTA_ORGANIZATION_FULL(409, "该单位名额已满", "The quota for this organization is full"),
    // The server and the network
    SERVICE_UNAVAILABLE(503, "服务器暂时不可用，请稍后再试", "The server is briefly unavailable; try again soon"),
    TIMEOUT(503, "服务器响应超时，请稍后再试", "The server took too long; try again soon"),
    INTERNAL(500, "服务器出错，请联系管理员", "The server failed; tell the administrator");

    private static final Map<String, ErrorCode> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final int status;
    private final String zh;
    private final String en;

    ErrorCode(int status, String zh, String en) {
        this.status = status;
        this.zh = zh;
        this.en = en;
    }

    /** The code a domain module names as a string (the ladder's workflow and quota refusals), if it is one. */
    public static Optional<ErrorCode> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public int status() {
        return status;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The general sentence as the API writes messages: {@code "中文 / English"}. */
    public String message() {
        return zh + " / " + en;
    }
}
