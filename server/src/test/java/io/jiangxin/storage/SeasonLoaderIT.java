package io.jiangxin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.fixtures.DemoSeason;
import io.jiangxin.fixtures.Season;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeasonLoaderIT {

    private TestDatabase database;
    private Vertx vertx;
    private Pool pool;

    @BeforeAll
    void start() {
        database = TestDatabase.create();
        Migrations.migrate(database.url());
        vertx = Vertx.vertx();
        pool = Database.pool(vertx, database.url());
    }

    @AfterAll
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    private SeasonLoader.Counts load(Season season) throws Exception {
        return new SeasonLoader(pool).load(season).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void demoSeasonLoadsOnceAndASecondLoadAddsNothing() throws Exception {
        Season season = DemoSeason.load();
        SeasonLoader.Counts first = load(season);
        assertThat(first.organizations()).isEqualTo(season.organizations().size());
        assertThat(first.people()).isEqualTo(season.people().size());
        assertThat(first.contests()).isEqualTo(2);
        assertThat(first.events()).isEqualTo(DemoSeason.TRADES.size() + DemoSeason.DIRECTIONS.size());
        assertThat(first.entries()).isEqualTo(season.entries().size());
        assertThat(first.judges()).isEqualTo(season.judges().size());

        SeasonLoader.Counts second = load(season);
        assertThat(second).isEqualTo(new SeasonLoader.Counts(0, 0, 0, 0, 0, 0, 0));
        assertThat(database.queryLong("select count(*) from registration")).isEqualTo(season.entries().size());
        assertThat(database.queryLong("select count(*) from person")).isEqualTo(season.people().size());
        assertThat(database.queryLong("select count(*) from panel_member")).isEqualTo(season.judges().size());
        assertThat(database.queryLong("select count(*) from event_chain")).as("every demo event has a scheme")
                .isEqualTo(DemoSeason.TRADES.size() + DemoSeason.DIRECTIONS.size());
        assertThat(database.queryLong("select count(*) from team_member"))
                .isEqualTo(season.teams().stream().mapToLong(t -> t.memberEmployeeNos().size()).sum());
    }
}
