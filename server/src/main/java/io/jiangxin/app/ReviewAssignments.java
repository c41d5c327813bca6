package io.jiangxin.app;

import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.ScoringProjections;
import io.jiangxin.registry.FieldError;
import io.jiangxin.registry.ReviewAssignment;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ReviewStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 网评分配: assigns a document round's entries to k judges each from a published seed, reassigns a dropped judge's
 * unmarked entries, and reports progress. Assignment and reassignment hold the event's score-log lock, so they are
 * ordered with marks: a mark is either in before the reassignment reads what the judge has marked, or refused
 * after it as NOT_ASSIGNED. Every run is kept with its inputs and can be re-run by anyone from its seed.
 */
public final class ReviewAssignments {

    private final ReviewStore store;
    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final LiveEvents live;

    public ReviewAssignments(ReviewStore store, JudgingStore judging, ScoreLogStore log, LiveEvents live) {
        this.store = store;
        this.judging = judging;
        this.log = log;
        this.live = live;
    }

    /** A judge asked for, or tried to mark, an entry of a document round that is not theirs. */
    public static Problem notAssigned() {
        return new Problem(ErrorCode.NOT_ASSIGNED, "该成果未分配给您评审 / this entry is not assigned to you for review");
    }

    /** Draws the assignment; one per event (later changes are reassignments). */
    public Future<JsonObject> assign(Principal who, long eventId, int k, String givenSeed) {
        return underLogLock(who, eventId, givenSeed, (conn, seed) -> store.runs(conn, eventId)
                .compose(runs -> {
                    if (runs.stream().anyMatch(r -> r.kind().equals("ASSIGN"))) {
                        throw new Problem(ErrorCode.ALREADY_ASSIGNED, "该赛项已分配评审，请用重新分配 / this event's"
                                + " entries are already assigned; use a reassignment");
                    }
                    return inputs(conn, eventId, null);
                })
                .compose(in -> {
                    if (in.entrants().isEmpty()) {
                        throw new Problem(ErrorCode.NO_ENTRANTS, "该赛项没有报名 / the event has no entrants");
                    }
                    if (in.judges().isEmpty()) {
                        throw new Problem(ErrorCode.NO_JUDGES, "裁判组中没有评委 / the panel has no judges");
                    }
                    if (k > in.judges().size()) {
                        throw Problem.invalid(List.of(new FieldError("k", "每件成果 " + k + " 位评委，但裁判组只有 "
                                + in.judges().size() + " 位 / " + k + " judges per entry, but the panel has "
                                + in.judges().size())));
                    }
                    ReviewAssignment.Result result = ReviewAssignment.assign(seed, k, in.entrants(), in.judges(),
                            in.conflicts());
                    JsonObject outcome = new JsonObject().put("short", new JsonArray(result.short_()))
                            .put("loads", loads(result.loads()));
                    return store.insertRun(conn, eventId, "ASSIGN", seed, seedSource(givenSeed),
                                    ReviewAssignment.ALGORITHM, k, null, in.json(), outcome, result.digest(),
                                    who.accountId())
                            .compose(runId -> store.insertPairs(conn, eventId, runId, pairs(result.judges()))
                                    .map(done -> new JsonObject().put("runId", runId).put("eventId", eventId)
                                            .put("k", k).put("seed", seed).put("seedSource", seedSource(givenSeed))
                                            .put("algorithm", ReviewAssignment.ALGORITHM)
                                            .put("digest", result.digest()).put("entries", result.judges().size())
                                            .put("judges", in.judges().size())
                                            .put("short", codes(result.short_(), in.codes()))
                                            .put("loads", named(result.loads(), in.names()))));
                }));
    }

