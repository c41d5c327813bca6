package io.jiangxin.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * 揭榜 over random freezes: random marks, locks and unlocks before and after a freeze, perhaps a sign-off, either
 * board policy and either team setting; then reveal steps until none is left. Each step is checked against the
 * boards alone, as a viewer would see them, and against the live public board (the same log, unfrozen).
 *
 * <p>Besides the order, it checks: the frozen board holds still until a reveal step, also when judging changes
 * arrive between steps (an uncovered entry keeps the result it was uncovered with until another step); each step is one version and
 * gives exactly one entry its live line; revealsLeft counts the entries hiding a change and drops by one per step;
 * no entry is uncovered twice and exactly those hiding a change at the start are; the jury board never moves; a
 * step with nothing left changes nothing; no team board is public before names unless the organizer said so.
 *
 * <p>An entry "hides a change" while its line on the public board (total and status, or having no line) differs
 * from its line on the live public board. With this scheme (one aspect, ties stand) that line is all its rank
 * depends on.
 */
class RevealOrderProperties {

    enum Kind { MARK, LOCK, UNLOCK }

    record Action(String entry, Kind kind, String judge, int value) {
    }

    /** {@code duringCeremony}: judging changes that arrive between reveal steps, one before each step. */
    record Scenario(List<Action> beforeFreeze, List<Action> afterFreeze, BoardPolicy policy, boolean teamsEarly,
                    boolean signOff, List<Action> duringCeremony) {
    }

    /** What a line tells the audience about an entry. */
    record Face(String total, String status) {
    }

