package io.jiangxin.app;

import io.jiangxin.judging.EventFacts;
import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.engine.scheme.AspectType;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.export.AuditWorkbook;
import io.jiangxin.export.MarksWorkbook;
import io.jiangxin.export.ResultsWorkbook;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.results.EventResult;
import io.jiangxin.results.PublicationStatus;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ResultStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what each Excel export prints and hands back a document to write: results from {@link EventResults}
 * (never re-ranked), raw marks from the score log with the live state's values, the audit trail from the log.
 * Results and marks print where the results stand with the public ({@link Publications}), read with the same
 * clock as the publication itself. Loading is asynchronous; writing is blocking and left to the caller's worker
 * thread.
 */
public final class Exports {

    /** A workbook ready to be written, with the file name it is downloaded as. */
    public interface Document {
        String filename();

        void write(OutputStream out);
    }

    private final EventResults results;
    private final ResultStore store;
    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final LiveEvents live;
    private final Schemes schemes;
    private final Publications publications;

    public Exports(EventResults results, ResultStore store, JudgingStore judging, ScoreLogStore log, LiveEvents live,
                   Schemes schemes, Publications publications) {
        this.results = results;
        this.publications = publications;
        this.store = store;
        this.judging = judging;
        this.log = log;
        this.live = live;
        this.schemes = schemes;
    }

    /** One event's results; names and enterprises only when {@code namesVisible}. */
    public Future<Document> eventResults(EventFacts facts, boolean namesVisible) {
        MarkingScheme scheme = schemes.of(facts.schemeJson());
        Future<EventResult> result = results.of(facts.eventId());
        Future<PublicationStatus> publication = publications.current(facts.eventId());
        return Future.all(result, publication).map(done -> document(
                fileName(result.result().contestName(), result.result().eventName(), "成绩表"),
                out -> ResultsWorkbook.event(new ResultsWorkbook.Printed(result.result(), scheme.rounding().scale(),
                        namesVisible, publication.result()), now(), out)));
    }

    /** Every event of a contest that has a scheme: a summary of the awards, then one sheet per event. */
    public Future<Document> contestResults(long contestId) {
        return printed(contestId).map(events -> {
            String contest = events.get(0).result().contestName();
            return document(fileName(contest, null, "成绩汇总"),
                    out -> ResultsWorkbook.contest(contest, events, now(), out));
        });
    }

    /** The team (团体) ranking of every event of a contest that ranks teams. */
    public Future<Document> teamResults(long contestId) {
        return printed(contestId).map(events -> {
            String contest = events.get(0).result().contestName();
            List<ResultsWorkbook.Printed> ranked = events.stream().filter(e -> !e.result().teams().isEmpty()).toList();
            if (ranked.isEmpty()) {
                throw new Problem(ErrorCode.NO_TEAM_RANKING, "该竞赛没有团体排名的赛项（评分标准未设置团体排名） / no event of this"
                        + " contest ranks teams (no team ranking in its marking scheme)");
            }
            return document(fileName(contest, null, "团体成绩"),
                    out -> ResultsWorkbook.teams(contest, ranked, now(), out));
        });
    }

    /** The judges' raw marks of an event, with re-mark rounds and corrections from the log. */
    public Future<Document> marks(EventFacts facts, boolean namesVisible) {
        MarkingScheme scheme = schemes.of(facts.schemeJson());
        long eventId = facts.eventId();
        Future<ResultStore.Header> header = store.header(store.pool(), eventId);
        Future<List<PanelMember>> panel = judging.panel(judging.pool(), eventId);
        Future<List<EventEntry>> entries = judging.entries(judging.pool(), eventId, true);
        Future<List<LogEntry>> records = log.read(judging.pool(), eventId, 0);
        Future<HashMap<String, String>> sheets = live.view(eventId, new Projections.AllResults());
        Future<PublicationStatus> publication = publications.current(eventId);
        return Future.all(List.of(header, panel, entries, records, sheets, publication)).map(done -> {
            Map<Long, String> names = names(panel.result());
            List<MarksWorkbook.Judge> judges = new ArrayList<>();
            panel.result().stream().filter(m -> m.role() == PanelRole.JUDGE)
                    .forEach(m -> judges.add(new MarksWorkbook.Judge(m.accountId(), m.displayName())));
            // A judge taken off the panel after marking keeps a column: their marks are still in the log.
            records.result().stream().map(LogEntry::judgeId).filter(id -> id != null).distinct()
                    .filter(id -> judges.stream().noneMatch(j -> j.accountId() == id)).sorted()
                    .forEach(id -> judges.add(new MarksWorkbook.Judge(id, names.getOrDefault(id, "裁判 judge"))));
            List<MarksWorkbook.Aspect> aspects = scheme.aspects().stream().map(a -> new MarksWorkbook.Aspect(a.id(),
                    a.descriptionZh(), a.type() == AspectType.DEDUCTION)).toList();
            Map<String, String> violations = new LinkedHashMap<>();
            scheme.violations().forEach(v -> violations.put(v.code(), v.nameZh()));
            List<MarksWorkbook.Entry> lines = new ArrayList<>();
            for (EventEntry entry : entries.result()) {
                String json = sheets.result().get(String.valueOf(entry.registrationId()));
                lines.add(new MarksWorkbook.Entry(entry.registrationId(), entry.entryCode(),
                        namesVisible ? entry.entrantName() : null, json == null ? null : sheet(new JsonObject(json))));
            }
            ResultStore.Header h = header.result();
            MarksWorkbook.Input input = new MarksWorkbook.Input(h.contestName(), h.eventName(),
                    facts.signedOffAt(), publication.result(), scheme.rounding().scale(), aspects, judges, violations,
                    lines, records.result());
            return document(fileName(h.contestName(), h.eventName(), "评分明细"),
                    out -> MarksWorkbook.write(input, now(), out));
        });
    }