    /**
     * Moves the dropped judge's unmarked entries to the least-loaded eligible judges left on the panel; entries
     * the judge has started marking stay theirs.
     */
    public Future<JsonObject> reassign(Principal who, long eventId, long dropped, String givenSeed) {
        return underLogLock(who, eventId, givenSeed, (conn, seed) -> store.runs(conn, eventId)
                .compose(runs -> {
                    if (runs.stream().noneMatch(r -> r.kind().equals("ASSIGN"))) {
                        throw new Problem(ErrorCode.NOT_ASSIGNED_YET, "该赛项尚未分配评审 / this event's entries are"
                                + " not assigned yet");
                    }
                    return Future.all(store.assignment(conn, eventId), store.markedBy(conn, eventId, dropped),
                            inputs(conn, eventId, dropped));
                })
                .compose(loaded -> {
                    Map<Long, List<Long>> before = loaded.resultAt(0);
                    Set<Long> marked = loaded.resultAt(1);
                    Inputs in = loaded.resultAt(2);
                    if (before.values().stream().noneMatch(judges -> judges.contains(dropped))) {
                        throw new Problem(ErrorCode.NOT_FOUND, "该评委没有分配到成果 / no entries are assigned to this"
                                + " judge");
                    }
                    ReviewAssignment.Reassignment result = ReviewAssignment.reassign(seed, before, dropped, marked,
                            in.entrants(), in.judges(), in.conflicts());
                    JsonArray moves = new JsonArray();
                    result.moves().forEach(m -> moves.add(new JsonObject().put("registrationId", m.registrationId())
                            .put("from", m.from()).put("to", m.to())));
                    JsonObject inputs = in.json().put("before", assignmentJson(before))
                            .put("marked", new JsonArray(new ArrayList<>(new java.util.TreeSet<>(marked))));
                    JsonObject outcome = new JsonObject().put("moves", moves)
                            .put("unplaced", new JsonArray(result.unplaced()));
                    List<Long> moved = result.moves().stream().map(ReviewAssignment.Move::registrationId).toList();
                    List<long[]> added = result.moves().stream().map(m -> new long[] {m.registrationId(), m.to()})
                            .toList();
                    List<Long> removed = new ArrayList<>(moved);
                    removed.addAll(result.unplaced());
                    return store.insertRun(conn, eventId, "REASSIGN", seed, seedSource(givenSeed),
                                    ReviewAssignment.ALGORITHM, null, dropped, inputs, outcome, result.digest(),
                                    who.accountId())
                            .compose(runId -> store.removePairs(conn, eventId, dropped, removed)
                                    .compose(done -> store.insertPairs(conn, eventId, runId, added))
                                    .map(done -> {
                                        JsonArray shown = new JsonArray();
                                        result.moves().forEach(m -> shown.add(new JsonObject()
                                                .put("entryCode", in.codes().get(m.registrationId()))
                                                .put("from", m.from()).put("to", m.to())
                                                .put("toName", in.names().get(m.to()))));
                                        return new JsonObject().put("runId", runId).put("eventId", eventId)
                                                .put("droppedJudge", dropped).put("seed", seed)
                                                .put("seedSource", seedSource(givenSeed)).put("digest", result.digest())
                                                .put("moves", shown)
                                                .put("kept", codes(new ArrayList<>(new java.util.TreeSet<>(marked)),
                                                        in.codes()))
                                                .put("unplaced", codes(result.unplaced(), in.codes()));
                                    }));
                }));
    }

    /** The runs (seed, digest, who, when) and the current assignment with each judge's load. */
    public Future<JsonObject> view(Principal who, long eventId) {
        return requireJury(who, eventId).compose(panel -> Future.all(store.runs(store.pool(), eventId),
                store.assignment(store.pool(), eventId), judging.entries(store.pool(), eventId, true))
                .map(loaded -> {
                    List<ReviewStore.Run> runs = loaded.resultAt(0);
                    Map<Long, List<Long>> assignment = loaded.resultAt(1);
                    Map<Long, String> codes = codes(loaded.<List<EventEntry>>resultAt(2));
                    Map<Long, String> names = names(panel);
                    JsonArray runList = new JsonArray();
                    runs.forEach(r -> runList.add(runView(r)));
                    JsonArray entries = new JsonArray();
                    Map<Long, Integer> loads = new TreeMap<>();
                    panel.stream().filter(m -> m.role() == PanelRole.JUDGE).forEach(m -> loads.put(m.accountId(), 0));
                    assignment.forEach((registration, judges) -> {
                        JsonArray on = new JsonArray();
                        judges.forEach(j -> {
                            on.add(new JsonObject().put("accountId", j).put("displayName", names.get(j)));
                            loads.merge(j, 1, Integer::sum);
                        });
                        entries.add(new JsonObject().put("entryCode", codes.get(registration)).put("judges", on));
                    });
                    return new JsonObject().put("eventId", eventId).put("assigned", !runs.isEmpty())
                            .put("runs", runList).put("entries", entries).put("loads", named(loads, names));
                }));
    }

