package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.MovableClock;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ladder reads its days from the node's clock, not the machine's: on a node whose clock runs 800 days ahead (at
 * noon in Shanghai, so the day cannot turn during the test), the worker's page is as of that day, evidence is recorded
 * on it, and a date is "too far ahead" only from there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderClockIT {

    private final MovableClock clock = new MovableClock();
    private final LocalDate clockDay = LocalDate.now(LadderTests.SHANGHAI).plusDays(800);
    private TestDatabase database;
    private JiangxinNode node;
    private Http organizer;
    private long person;

    @BeforeAll
    void start() throws Exception {
        Instant noon = clockDay.atTime(12, 0).atZone(LadderTests.SHANGHAI).toInstant();
        clock.advance(Duration.between(Instant.now(), noon));
        database = TestDatabase.create();
        node = Nodes.cluster(database.url(), 1, clock).get(0);
        organizer = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
        long organization = LadderTests.organization(organizer, "时钟厂");
        person = LadderTests.person(organizer, organization, "C001", "钟工", "钳工", null);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theWorkersPageIsAsOfTheNodesDay() {
        JsonObject page = organizer.get("/api/ladder/people/" + person).json();
        assertThat(page.getString("asOf")).isEqualTo(clockDay.toString());
    }

    @Test
    void evidenceIsRecordedOnTheNodesDayAndMayBeDatedUpToAYearAfterIt() {
        LocalDate effective = clockDay.plusDays(200);
        JsonObject evidence = LadderTests.evidence(organizer, person, "INNOVATION", "CLOCK-1", "PATENT_INVENTION",
                effective.toString());
        assertThat(evidence.getString("recordedOn")).isEqualTo(clockDay.toString());
        assertThat(evidence.getString("effectiveOn")).isEqualTo(effective.toString());

        Reply tooFar = organizer.post("/api/ladder/evidence", new JsonObject().put("personId", person)
                .put("kind", "INNOVATION").put("reference", "CLOCK-2").put("qualifier", "PATENT_INVENTION")
                .put("effectiveOn", clockDay.plusYears(1).plusDays(1).toString()));
        assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(400);
        JsonObject detail = tooFar.json().getJsonArray("details").getJsonObject(0);
        assertThat(detail.getString("field")).isEqualTo("effectiveOn");
        assertThat(detail.getString("reason")).isEqualTo("日期超出范围 / date out of range");
    }
}
