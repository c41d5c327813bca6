package io.jiangxin.app;

import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.engine.io.SchemeFormatException;
import io.jiangxin.fixtures.DemoSeason;
import io.jiangxin.judging.Actor;
import io.jiangxin.storage.AccountStore;
import io.jiangxin.storage.JudgingStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo innovation contest's rounds, judged through the same commands as the API: in {@link #IN_SEMIFINAL} a
 * finished 初赛 (document review, two judges per entry from a seed, normalised per judge: two harsh and two lenient
 * judges, so the normalised order differs from the raw one), its top eight advanced into a 复赛 the panel is partway
 * through; in {@link #READY_FOR_FINAL} the same 初赛 and a finished 复赛 (30% 初赛 + 70% 复赛), its top four advanced
 * into a 决赛 (路演答辩, 20/30/50 over the three rounds) with its panel seated and no marks, ready to run live.
 * Idempotent: a contest whose rounds exist is left alone.
 */
public final class InnovationRoundsDemo {

    /** The direction whose 复赛 is in progress. */
    public static final String IN_SEMIFINAL = "汽车制造";
    /** The direction whose 决赛 is ready to run live. */
    public static final String READY_FOR_FINAL = "新一代信息技术";
    public static final String SEMIFINAL = "（复赛）";
    public static final String FINAL = "（决赛·路演答辩）";

    /** Each review judge's leaning in the 初赛, as a share of the aspect's maximum: two harsh, two lenient. */
    private static final double[] REVIEW_BIAS = {-0.22, -0.12, 0.08, 0.16};
    private static final List<String> REVIEW_ASPECTS = List.of("I1", "I2", "I3", "I4");
    private static final List<BigDecimal> REVIEW_MAXIMA = List.of(d(30), d(30), d(25), d(15));
    private static final List<String> FINAL_ASPECTS = List.of("R1", "R2", "R3", "R4");

    private final Pool pool;
    private final AccountStore accounts;
    private final JudgingStore judging;
    private final Judging commands;
    private final ReviewAssignments reviews;
    private final Advancements advancements;

    public InnovationRoundsDemo(Pool pool, AccountStore accounts, JudgingStore judging, Judging commands,
                                ReviewAssignments reviews, Advancements advancements) {
        this.pool = pool;
        this.accounts = accounts;
        this.judging = judging;
        this.commands = commands;
        this.reviews = reviews;
        this.advancements = advancements;
    }

    /** @return what was set up, or "already there" */
    public Future<String> load() {
        return pool.preparedQuery("select e.id, e.name, e.contest_id from event e join contest c on c.id = e.contest_id"
                        + " where c.name = $1 and e.name in ($2, $3, $4)")
                .execute(Tuple.of(DemoSeason.INNOVATION_CONTEST, IN_SEMIFINAL, READY_FOR_FINAL,
                        IN_SEMIFINAL + SEMIFINAL))
                .compose(rows -> {
                    long semiOnly = -1;
                    long toFinal = -1;
                    long contest = -1;
                    for (var row : rows) {
                        if (row.getString("name").endsWith(SEMIFINAL)) {
                            return Future.succeededFuture("already there");
                        }
                        contest = row.getLong("contest_id");
                        if (row.getString("name").equals(IN_SEMIFINAL)) {
                            semiOnly = row.getLong("id");
                        } else {
                            toFinal = row.getLong("id");
                        }
                    }
                    if (semiOnly < 0 || toFinal < 0) {
                        return Future.succeededFuture("no innovation contest");
                    }
                    long contestId = contest;
                    long first = semiOnly;
                    long second = toFinal;
                    return organizer().compose(organizer -> finishedReview(organizer, first)
                            .compose(v -> nextRound(organizer, contestId, first, IN_SEMIFINAL + SEMIFINAL,
                                    "innovation-semi"))
                            .compose(semi -> laterRoundMarks(semi, 0.5, 1))
                            .compose(v -> finishedReview(organizer, second))
                            .compose(v -> nextRound(organizer, contestId, second, READY_FOR_FINAL + SEMIFINAL,
                                    "innovation-semi"))
                            .compose(semi -> laterRoundMarks(semi, 1.0, 1).compose(v -> lockAndSignOff(semi))
                                    .compose(v -> nextRound(organizer, contestId, semi, READY_FOR_FINAL + FINAL,
                                            "innovation-final")))
                            .map(finalEvent -> IN_SEMIFINAL + ": 初赛 signed off, 复赛 in progress; " + READY_FOR_FINAL
                                    + ": 初赛 and 复赛 signed off, 决赛 (event " + finalEvent + ") ready to run live"));
                });
    }

    /** The 初赛: the review scheme, two judges per entry from a published seed, biased marks, locked and signed off. */
    private Future<Void> finishedReview(Principal organizer, long eventId) {
        return judging.setScheme(eventId, scheme("innovation-review"), 0)
                .compose(v -> reviews.assign(organizer, eventId, 2, "2026创新创效演示-" + eventId))
                .compose(v -> reviews.view(organizer, eventId))
                .compose(view -> Future.all(judging.panel(pool, eventId), judging.entries(pool, eventId)).compose(loaded -> {
                    List<PanelMember> panel = loaded.resultAt(0);
                    java.util.Map<String, Long> registrations = new java.util.HashMap<>();
                    loaded.<List<EventEntry>>resultAt(1)
                            .forEach(e -> registrations.put(e.entryCode(), e.registrationId()));
                    List<Long> reviewers = panel.stream().filter(m -> m.role() == PanelRole.JUDGE)
                            .map(PanelMember::accountId).toList();
                    Future<Void> chain = Future.succeededFuture();
                    for (Object o : view.getJsonArray("entries")) {
                        JsonObject line = (JsonObject) o;
                        String code = line.getString("entryCode");
                        long registration = registrations.get(code);
                        for (Object j : line.getJsonArray("judges")) {
                            long judge = ((JsonObject) j).getLong("accountId");
                            double bias = REVIEW_BIAS[Math.max(0, reviewers.indexOf(judge)) % REVIEW_BIAS.length];
                            chain = chain.compose(v -> mark(eventId, code, judge, REVIEW_ASPECTS, REVIEW_MAXIMA,
                                    quality(registration, 0) + bias));
                        }
                    }
                    return chain;
                }))
                .compose(v -> lockAndSignOff(eventId));
    }

    /** A later round's event: its scheme, the same panel seated, and the previous round's advancing entries. */
    private Future<Long> nextRound(Principal organizer, long contestId, long fromEvent, String name, String scheme) {
        return pool.preparedQuery("insert into event (contest_id, name, trade) values ($1, $2, $3) returning id")
                .execute(Tuple.of(contestId, name, "创新创效"))
                .map(rows -> rows.iterator().next().getLong("id"))
                .compose(eventId -> judging.setScheme(eventId, scheme(scheme), 0)
                        .compose(v -> judging.panel(pool, fromEvent))
                        .compose(panel -> {
                            Future<Void> chain = Future.succeededFuture();
                            for (PanelMember member : panel) {
                                chain = chain.compose(v -> judging.setPanelMember(eventId, member.accountId(),
                                        member.role()));
                            }
                            return chain;
                        })
                        .compose(v -> advancements.advance(organizer, fromEvent, eventId))
                        .map(advanced -> eventId));
    }

    /**
     * The whole panel marks a share of a later round's entries (the first ones by code): a middling leaning each, the
     * entry's quality moved a little from round to round so that ranks change.
     */
    private Future<Void> laterRoundMarks(long eventId, double share, int round) {
        return Future.all(judging.panel(pool, eventId), judging.entries(pool, eventId)).compose(loaded -> {
            List<PanelMember> panel = loaded.resultAt(0);
            List<EventEntry> entries = loaded.resultAt(1);
            List<Long> judges = panel.stream().filter(m -> m.role() == PanelRole.JUDGE).map(PanelMember::accountId)
                    .toList();
            int count = (int) Math.ceil(entries.size() * share);
            Future<Void> chain = Future.succeededFuture();
            for (EventEntry entry : entries.subList(0, count)) {
                for (int j = 0; j < judges.size(); j++) {
                    long judge = judges.get(j);
                    double leaning = (j - 1.5) * 0.02;
                    chain = chain.compose(v -> mark(eventId, entry.entryCode(), judge, REVIEW_ASPECTS, REVIEW_MAXIMA,
                            quality(entry.registrationId(), round) + leaning));
                }
            }
            return chain;
        });
    }

    private Future<Void> lockAndSignOff(long eventId) {
        return Future.all(judging.panel(pool, eventId), judging.entries(pool, eventId)).compose(loaded -> {
            List<PanelMember> panel = loaded.resultAt(0);
            List<EventEntry> entries = loaded.resultAt(1);
            long head = panel.stream().filter(m -> m.role() == PanelRole.HEAD_JUDGE).findFirst().orElseThrow()
                    .accountId();
            return accounts.get(head).compose(who -> {
                Actor actor = new Actor(head, "HEAD_JUDGE", "demo", "127.0.0.1");
                Future<Void> chain = Future.succeededFuture();
                for (EventEntry entry : entries) {
                    chain = chain.compose(v -> commands.lock(who, eventId, entry.entryCode(), actor,
                            "demo-lock-" + eventId + "-" + entry.entryCode(), "demo").mapEmpty());
                }
                return chain.compose(v -> commands.signOff(who, eventId, actor, "demo-sign-off-" + eventId, "demo"))
                        .mapEmpty();
            });
        });
    }

    private Future<Void> mark(long eventId, String code, long judge, List<String> aspects, List<BigDecimal> maxima,
                              double share) {
        double clamped = Math.max(0.1, Math.min(1.0, share));
        List<Judging.MarkInput> marks = new ArrayList<>();
        for (int i = 0; i < aspects.size(); i++) {
            // to the aspects' step of 0.5
            BigDecimal value = maxima.get(i).multiply(BigDecimal.valueOf(clamped)).multiply(d(2))
                    .setScale(0, RoundingMode.HALF_UP).divide(d(2));
            marks.add(new Judging.MarkInput(aspects.get(i), value));
        }
        return accounts.get(judge).compose(who -> commands.submitMarks(who, eventId, code, marks,
                new Actor(judge, "JUDGE", "demo", "127.0.0.1"), "demo-mark-" + eventId + "-" + code + "-" + judge,
                "demo")).mapEmpty();
    }

    /** An entry's quality in a round, as a share of the maximum: fixed by its first registration, moved per round. */
    private static double quality(long registrationId, int round) {
        return 0.55 + (registrationId * 37 % 40) / 100.0 + round * ((registrationId * 11 % 9) - 4) / 100.0;
    }

    private Future<Principal> organizer() {
        return pool.query("select id from account where kind = 'ORGANIZER' order by id limit 1").execute()
                .compose(rows -> accounts.get(rows.iterator().next().getLong("id")));
    }

    /** A fixture scheme, checked by the reader as {@code PUT …/scheme} would, and stored in its canonical form. */
    private static String scheme(String name) {
        try {
            return SchemeFiles.write(SchemeFiles.read(DemoSeason.scheme(name)));
        } catch (SchemeFormatException e) {
            throw new IllegalStateException("fixture scheme " + name + " does not parse: " + e.getMessage(), e);
        }
    }

    private static BigDecimal d(int value) {
        return BigDecimal.valueOf(value);
    }
}