    /** Re-runs every recorded run from its seed and stored inputs; public, and it names no one. */
    public Future<JsonObject> verify(long eventId) {
        return store.runs(store.pool(), eventId).map(runs -> {
            JsonArray checked = new JsonArray();
            boolean all = true;
            for (ReviewStore.Run run : runs) {
                Inputs in = Inputs.of(run.inputs());
                String again = run.kind().equals("ASSIGN")
                        ? ReviewAssignment.assign(run.seed(), run.k(), in.entrants(), in.judges(), in.conflicts()).digest()
                        : ReviewAssignment.reassign(run.seed(), assignmentOf(run.inputs().getJsonObject("before")),
                                run.droppedJudge(), longs(run.inputs().getJsonArray("marked")), in.entrants(),
                                in.judges(), in.conflicts()).digest();
                boolean matches = again.equals(run.digest());
                all &= matches;
                checked.add(new JsonObject().put("runId", run.id()).put("kind", run.kind()).put("seed", run.seed())
                        .put("algorithm", run.algorithm()).put("digest", run.digest())
                        .put("recomputedDigest", again).put("matches", matches));
            }
            return new JsonObject().put("eventId", eventId).put("runs", checked).put("matches", all);
        });
    }

    /** Per judge and per entry: assigned, marked (every markable aspect), missing. */
    public Future<JsonObject> progress(Principal who, long eventId) {
        return requireJury(who, eventId).compose(panel -> Future.all(store.assignment(store.pool(), eventId),
                        judging.entries(store.pool(), eventId, true),
                        live.view(eventId, new ScoringProjections.MarkCounts()))
                .map(loaded -> {
                    Map<Long, List<Long>> assignment = loaded.resultAt(0);
                    Map<Long, String> codes = codes(loaded.<List<EventEntry>>resultAt(1));
                    JsonObject counts = new JsonObject(loaded.<String>resultAt(2));
                    int expected = counts.getInteger("expected");
                    Map<Long, String> names = names(panel);
                    Map<Long, int[]> perJudge = new TreeMap<>();
                    panel.stream().filter(m -> m.role() == PanelRole.JUDGE)
                            .forEach(m -> perJudge.put(m.accountId(), new int[2]));
                    JsonArray entries = new JsonArray();
                    assignment.forEach((registration, judges) -> {
                        JsonObject marks = counts.getJsonObject("entries").getJsonObject(String.valueOf(registration),
                                new JsonObject());
                        JsonArray on = new JsonArray();
                        int done = 0;
                        for (long judge : judges) {
                            boolean complete = marks.getInteger(String.valueOf(judge), 0) >= expected;
                            done += complete ? 1 : 0;
                            int[] tally = perJudge.computeIfAbsent(judge, j -> new int[2]);
                            tally[0]++;
                            tally[1] += complete ? 1 : 0;
                            on.add(new JsonObject().put("accountId", judge).put("displayName", names.get(judge))
                                    .put("marked", complete)
                                    .put("aspectsMarked", marks.getInteger(String.valueOf(judge), 0)));
                        }
                        entries.add(new JsonObject().put("entryCode", codes.get(registration))
                                .put("assigned", judges.size()).put("marked", done).put("missing", judges.size() - done)
                                .put("judges", on));
                    });
                    JsonArray judges = new JsonArray();
                    perJudge.forEach((judge, tally) -> judges.add(new JsonObject().put("accountId", judge)
                            .put("displayName", names.get(judge)).put("assigned", tally[0]).put("marked", tally[1])
                            .put("missing", tally[0] - tally[1])));
                    return new JsonObject().put("eventId", eventId).put("version", counts.getLong("version"))
                            .put("aspectsPerSheet", expected).put("judges", judges).put("entries", entries);
                }));
    }

