package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.Principal;
import io.jiangxin.certificates.Certificate;
import io.jiangxin.certificates.CertificateCode;
import io.jiangxin.certificates.print.CertificateFont;
import io.jiangxin.certificates.print.CertificatePdf;
import io.jiangxin.certificates.CertificatePlan;
import io.jiangxin.certificates.CertificateTemplate;
import io.jiangxin.certificates.print.TemplateReader;
import io.jiangxin.registry.ContestKind;
import io.jiangxin.results.EventResult;
import io.jiangxin.results.PublicationState;
import io.jiangxin.results.PublicationStatus;
import io.jiangxin.results.ResultLine;
import io.jiangxin.storage.CertificateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 获奖证书: issues an event's award certificates from its signed-off and published results (one per awarded entry; a
 * team's names every member), re-issues after a correction by revoking what changed, prints the batch as a PDF, and
 * answers the public verification of a code with the results' publication state beside it.
 *
 * <p>Issuing waits for publication (公示中 or final): a certificate is a public claim about the results, so it is
 * not printed before the public can see and appeal them, as Chinese contests print 获奖证书 after the 公示. The
 * notice is enough (not only final), since award ceremonies are held during it; a check then says the results are
 * still in notice, and an upheld appeal marks them under review until the next issue corrects the certificates.
 */
public final class Certificates {

