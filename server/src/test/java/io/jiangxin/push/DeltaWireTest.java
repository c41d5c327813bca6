package io.jiangxin.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.BoardRow;
import io.jiangxin.judging.BoardView;
import io.jiangxin.judging.TeamRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delta crosses the cluster in the board notice and arrives as it left: every field, totals as printed. */
class DeltaWireTest {

    @Test
    void deltasSurviveTheNoticeExactly() {
        BoardDelta individual = new BoardDelta(BoardView.PUBLIC, 4, 5,
                List.of(new BoardRow("11", 1, 1, false, "95.50", "LOCKED", "GOLD", "1.2345", true, "88.10"),
                        new BoardRow("12", 2, null, true, "80.00", "PROVISIONAL", null)),
                List.of("13"), null, false, null);
        BoardDelta teams = new BoardDelta(BoardView.JURY, 9, 12, List.of(), List.of(),
                List.of(new TeamRow("t1", 1, false, "180.50", List.of("11", "12")),
                        new TeamRow("t2", 2, true, "180.50", List.of())), true, "11");

        List<BoardDelta> back = DeltaWire.decode(DeltaWire.encode(List.of(individual, teams)));

        assertThat(back).containsExactly(individual, teams);
        assertThat(back.get(0).rows().get(0).total()).isEqualTo("95.50");
    }

    @Test
    void aNoticeWithoutDeltasSaysSo() {
        assertThat(DeltaWire.decode(null)).isNull();
        assertThat(DeltaWire.decode(DeltaWire.encode(List.of()))).isEmpty();
    }
}