    /** The inputs of a run: entrants with their enterprises, the judges left on the panel, declared conflicts. */
    private record Inputs(List<ReviewAssignment.Entrant> entrants, List<ReviewAssignment.Judge> judges,
                          Map<Long, Set<Long>> conflicts, Map<Long, String> codes, Map<Long, String> names) {

        JsonObject json() {
            JsonArray entrantList = new JsonArray();
            entrants.forEach(e -> entrantList.add(new JsonObject().put("id", e.registrationId())
                    .put("organizations", new JsonArray(new ArrayList<>(new java.util.TreeSet<>(e.organizationIds()))))));
            JsonArray judgeList = new JsonArray();
            judges.forEach(j -> judgeList.add(new JsonObject().put("id", j.accountId())
                    .put("organization", j.organizationId())));
            JsonObject conflictMap = new JsonObject();
            new TreeMap<>(conflicts).forEach((judge, regs) -> conflictMap.put(String.valueOf(judge),
                    new JsonArray(new ArrayList<>(new java.util.TreeSet<>(regs)))));
            return new JsonObject().put("entrants", entrantList).put("judges", judgeList).put("conflicts", conflictMap);
        }

        static Inputs of(JsonObject json) {
            List<ReviewAssignment.Entrant> entrants = new ArrayList<>();
            json.getJsonArray("entrants").forEach(o -> {
                JsonObject e = (JsonObject) o;
                entrants.add(new ReviewAssignment.Entrant(e.getLong("id"), longs(e.getJsonArray("organizations"))));
            });
            List<ReviewAssignment.Judge> judges = new ArrayList<>();
            json.getJsonArray("judges").forEach(o -> {
                JsonObject j = (JsonObject) o;
                judges.add(new ReviewAssignment.Judge(j.getLong("id"), j.getLong("organization")));
            });
            Map<Long, Set<Long>> conflicts = new HashMap<>();
            json.getJsonObject("conflicts").forEach(e -> conflicts.put(Long.parseLong(e.getKey()),
                    longs((JsonArray) e.getValue())));
            return new Inputs(entrants, judges, conflicts, Map.of(), Map.of());
        }
    }

    private Future<Inputs> inputs(SqlConnection conn, long eventId, Long without) {
        return Future.all(judging.entries(conn, eventId), judging.panel(conn, eventId), judging.conflicts(conn, eventId))
                .map(loaded -> {
                    List<EventEntry> entries = loaded.resultAt(0);
                    List<PanelMember> panel = loaded.resultAt(1);
                    Map<Long, Map<Long, String>> declared = loaded.resultAt(2);
                    List<ReviewAssignment.Entrant> entrants = entries.stream().map(e -> new ReviewAssignment.Entrant(
                            e.registrationId(), Set.copyOf(e.organizationIds()))).toList();
                    List<ReviewAssignment.Judge> judges = panel.stream()
                            .filter(m -> m.role() == PanelRole.JUDGE && (without == null || m.accountId() != without))
                            .map(m -> new ReviewAssignment.Judge(m.accountId(), m.organizationId())).toList();
                    Map<Long, Set<Long>> conflicts = new HashMap<>();
                    declared.forEach((judge, regs) -> conflicts.put(judge, Set.copyOf(regs.keySet())));
                    return new Inputs(entrants, judges, conflicts, codes(entries), names(panel));
                });
    }

    /**
     * An organizer's change of the assignment, drawn from the given seed or a new one, under the event's log lock
     * so that no mark lands meanwhile.
     */
    private <T> Future<T> underLogLock(Principal who, long eventId, String givenSeed,
                                       java.util.function.BiFunction<SqlConnection, String, Future<T>> change) {
        requireOrganizer(who);
        String seed = givenSeed != null ? givenSeed : Draws.newSeed();
        return store.pool().withTransaction(conn -> judging.facts(conn, eventId)
                .compose(facts -> log.lock(conn, eventId))
                .compose(head -> change.apply(conn, seed)));
    }