    private static final Logger LOG = LoggerFactory.getLogger(Certificates.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Vertx vertx;
    private final Pool pool;
    private final CertificateStore store;
    private final EventResults results;
    private final Publications publications;
    private final CertificatePdf pdf;
    private final String publicUrl;
    private final Clock clock;
    private final CertificateTemplate defaultTemplate = TemplateReader.defaultTemplate();

    public Certificates(Vertx vertx, Pool pool, CertificateStore store, EventResults results,
                        Publications publications, CertificateFont font, String publicUrl, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.store = store;
        this.results = results;
        this.publications = publications;
        this.pdf = new CertificatePdf(font);
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /**
     * Issues the event's batch once its results are signed off and published; the same results give the same
     * codes, changed lines revoke and re-issue.
     */
    public Future<JsonObject> issue(Principal who, long eventId) {
        return results.of(eventId).compose(result -> {
            if (!result.signedOff()) {
                throw new Problem(ErrorCode.NOT_SIGNED_OFF, "裁判长尚未签字确认该赛项成绩，不能颁发证书 / the head judge has"
                        + " not signed off the event's results, so no certificates can be issued");
            }
            if (ContestKind.TRAINING.name().equals(result.contestKind())) {
                throw new Problem(ErrorCode.TRAINING_NO_CERTIFICATES, "培训考核不颁发获奖证书，成绩记入培训档案 /"
                        + " training assessments earn no award certificates; their results go to the training record");
            }
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            List<CertificatePlan.Wanted> wanted = result.awarded().stream()
                    .map(line -> new CertificatePlan.Wanted(line.registrationId(), content(result, line, today)))
                    .toList();
            return pool.withTransaction(conn -> store.lockEvent(conn, eventId)
                    // read under the event's row lock: an upheld appeal cannot withdraw it while the batch is written
                    .compose(locked -> publications.currentLocked(conn, eventId))
                    .compose(now -> {
                        if (!now.published()) {
                            throw notPublished(now);
                        }
                        return store.valid(conn, eventId);
                    })
                    .compose(valid -> {
                        CertificatePlan.Plan plan = CertificatePlan.of(valid, wanted, result.version());
                        return store.revoke(conn, plan.revoked())
                                .compose(done -> store.insert(conn, eventId, plan.toIssue(), result.version(),
                                        who.accountId()))
                                .map(done -> answer(eventId, wanted, plan));
                    }));
        });
    }

    /** Every certificate of the event, revoked ones with their reason. */
    public Future<JsonObject> list(long eventId) {
        return store.contestOf(pool, eventId).compose(contestId -> store.list(pool, eventId)).map(list -> {
            JsonArray items = new JsonArray();
            list.forEach(c -> items.add(view(c)));
            return new JsonObject().put("eventId", eventId).put("count", list.size())
                    .put("valid", list.stream().filter(CertificateStore.Stored::valid).count()).put("items", items);
        });
    }

    /**
     * The valid certificates as one PDF, a page each, in the contest's template or the default. Each prints its
     * verification address under the configured public URL, else under {@code requestBase} (the address the
     * organizer reached this server at).
     */
    public Future<Buffer> batchPdf(long eventId, String requestBase) {
        String publicBase = publicUrl != null ? publicUrl : requestBase;
        return store.contestOf(pool, eventId).compose(contestId -> store.list(pool, eventId).compose(list -> {
            List<CertificateStore.Stored> valid = list.stream().filter(CertificateStore.Stored::valid).toList();
            if (valid.isEmpty()) {
                throw new Problem(ErrorCode.NO_CERTIFICATES, "该赛项尚未颁发证书，请先签发 / the event has no certificates;"
                        + " issue them first");
            }
            Certificate first = valid.get(0).content();
            return template(contestId).compose(template -> vertx.executeBlocking(() -> {
                long started = System.nanoTime();
                List<CertificatePdf.Sheet> sheets = valid.stream()
                        .map(c -> new CertificatePdf.Sheet(c.content(), verifyUrl(publicBase, c.content().code())))
                        .toList();
                byte[] bytes = render(template, sheets, first.contest() + " " + first.event() + " 获奖证书");
                LOG.info("rendered {} certificates of event {} in {} ms ({} bytes)", sheets.size(), eventId,
                        (System.nanoTime() - started) / 1_000_000, bytes.length);
                return Buffer.buffer(bytes);
            }, false));
        }));
    }

    /**
     * Public: what a certificate says, whether it still stands, and where its event's results stand now: a valid
     * certificate of results under review (an upheld appeal reopened them) is not yet revoked but may be.
     */
    public Future<JsonObject> verify(String code) {
        return store.byCode(pool, code).compose(c -> publications.current(c.eventId()).map(publication -> {
            Certificate content = c.content();
            JsonObject view = new JsonObject().put("code", content.code()).put("valid", c.valid())
                    .put("contest", content.contest()).put("event", content.event()).put("award", content.awardZh())
                    .put("awardEn", content.awardEn()).put("names", new JsonArray(content.names()))
                    .put("team", content.teamName()).put("enterprise", content.enterprise())
                    .put("issuedOn", content.issuedOn().toString())
                    .put("log", content.logSeq() == null ? null
                            : new JsonObject().put("seq", content.logSeq()).put("hash", content.logHash()));
            if (!c.valid()) {
                view.put("revokedAt", c.revokedAt().toInstant().toString()).put("reason", c.revokedReason());
            }
            return view.mergeIn(resultsState(publication));
        }));
    }

    /** The results' publication state as a certificate check shows it. */
    static JsonObject resultsState(PublicationStatus publication) {
        boolean notice = publication.state() == PublicationState.NOTICE;
        return new JsonObject().put("resultsState", publication.state().name())
                .put("resultsStateLabel", publication.underReview() ? "成绩复核中" : publication.state().zh())
                .put("resultsStateLabelEn", publication.underReview() ? "results under review"
                        : publication.state().en())
                .put("underReview", publication.underReview())
                .put("noticeEndsAt", notice ? publication.current().noticeEndsAt().toString() : null)
                .put("appealsCloseAt", notice ? publication.appealsCloseAt().toString() : null)
                .put("finalAt", publication.finalAt() == null ? null : publication.finalAt().toString());
    }

    /** 409 before publication, saying whether the results are still to be published or under review. */
    private static Problem notPublished(PublicationStatus publication) {
        if (publication.underReview()) {
            return new Problem(ErrorCode.NOT_PUBLISHED, "申诉成立，成绩复核中，重新公示后才能颁发证书 / an upheld appeal put"
                    + " the results under review; certificates are issued once they are published again");
        }
        return new Problem(ErrorCode.NOT_PUBLISHED, "成绩尚未公示，公示后才能颁发证书 / the results are not published yet;"
                + " certificates are issued once they are published for notice");
    }

    /** The contest's template document, or the default, and whether it is the contest's own. */
    public Future<JsonObject> templateOf(long contestId) {
        return store.template(pool, contestId).map(own -> new JsonObject().put("contestId", contestId)
                .put("custom", own.isPresent())
                .put("template", new JsonObject(own.orElseGet(TemplateReader::defaultJson))));
    }

    /** Checks the template (400 naming each bad path) and stores it for the contest. */
    /** Refuses a template that does not read, naming each wrong field. */
    public static void checkTemplate(JsonObject document) {
        try {
            TemplateReader.read(document.encode());
        } catch (TemplateReader.InvalidTemplate e) {
            throw Problem.invalid(e.errors());
        }
    }

    public Future<JsonObject> setTemplate(Principal who, long contestId, JsonObject document) {
        try {
            checkTemplate(document);
        } catch (Problem refused) {
            return Future.failedFuture(refused);
        }
        return store.putTemplate(pool, contestId, document, who.accountId()).compose(done -> templateOf(contestId));
    }

    public static String verifyUrl(String base, String code) {
        return base + "/verify/?code=" + code;
    }

    private byte[] render(CertificateTemplate template, List<CertificatePdf.Sheet> sheets, String title) {
        try {
            return pdf.render(template, sheets, title);
        } catch (CertificateFont.Unavailable | CertificatePdf.MissingGlyph e) {
            throw new Problem(ErrorCode.CERTIFICATE_FONT_UNAVAILABLE, e.getMessage());
        }
    }

    private Future<CertificateTemplate> template(long contestId) {
        return store.template(pool, contestId).map(own -> own.map(TemplateReader::read).orElse(defaultTemplate));
    }

    private static Certificate content(EventResult result, ResultLine line, LocalDate today) {
        List<String> names = line.members().stream().map(ResultLine.Member::name).toList();
        return new Certificate(CertificateCode.random(), result.contestName(), result.eventName(),
                line.award().code(), line.award().nameZh(), line.award().nameEn(), line.award().pass(), line.teamName(),
                names.isEmpty() ? List.of(line.entrant()) : names, String.join("、", line.organizations()),
                line.rank(), today, result.logSeq(), result.logHash());
    }

    private static JsonObject answer(long eventId, List<CertificatePlan.Wanted> wanted, CertificatePlan.Plan plan) {
        Map<Long, Certificate> current = new HashMap<>();
        plan.kept().forEach(c -> current.put(c.registrationId(), c.content()));
        plan.toIssue().forEach(w -> current.put(w.registrationId(), w.content()));
        JsonArray items = new JsonArray();
        for (CertificatePlan.Wanted line : wanted) {
            Certificate c = current.get(line.registrationId());
            items.add(new JsonObject().put("code", c.code()).put("award", c.awardZh()).put("awardEn", c.awardEn())
                    .put("names", new JsonArray(c.names())).put("registrationId", line.registrationId())
                    .put("rank", c.rank()));
        }
        List<String> revoked = new ArrayList<>();
        plan.revoked().forEach(r -> revoked.add(r.certificate().content().code()));
        return new JsonObject().put("eventId", eventId).put("count", items.size()).put("items", items)
                .put("issued", plan.toIssue().size()).put("unchanged", plan.kept().size())
                .put("revoked", new JsonArray(revoked));
    }

    private static JsonObject view(CertificateStore.Stored c) {
        Certificate content = c.content();
        JsonObject view = new JsonObject().put("code", content.code()).put("valid", c.valid())
                .put("registrationId", c.registrationId()).put("rank", content.rank())
                .put("award", content.awardZh()).put("awardEn", content.awardEn()).put("awardCode", content.awardCode())
                .put("names", new JsonArray(content.names())).put("team", content.teamName())
                .put("enterprise", content.enterprise()).put("issuedOn", content.issuedOn().toString())
                .put("resultVersion", c.resultVersion()).put("issuedBy", c.issuedBy())
                .put("issuedAt", c.issuedAt().toInstant().toString());
        if (!c.valid()) {
            view.put("revokedAt", c.revokedAt().toInstant().toString()).put("reason", c.revokedReason());
        }
        return view;
    }
}
