package io.jiangxin.app.ladder;

import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsCalculator;
import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.TierHistory;
import io.jiangxin.registry.Person;
import io.jiangxin.storage.ladder.CourseStore.AttendanceRow;
import io.jiangxin.storage.ladder.EvidenceStore.EvidenceRow;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.LedgerStore.ConfigEntry;
import io.jiangxin.storage.ladder.MentorshipStore.MentorshipRow;
import io.jiangxin.storage.ladder.NominationStore.NominationRow;
import io.jiangxin.storage.ladder.ResultFactStore.AssessmentRow;
import io.jiangxin.storage.ladder.ResultFactStore.ResultRow;
import io.jiangxin.storage.ladder.TierHoldingStore.HoldingRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The worker's page as a read model: tiers held and their history, each configuration's ledger with points over
 * time and standings, results, evidence, training and assessments, mentoring both ways, and nominations.
 */
public record WorkerRecord(LadderStores stores, Programmes programmes, Clock clock) {

    /** Everything stored about one worker that the page shows, read together. */
    private record WorkerFacts(Person person, List<HoldingRow> holdings, List<ConfigEntry> ledger,
                               List<ResultRow> results, List<EvidenceRow> evidence, List<AttendanceRow> attendance,
                               List<MentorshipRow> mentorships, Map<Long, String> organizations,
                               List<NominationRow> nominations, List<AssessmentRow> assessments) {
    }

    private static final PointsCalculator CALCULATOR = new PointsCalculator();

    public Future<JsonObject> workerPage(long personId, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LadderCalendar.today(clock);
        SqlClient c = stores.pool();
        return stores.people().person(c, personId).compose(person -> programmes.all(c).compose(all ->
                facts(c, person).compose(facts -> {
                    Set<Long> others = new TreeSet<>();
                    facts.mentorships().forEach(m -> {
                        others.add(m.mentorId());
                        others.add(m.apprenticeId());
                    });
                    return stores.people().people(c, others)
                            .map(people -> page(facts, all, LadderFacts.names(people), day));
                })));
    }

    private Future<WorkerFacts> facts(SqlClient c, Person person) {
        List<Long> me = List.of(person.id());
        Future<List<HoldingRow>> holdings = stores.holdings().holdings(c, me);
        Future<List<ConfigEntry>> ledger = stores.ledger().ledgerOfPerson(c, person.id());
        Future<List<ResultRow>> results = stores.results().results(c, me);
        Future<List<EvidenceRow>> evidence = stores.evidence().evidence(c, me);
        Future<List<AttendanceRow>> attendance = stores.courses().attendanceOf(c, person.id());
        Future<List<MentorshipRow>> mentorships = stores.mentorships().mentorshipsOf(c, me);
        Future<Map<Long, String>> organizations = stores.people().organizationNames(c, List.of(person.organizationId()));
        Future<List<NominationRow>> nominations = stores.nominations().nominations(c, null, null, null, null,
                person.id());
        Future<List<AssessmentRow>> assessments = stores.results().assessments(c, me);
        return Future.all(List.of(holdings, ledger, results, evidence, attendance, mentorships, organizations,
                        nominations, assessments))
                .map(v -> new WorkerFacts(person, holdings.result(), ledger.result(), results.result(),
                        evidence.result(), attendance.result(), mentorships.result(), organizations.result(),
                        nominations.result(), assessments.result()));
    }