    @Provide
    Arbitrary<Scenario> freezes() {
        Arbitrary<Action> action = Combinators.combine(
                Arbitraries.integers().between(1, 7).map(String::valueOf),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(8, Kind.MARK), net.jqwik.api.Tuple.of(2, Kind.LOCK),
                        net.jqwik.api.Tuple.of(1, Kind.UNLOCK)),
                Arbitraries.of("j1", "j2"),
                Arbitraries.integers().between(0, 100)).as(Action::new);
        return Combinators.combine(action.list().ofMaxSize(25), action.list().ofMaxSize(25),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(3, BoardPolicy.PROVISIONAL),
                        net.jqwik.api.Tuple.of(1, BoardPolicy.LOCKED_ONLY)),
                Arbitraries.of(false, true), Arbitraries.of(false, true),
                Arbitraries.oneOf(Arbitraries.just(List.<Action>of()), action.list().ofMinSize(1).ofMaxSize(6)))
                .as(Scenario::new);
    }

    @Property(tries = 400)
    void revealStepsUncoverTheLowestHiddenChangeOneEntryAtATimeUntilThePublicBoardIsLive(
            @ForAll("freezes") Scenario scenario) {
        List<ScoreRecord> log = new ArrayList<>();
        log.add(ScoreRecord.of(1, RecordKind.BOARD_POLICY, null, null, null,
                new BoardSettings(scenario.policy(), scenario.teamsEarly()).detail(), null));
        scenario.beforeFreeze().forEach(a -> log.add(record(log.size() + 1, a)));
        log.add(event(log.size() + 1, RecordKind.FREEZE));
        List<BoardRow> atFreeze = publicRows(fold(log));
        scenario.afterFreeze().forEach(a -> log.add(record(log.size() + 1, a)));
        if (scenario.signOff()) {
            log.add(event(log.size() + 1, RecordKind.SIGN_OFF));
        }
        EventJudging state = fold(log);
        assertThat(publicRows(state)).as("the frozen board holds still until a reveal step").isEqualTo(atFreeze);
        assertAnonymous(state, scenario);
        List<BoardRow> live = liveBoard(log);
        List<Action> ceremony = new ArrayList<>(scenario.duringCeremony());
        long juryVersion = state.board(BoardView.JURY).version();
        Set<String> hiddenAtStart = hidden(publicRows(state), live);
        assertThat(state.revealsLeft()).as("revealsLeft counts the entries hiding a change")
                .isEqualTo(hiddenAtStart.size());

        net.jqwik.api.statistics.Statistics.label("steps").collect(hiddenAtStart.isEmpty() ? "none"
                : hiddenAtStart.size() < 4 ? "1-3" : "4+");
        net.jqwik.api.statistics.Statistics.label("entries off the frozen board").collect(
                hiddenAtStart.stream().anyMatch(id -> publicRows(state).stream().noneMatch(r -> r.entryId().equals(id))));
        Set<String> uncovered = new HashSet<>();
        while (state.revealsLeft() > 0 || !ceremony.isEmpty()) {
            if (!ceremony.isEmpty()) {
                List<BoardRow> still = publicRows(state);
                long stillVersion = state.board(BoardView.PUBLIC).version();
                log.add(record(log.size() + 1, ceremony.remove(0)));
                state.apply(List.of(log.get(log.size() - 1)));
                assertThat(publicRows(state)).as("a change during the ceremony waits for a step").isEqualTo(still);
                assertThat(state.board(BoardView.PUBLIC).version()).isEqualTo(stillVersion);
                live = liveBoard(log);
                juryVersion = state.board(BoardView.JURY).version();
                assertThat(state.revealsLeft()).isEqualTo(hidden(still, live).size());
                if (state.revealsLeft() == 0) {
                    continue;
                }
            }
            List<BoardRow> before = publicRows(state);
            Set<String> hidden = hidden(before, live);
            long version = state.board(BoardView.PUBLIC).version();
            int left = state.revealsLeft();
            log.add(event(log.size() + 1, RecordKind.REVEAL_STEP));
            state.apply(List.of(log.get(log.size() - 1)));

            List<BoardDelta> deltas = state.board(BoardView.PUBLIC).since(version);
            assertThat(deltas).as("a step is one version of the public board").hasSize(1);
            String revealed = deltas.get(0).revealed();
            assertThat(hidden).as("the uncovered entry hid a change").contains(revealed);
            boolean first = uncovered.add(revealed);
            if (scenario.duringCeremony().isEmpty()) {
                assertThat(first).as("no entry is uncovered twice").isTrue();
            }
            assertBottomUp(revealed, before, hidden, live);

            List<BoardRow> after = publicRows(state);
            Map<String, Face> facesBefore = faces(before);
            Map<String, Face> facesAfter = faces(after);
            Set<String> changed = new TreeSet<>(facesBefore.keySet());
            changed.addAll(facesAfter.keySet());
            changed.removeIf(id -> Objects.equals(facesBefore.get(id), facesAfter.get(id)));
            assertThat(changed).as("a step changes exactly one entry's line").containsExactly(revealed);
            assertThat(facesAfter.get(revealed)).as("and gives it its live line").isEqualTo(faces(live).get(revealed));
            assertThat(state.revealsLeft()).isEqualTo(left - 1);
            assertThat(state.board(BoardView.JURY).version()).as("the jury board does not move").isEqualTo(juryVersion);
            assertAnonymous(state, scenario);
        }

        if (scenario.duringCeremony().isEmpty()) {
            assertThat(uncovered).as("exactly the entries that hid a change at the start were uncovered")
                    .isEqualTo(hiddenAtStart);
        }
        BoardSnapshot done = state.board(BoardView.PUBLIC).snapshot(state.policy(), state.signedOff());
        assertThat(done.frozen()).isTrue();
        assertThat(done.rows()).as("the public board ends equal to the live one").isEqualTo(live);
        if (scenario.policy() == BoardPolicy.PROVISIONAL) {
            assertThat(done.rows()).as("and so to the jury board")
                    .isEqualTo(state.board(BoardView.JURY).snapshot(state.policy(), state.signedOff()).rows());
        }
        if (scenario.signOff() || scenario.teamsEarly()) {
            assertThat(done.teams()).as("team boards are public once names are")
                    .isEqualTo(fold(unfrozen(log)).board(BoardView.PUBLIC).snapshot(state.policy(), true).teams());
        }
        long version = state.board(BoardView.PUBLIC).version();
        log.add(event(log.size() + 1, RecordKind.REVEAL_STEP));
        state.apply(List.of(log.get(log.size() - 1)));
        assertThat(state.board(BoardView.PUBLIC).version()).as("a step with nothing left changes nothing")
                .isEqualTo(version);
    }

    /**
     * ICPC order: nothing below the uncovered entry on the board it was uncovered from hides a change, nor does
     * any entry missing from that board (those sit below every line); among the missing, the lowest live one goes
     * first. So the winner is never uncovered before the places below it.
     */
    private static void assertBottomUp(String revealed, List<BoardRow> before, Set<String> hidden,
                                       List<BoardRow> live) {
        Map<String, Integer> position = positions(before);
        Set<String> missing = new TreeSet<>(hidden);
        missing.removeAll(position.keySet());
        if (position.containsKey(revealed)) {
            assertThat(missing).as("entries off the board are uncovered before any line on it").isEmpty();
            for (BoardRow row : before) {
                if (row.position() > position.get(revealed)) {
                    assertThat(hidden).as("%s is below %s and still hides a change", row.entryId(), revealed)
                            .doesNotContain(row.entryId());
                }
            }
        } else {
            Map<String, Integer> livePosition = positions(live);
            for (String other : missing) {
                assertThat(livePosition.get(other)).as("%s is placed lower than %s", revealed, other)
                        .isLessThanOrEqualTo(livePosition.get(revealed));
            }
        }
    }

    /**
     * Before names are public the public board shows no team unless the organizer chose to: not before the
     * sign-off, nor while a line still shows a locked result from before it (no name on it yet).
     */
    private static void assertAnonymous(EventJudging state, Scenario scenario) {
        BoardSnapshot snapshot = state.board(BoardView.PUBLIC).snapshot(state.policy(), state.signedOff());
        boolean namesPublic = scenario.signOff() && snapshot.rows().stream().noneMatch(r -> "LOCKED".equals(r.status()));
        if (!scenario.teamsEarly() && !namesPublic) {
            assertThat(snapshot.teams()).as("no team board while names are hidden").isEmpty();
        }
    }

    private static Set<String> hidden(List<BoardRow> shown, List<BoardRow> live) {
        Map<String, Face> now = faces(shown);
        Map<String, Face> real = faces(live);
        Set<String> ids = new TreeSet<>(now.keySet());
        ids.addAll(real.keySet());
        ids.removeIf(id -> Objects.equals(now.get(id), real.get(id)));
        return ids;
    }

    private static Map<String, Face> faces(List<BoardRow> rows) {
        Map<String, Face> faces = new HashMap<>();
        rows.forEach(r -> faces.put(r.entryId(), new Face(r.total(), r.status())));
        return faces;
    }

    private static Map<String, Integer> positions(List<BoardRow> rows) {
        Map<String, Integer> positions = new HashMap<>();
        rows.forEach(r -> positions.put(r.entryId(), r.position()));
        return positions;
    }

    private static List<BoardRow> publicRows(EventJudging state) {
        return state.board(BoardView.PUBLIC).snapshot(state.policy(), state.signedOff()).rows();
    }

    /** The public board the same log gives with the freeze lifted: what every reveal works towards. */
    private static List<BoardRow> liveBoard(List<ScoreRecord> log) {
        EventJudging twin = fold(unfrozen(log));
        return twin.board(BoardView.PUBLIC).snapshot(twin.policy(), twin.signedOff()).rows();
    }

    private static List<ScoreRecord> unfrozen(List<ScoreRecord> log) {
        List<ScoreRecord> copy = new ArrayList<>(log);
        copy.add(event(copy.size() + 1, RecordKind.UNFREEZE));
        return copy;
    }

    private static EventJudging fold(List<ScoreRecord> log) {
        EventJudging state = new EventJudging(1, EventBoardsTest.scheme(), EventBoardsTest.TEAMS);
        state.apply(log);
        return state;
    }

    private static ScoreRecord record(long seq, Action action) {
        return switch (action.kind()) {
            case MARK -> ScoreRecord.mark(seq, action.entry(), "M1", action.judge(), BigDecimal.valueOf(action.value()),
                    false);
            case LOCK -> ScoreRecord.of(seq, RecordKind.LOCK, action.entry(), null, null, null, null);
            case UNLOCK -> ScoreRecord.of(seq, RecordKind.UNLOCK, action.entry(), null, null, null, null);
        };
    }

    private static ScoreRecord event(long seq, RecordKind kind) {
        return ScoreRecord.of(seq, kind, null, null, null, null, null);
    }
}
