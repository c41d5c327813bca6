package io.jiangxin.judging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The boards folded from a score log, without any server: team boards, freeze and the reveal order. */
class EventBoardsTest {

    /** One measured aspect 0–100; teams count their best two members. */
    static String scheme() {
        return new JsonObject().put("id", "boards").put("nameZh", "看板").put("nameEn", "Boards")
                .put("rounding", new JsonObject().put("scale", 2).put("mode", "HALF_UP"))
                .put("parts", new JsonArray().add(new JsonObject().put("id", "p").put("nameZh", "实操").put("nameEn", "P")
                        .put("maximum", 100).put("weight", 100).put("modules", new JsonArray().add(new JsonObject()
                                .put("id", "m").put("nameZh", "测量").put("nameEn", "M").put("aspects", new JsonArray()
                                        .add(new JsonObject().put("id", "M1").put("descriptionZh", "值").put("descriptionEn", "Value")
                                                .put("type", "MEASUREMENT").put("measurement", "VALUE").put("maximum", 100)
                                                .put("step", 1)))))))
                .put("ranking", new JsonObject().put("tieBreaks", new JsonArray().add(new JsonObject().put("by", "TIE_STANDS")))
                        .put("team", new JsonObject().put("countedMembers", 2).put("tieBreaks", new JsonArray())))
                .encode();
    }

    static final Map<String, String> TEAMS = Map.of("1", "org:A", "2", "org:A", "3", "org:A", "4", "org:B",
            "5", "org:B");

    private static ScoreRecord mark(long seq, String entry, int value) {
        return ScoreRecord.mark(seq, entry, "M1", "j1", BigDecimal.valueOf(value), false);
    }

    private static ScoreRecord record(long seq, RecordKind kind) {
        return ScoreRecord.of(seq, kind, null, null, null, null, null);
    }

    @Test
    void teamBoardsSumEachTeamsBestMembers() {
        EventJudging state = new EventJudging(1, scheme(), TEAMS);
        state.apply(List.of(mark(1, "1", 90), mark(2, "2", 50), mark(3, "3", 70), mark(4, "4", 85), mark(5, "5", 80)));
        List<TeamRow> teams = state.board(BoardView.JURY).snapshot(state.policy(), state.signedOff()).teams();
        assertThat(teams).extracting(TeamRow::teamId).containsExactly("org:B", "org:A");
        assertThat(teams.get(0).total()).isEqualTo("165.00");
        assertThat(teams.get(1).total()).isEqualTo("160.00");
        assertThat(teams.get(1).members()).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void aFrozenBoardRevealsFromTheBottomUpAndEndsEqualToTheLiveOne() {
        EventJudging state = new EventJudging(1, scheme(), TEAMS);
        long seq = 0;
        List<ScoreRecord> log = new ArrayList<>();
        for (int entry = 1; entry <= 5; entry++) {
            log.add(mark(++seq, String.valueOf(entry), 50 + entry));
        }
        log.add(record(++seq, RecordKind.FREEZE));
        // After the freeze, the last two on the frozen board jump to the top.
        log.add(mark(++seq, "1", 99));
        log.add(mark(++seq, "2", 98));
        state.apply(log);
        BoardSnapshot frozen = state.board(BoardView.PUBLIC).snapshot(state.policy(), false);
        assertThat(frozen.frozen()).isTrue();
        assertThat(frozen.rows()).extracting(BoardRow::entryId).containsExactly("5", "4", "3", "2", "1");
        assertThat(state.revealsLeft()).isEqualTo(2);

        state.apply(List.of(record(++seq, RecordKind.REVEAL_STEP)));
        assertThat(state.board(BoardView.PUBLIC).snapshot(state.policy(), false).rows()).extracting(BoardRow::entryId)
                .as("the lowest changed entry, 1, is revealed first and rises to the top")
                .containsExactly("1", "5", "4", "3", "2");
        state.apply(List.of(record(++seq, RecordKind.REVEAL_STEP)));
        assertThat(state.revealsLeft()).isZero();
        assertThat(state.board(BoardView.PUBLIC).snapshot(state.policy(), false).rows())
                .isEqualTo(state.board(BoardView.JURY).snapshot(state.policy(), false).rows());
    }

    @Test
    void boardsDoNotDependOnTheOrderRecordsArrive() {
        List<ScoreRecord> log = new ArrayList<>();
        long seq = 0;
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            log.add(mark(++seq, String.valueOf(1 + random.nextInt(5)), random.nextInt(101)));
            if (i == 20) {
                log.add(record(++seq, RecordKind.FREEZE));
            }
            if (i > 25 && i % 5 == 0) {
                log.add(record(++seq, RecordKind.REVEAL_STEP));
            }
        }
        EventJudging inOrder = new EventJudging(1, scheme(), TEAMS);
        inOrder.apply(log);
        for (int round = 0; round < 10; round++) {
            List<ScoreRecord> shuffled = new ArrayList<>(log);
            Collections.shuffle(shuffled, random);
            EventJudging arrivals = new EventJudging(1, scheme(), TEAMS);
            shuffled.forEach(r -> arrivals.apply(List.of(r)));
            for (BoardView view : BoardView.values()) {
                assertThat(arrivals.board(view).snapshot(arrivals.policy(), false).rows())
                        .isEqualTo(inOrder.board(view).snapshot(inOrder.policy(), false).rows());
            }
        }
    }
}