    /** Whether the run's seed was given by the organizer or drawn by the server. */
    private static String seedSource(String givenSeed) {
        return givenSeed != null ? "GIVEN" : "SERVER";
    }

    private static void requireOrganizer(Principal who) {
        if (who == null || !who.is(AccountKind.ORGANIZER)) {
            throw new Problem(ErrorCode.ROLE_NOT_ALLOWED, "只有组委会可以分配评审 / only organizers assign reviews");
        }
    }

    /** Organizers, or the event's head judge; answers the panel. */
    private Future<List<PanelMember>> requireJury(Principal who, long eventId) {
        return judging.facts(eventId).compose(facts -> judging.panel(judging.pool(), eventId)).map(panel -> {
            boolean head = who != null && panel.stream().anyMatch(m -> m.accountId() == who.accountId()
                    && m.role() == PanelRole.HEAD_JUDGE);
            if (who == null || (!who.is(AccountKind.ORGANIZER) && !head)) {
                throw new Problem(ErrorCode.NOT_HEAD_JUDGE, "仅供裁判长和组委会查看 / for the head judge and organizers"
                        + " only");
            }
            return panel;
        });
    }

    private static JsonObject runView(ReviewStore.Run r) {
        JsonObject view = new JsonObject().put("runId", r.id()).put("kind", r.kind()).put("seed", r.seed())
                .put("seedSource", r.seedSource()).put("algorithm", r.algorithm()).put("digest", r.digest())
                .put("runBy", new JsonObject().put("accountId", r.runBy()).put("name", r.runByName()))
                .put("runAt", r.runAt().toInstant().toString());
        if (r.k() != null) {
            view.put("k", r.k()).put("short", r.outcome().getJsonArray("short"));
        }
        if (r.droppedJudge() != null) {
            view.put("droppedJudge", r.droppedJudge()).put("moves", r.outcome().getJsonArray("moves"))
                    .put("unplaced", r.outcome().getJsonArray("unplaced"));
        }
        return view;
    }

    private static List<long[]> pairs(Map<Long, List<Long>> assignment) {
        List<long[]> pairs = new ArrayList<>();
        assignment.forEach((registration, judges) -> judges.forEach(j -> pairs.add(new long[] {registration, j})));
        return pairs;
    }

    private static JsonObject assignmentJson(Map<Long, List<Long>> assignment) {
        JsonObject json = new JsonObject();
        assignment.forEach((registration, judges) -> json.put(String.valueOf(registration), new JsonArray(judges)));
        return json;
    }

    private static Map<Long, List<Long>> assignmentOf(JsonObject json) {
        Map<Long, List<Long>> map = new TreeMap<>();
        json.forEach(e -> map.put(Long.parseLong(e.getKey()), List.copyOf(longs((JsonArray) e.getValue()))));
        return map;
    }

    private static Set<Long> longs(JsonArray array) {
        Set<Long> set = new HashSet<>();
        array.forEach(v -> set.add(((Number) v).longValue()));
        return set;
    }

    private static JsonObject loads(Map<Long, Integer> loads) {
        JsonObject json = new JsonObject();
        loads.forEach((judge, n) -> json.put(String.valueOf(judge), n));
        return json;
    }

    private static JsonArray named(Map<Long, Integer> loads, Map<Long, String> names) {
        JsonArray array = new JsonArray();
        loads.forEach((judge, n) -> array.add(new JsonObject().put("accountId", judge)
                .put("displayName", names.get(judge)).put("entries", n)));
        return array;
    }

    private static JsonArray codes(List<Long> registrations, Map<Long, String> codes) {
        JsonArray array = new JsonArray();
        registrations.forEach(r -> array.add(codes.get(r)));
        return array;
    }

    private static Map<Long, String> codes(List<EventEntry> entries) {
        Map<Long, String> codes = new HashMap<>();
        entries.forEach(e -> codes.put(e.registrationId(), e.entryCode()));
        return codes;
    }

    private static Map<Long, String> names(List<PanelMember> panel) {
        Map<Long, String> names = new HashMap<>();
        panel.forEach(m -> names.put(m.accountId(), m.displayName()));
        return names;
    }
}