    private JsonObject page(WorkerFacts facts, List<Programme> all, Map<Long, String> names, LocalDate day) {
        Person person = facts.person();
        long personId = person.id();
        Map<String, Ladder> ladders = Programme.allLadders(all);
        JsonArray tiers = new JsonArray();
        for (TierHistory h : LadderFacts.histories(ladders, personId, facts.holdings())) {
            tiers.add(new JsonObject().put("ladderId", h.ladder().ladderId()).put("ladderName", h.ladder().name())
                    .put("current", h.heldOn(day).map(x -> new JsonObject().put("tier", x.tierCode())
                            .put("tierName", h.ladder().tierName(x.tierCode())).put("since", x.start().toString()))
                            .orElse(null))
                    .put("history", LadderHoldings.historyView(h)));
        }
        JsonArray points = new JsonArray();
        for (Programme p : all) {
            List<LedgerEntry> mine = facts.ledger().stream().filter(e -> e.configCode().equals(p.code()))
                    .map(ConfigEntry::entry).toList();
            if (!mine.isEmpty()) {
                points.add(pointsView(p, mine, personId, day));
            }
        }
        JsonArray resultItems = new JsonArray();
        facts.results().forEach(r -> resultItems.add(LadderViews.result(r)));
        JsonArray evidenceItems = new JsonArray();
        facts.evidence().forEach(e -> evidenceItems.add(LadderViews.evidence(e)));
        JsonArray training = new JsonArray();
        facts.attendance().forEach(a -> training.add(LadderViews.attendance(a)));
        JsonArray assessmentItems = new JsonArray();
        facts.assessments().forEach(a -> assessmentItems.add(LadderViews.assessment(a)));
        JsonArray apprentices = new JsonArray();
        JsonArray mentors = new JsonArray();
        for (MentorshipRow m : facts.mentorships()) {
            JsonObject view = LadderViews.mentorship(m, names, day, LadderFacts.mentorship(m));
            (m.mentorId() == personId ? apprentices : mentors).add(view);
        }
        JsonArray nominationItems = new JsonArray();
        // Ladder and tier by name too: the worker's page shows names, never codes.
        facts.nominations().forEach(n -> {
            Ladder ladder = ladders.get(n.ladderId());
            nominationItems.add(new JsonObject().put("id", n.id())
                    .put("ladderId", n.ladderId()).put("tier", n.tierCode()).put("year", n.year())
                    .put("ladderName", ladder == null ? null : ladder.name())
                    .put("tierName", ladder == null ? null : ladder.tierName(n.tierCode()))
                    .put("state", n.state()));
        });
        return new JsonObject().put("person", new JsonObject().put("id", person.id()).put("name", person.name())
                        .put("organizationId", person.organizationId())
                        .put("organization", facts.organizations().get(person.organizationId()))
                        .put("trade", person.trade())
                        .put("skillGrade", person.skillGrade() == null ? null : person.skillGrade().name()))
                .put("asOf", day.toString()).put("tiers", tiers).put("points", points)
                .put("results", resultItems).put("evidence", evidenceItems).put("training", training)
                .put("assessments", assessmentItems)
                .put("apprentices", apprentices).put("mentors", mentors).put("nominations", nominationItems);
    }

    /** One configuration's ledger of a person: entries, cumulative points by category over time, and standings. */
    private JsonObject pointsView(Programme p, List<LedgerEntry> entries, long personId, LocalDate asOf) {
        JsonArray items = new JsonArray();
        entries.forEach(e -> items.add(LadderViews.entry(e)));
        Map<String, TreeMap<LocalDate, BigDecimal>> byCategory = new TreeMap<>();
        entries.stream().filter(e -> !e.recordedOn().isAfter(asOf)).forEach(e -> byCategory
                .computeIfAbsent(e.category(), k -> new TreeMap<>()).merge(e.effectiveOn(), e.points(), BigDecimal::add));
        JsonArray series = new JsonArray();
        byCategory.forEach((category, byDate) -> {
            JsonArray pointsOverTime = new JsonArray();
            BigDecimal running = BigDecimal.ZERO;
            for (var e : byDate.entrySet()) {
                running = running.add(e.getValue());
                pointsOverTime.add(new JsonObject().put("date", e.getKey().toString())
                        .put("points", LadderViews.points(running)));
            }
            series.add(new JsonObject().put("category", category).put("series", pointsOverTime));
        });
        JsonArray standings = new JsonArray();
        for (PointsScheme scheme : p.config().schemes()) {
            // The scheme's title beside its id: pages show titles, never ids.
            standings.add(LadderViews.standing(CALCULATOR.standing(String.valueOf(personId), entries, scheme, asOf))
                    .put("schemeName", LadderViews.text(scheme.name())));
        }
        return new JsonObject().put("config", p.code()).put("entries", items).put("byCategory", series)
                .put("standings", standings);
    }
}