    /** The event's whole score log, one row per record. */
    public Future<Document> audit(EventFacts facts) {
        long eventId = facts.eventId();
        Future<ResultStore.Header> header = store.header(store.pool(), eventId);
        Future<List<PanelMember>> panel = judging.panel(judging.pool(), eventId);
        Future<List<EventEntry>> entries = judging.entries(judging.pool(), eventId, true);
        Future<List<LogEntry>> records = log.read(judging.pool(), eventId, 0);
        return Future.all(header, panel, entries, records).map(done -> {
            Map<Long, String> codes = new HashMap<>();
            entries.result().forEach(e -> codes.put(e.registrationId(), e.entryCode()));
            ResultStore.Header h = header.result();
            Map<Long, String> names = names(panel.result());
            return document(fileName(h.contestName(), h.eventName(), "审计日志"),
                    out -> AuditWorkbook.write(h.contestName(), h.eventName(), records.result(), codes, names,
                            now(), out));
        });
    }

    /** The contest's events that have a scheme, each with its scheme's scale; 409 when none has one. */
    private Future<List<ResultsWorkbook.Printed>> printed(long contestId) {
        return results.ofContest(contestId).compose(events -> {
            if (events.isEmpty()) {
                throw new Problem(ErrorCode.NO_SCHEME, "该竞赛没有设置评分标准的赛项，没有成绩 / no event of this contest has a"
                        + " marking scheme, so there are no results");
            }
            return publications.current(events.stream().map(EventResult::eventId).toList()).compose(states -> {
                List<Future<ResultsWorkbook.Printed>> printed = new ArrayList<>();
                for (EventResult result : events) {
                    printed.add(judging.facts(result.eventId()).map(facts -> new ResultsWorkbook.Printed(result,
                            schemes.of(facts.schemeJson()).rounding().scale(), true, states.get(result.eventId()))));
                }
                return Future.all(printed).map(done -> printed.stream().map(Future::result).toList());
            });
        });
    }

    private Instant now() {
        return publications.clock().instant();
    }

    private static MarksWorkbook.SheetValue sheet(JsonObject json) {
        Map<String, MarksWorkbook.AspectValue> aspects = new HashMap<>();
        json.getJsonObject("aspects").forEach(a -> {
            JsonObject aspect = (JsonObject) a.getValue();
            List<String> flags = aspect.getJsonArray("flags").stream().map(String::valueOf).toList();
            aspects.put(a.getKey(), new MarksWorkbook.AspectValue(decimal(aspect.getString("value")),
                    aspect.getString("status"), flags, aspect.getString("overrideReason")));
        });
        return new MarksWorkbook.SheetValue(decimal(json.getString("total")), json.getString("status"),
                json.getBoolean("locked"), aspects);
    }

    private static Map<Long, String> names(List<PanelMember> panel) {
        Map<Long, String> names = new HashMap<>();
        panel.forEach(m -> names.put(m.accountId(), m.displayName()));
        return names;
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** 「contest-event-what.xlsx」 without the characters file systems refuse. */
    static String fileName(String contest, String event, String what) {
        String name = contest + (event == null ? "" : "-" + event) + "-" + what;
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".xlsx";
    }

    private static Document document(String filename, java.util.function.Consumer<OutputStream> writer) {
        return new Document() {
            @Override
            public String filename() {
                return filename;
            }

            @Override
            public void write(OutputStream out) {
                writer.accept(out);
            }
        };
    }
}
