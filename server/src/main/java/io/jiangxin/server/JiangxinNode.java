package io.jiangxin.server;

import io.jiangxin.app.Accounts;
import io.jiangxin.app.Advancements;
import io.jiangxin.app.EventSetup;
import io.jiangxin.app.Draws;
import io.jiangxin.app.Entries;
import io.jiangxin.app.InnovationScreens;
import io.jiangxin.app.JudgingReads;
import io.jiangxin.app.PersonalData;
import io.jiangxin.app.Registry;
import io.jiangxin.app.ReviewAssignments;
import io.jiangxin.app.ServicePlatform;
import io.jiangxin.storage.AdvancementStore;
import io.jiangxin.storage.DrawStore;
import io.jiangxin.storage.EntryStore;
import io.jiangxin.storage.PersonalDataStore;
import io.jiangxin.storage.ReviewStore;
import io.jiangxin.storage.ServiceStore;
import io.jiangxin.cluster.HazelcastSetup;
import io.jiangxin.embeddedpg.EmbeddedPostgres;
import io.jiangxin.http.NodeInfo;
import io.jiangxin.http.Routes;
import io.jiangxin.storage.DatabaseUrl;
import io.jiangxin.server.config.Settings;
import io.jiangxin.storage.Migrations;
import io.jiangxin.storage.SeasonLoader;
import io.jiangxin.storage.Stores;
import io.jiangxin.app.Appeals;
import io.jiangxin.app.BoardControl;
import io.jiangxin.app.Certificates;
import io.jiangxin.certificates.print.CertificateFont;
import io.jiangxin.storage.CertificateStore;
import io.jiangxin.push.BoardReads;
import io.jiangxin.push.BoardSockets;
import io.jiangxin.app.Judging;
import io.jiangxin.app.EventResults;
import io.jiangxin.app.Exports;
import io.jiangxin.app.Publications;
import io.jiangxin.app.PublishedResults;
import io.jiangxin.storage.PublicationStore;
import io.jiangxin.app.LogWriter;
import io.jiangxin.app.MarkBatch;
import io.jiangxin.app.Schemes;
import io.jiangxin.app.ladder.LadderApplication;
import io.jiangxin.app.ladder.LadderDemo;
import io.jiangxin.app.ladder.ResultPoints;
import io.jiangxin.storage.ResultStore;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.LiveHealing;
import io.jiangxin.cluster.Presence;
import io.jiangxin.cluster.Sessions;
import io.jiangxin.cluster.SignInThrottle;
import io.jiangxin.http.Services;
import io.jiangxin.storage.AccountStore;
import io.jiangxin.storage.AppealStore;
import io.jiangxin.storage.IdempotencyStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.jiangxin.storage.SessionStore;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import io.jiangxin.fixtures.DemoSeason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.DeploymentOptions;
import io.jiangxin.http.ServingLoops;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jiangxin server process: an embedded Hazelcast member, a clustered Vert.x, a pg-client pool and the
 * HTTP server. Start and stop are blocking so that {@code main} and tests can use them alike.
 */
public final class JiangxinNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JiangxinNode.class);
    static final long START_TIMEOUT_SECONDS = 120;
    static final long DRAIN_SECONDS = 10;
    static final int SOCKET_SEND_BUFFER_BYTES = 32 * 1024;
    private static final int SHARED_RANDOM_PORT = -1;

    private final Settings settings;
    private final Clock clock;
    private EmbeddedPostgres embedded;
    private DatabaseUrl databaseUrl;
    private HazelcastClusterManager clusterManager;
    private Vertx vertx;
    private Pool pool;
    private Services services;
    private final List<HttpServer> httpServers = HttpVerticle.serverList();
    private HttpServer redirectServer;
    private String periodicWork;
    private LiveHealing healing;
    private LogWriter writer;
    private volatile boolean partitionsSettled;
    private io.jiangxin.app.PersonalData personalData;
    private final io.jiangxin.http.Readiness readiness = new io.jiangxin.http.Readiness(this::clusterFormed);
    private final io.jiangxin.metrics.NodeMetrics metrics = new io.jiangxin.metrics.NodeMetrics();
    private boolean stopped;

    private JiangxinNode(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public static JiangxinNode start(Settings settings) throws Exception {
        return start(settings, Clock.systemUTC());
    }

    /** A node whose publication notice periods and appeal deadlines run on {@code clock} (tests move it on). */
    public static JiangxinNode start(Settings settings, Clock clock) throws Exception {
        JiangxinNode node = new JiangxinNode(settings, clock);
        try {
            node.startAll();
            return node;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        long started = System.nanoTime();
        databaseUrl = settings.databaseUrl();
        if (databaseUrl == null) {
            embedded = EmbeddedPostgres.start(settings.dataDirectory().resolve("postgres"));
            databaseUrl = DatabaseUrl.parse(embedded.url());
        }
        var migration = Migrations.migrate(databaseUrl);
        LOG.info("schema migrated ({} migrations applied) on {}", migration.migrationsExecuted, databaseUrl);
        readiness.migrated();

        clusterManager = new HazelcastClusterManager(HazelcastSetup.config(discovered(settings).member()));
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost(settings.clusterHost()).setPort(0);
        vertx = await(metrics.install(Vertx.builder(), options).withClusterManager(clusterManager).buildClustered());
        pool = io.jiangxin.storage.Database.pool(vertx, databaseUrl);
        services = services(vertx, pool, clusterManager.getHazelcastInstance(), settings, clock);
        // As many writer contexts as HTTP ones: each event's writes queue on one, spread over the loops.
        await(writer.start(vertx, settings.operations().httpInstances()));
        metrics.observe(services.live(), services.boardSockets()::viewerCount);
        await(ensureOrganizer(new AccountStore(pool)));
        healing = new LiveHealing(vertx, clusterManager.getHazelcastInstance(), services.live(), clock);

        if (settings.demo()) {
            var counts = await(new SeasonLoader(pool).load(DemoSeason.load()));
            LOG.info("demo season loaded: {}", counts);
            LOG.info("demo ladder loaded: {}", await(new LadderDemo(services.ladder()).load()));
            LOG.info("demo service platform loaded: {}", await(new io.jiangxin.app.ServiceDemo(
                    new ServiceStore(pool), services.ladder()).load()));
            LOG.info("demo innovation entries given content: {}", await(new io.jiangxin.app.InnovationDemo(pool).load()));
            LOG.info("demo innovation rounds: {}", await(innovationRounds(pool, services).load()));
        }

        NodeInfo info = new NodeInfo(clusterManager.getNodeId(), Version.current(), databaseUrl.toString(),
                embedded != null, HazelcastSetup.CLUSTER_NAME);
        io.jiangxin.server.config.Operations ops = settings.operations();
        personalData = services.personalData();
        periodicWork = await(vertx.deployVerticle(new PeriodicWork(services.resultPoints(), settings.ladderRetry(),
                healing, personalData, ops.personalDataRetention() != null)));

        HttpServerOptions serverOptions = new HttpServerOptions()
                        .setCompressionSupported(true)
                        // No browser speaks HTTP/2 in clear text; without it a connection is HTTP/1.1 from its first
                        // byte, so the head deadline starts at connect instead of waiting for a byte to sniff.
                        .setHttp2ClearTextEnabled(false)
                        .setIdleTimeout(120)
                        // Thousands of board viewers: a capped kernel buffer per socket keeps a slow one from
                        // holding megabytes; beyond it the viewer is coalesced (see push.Viewer).
                        .setSendBufferSize(SOCKET_SEND_BUFFER_BYTES)
                        .setMaxWebSocketMessageSize(64 * 1024);
        if (ops.tls()) {
            Https.secure(serverOptions, ops);
        }
        ServingLoops loops = new ServingLoops(ops.httpInstances());
        // The document is read once; its validators hold no state and serve every instance.
        io.jiangxin.http.ContractGate gate = await(io.jiangxin.http.ContractGate.load(vertx));
        HttpVerticle.Handlers handlers = instanceVertx -> {
            var router = Routes.router(instanceVertx, services, info, this::clusterMembers, readiness,
                    this::liveState, metrics::scrape, gate, loops);
            return ops.tls() ? Https.withHsts(router, ops.hstsMaxAge()) : router;
        };
        // Instances on one port share its socket and take connections in turn; a negative port is Vert.x's way of
        // sharing one random port (port 0 would give each instance a port of its own).
        int port = settings.port() == 0 ? SHARED_RANDOM_PORT : settings.port();
        await(vertx.deployVerticle(() -> new HttpVerticle(serverOptions, port, handlers, loops, httpServers),
                new DeploymentOptions().setInstances(ops.httpInstances())));
        if (ops.redirectPort() != null) {
            redirectServer = await(Https.redirectServer(vertx, httpPort()).listen(ops.redirectPort()));
            LOG.info("plain HTTP on port {} redirects to HTTPS", redirectServer.actualPort());
        }
        LOG.info("Jiangxin {} listening ({}) on port {} with {} HTTP verticle instances after {} ms; cluster members {}",
                Version.current(), ops.tls() ? "HTTPS" : "HTTP", httpPort(), httpServers.size(),
                (System.nanoTime() - started) / 1_000_000, clusterMembers());
        // A node joining a running cluster brings the live states it finds up to the log before it says it is
        // ready, in case a member died between a commit and its update while this one was away.
        // A node that starts alone while the others are still starting is a minority of its configured cluster
        // until the sides merge: its live state is refused then, which must not stop the start.
        readiness.catchingUp(vertx.executeBlocking(services.live()::eventIds, false)
                .compose(services.live()::reconcile)).onComplete(done -> LOG.info(
                "live states checked against the log at start: {}",
                done.succeeded() ? done.result() : done.cause().toString()));
    }

    /** With {@code --cluster-discovery}, the settings joining the members DNS names now, each checked as private. */
    static Settings discovered(Settings settings) {
        var ops = settings.operations();
        if (ops.clusterDiscovery() == null) {
            return settings;
        }
        List<io.jiangxin.server.config.ClusterAddress> found = io.jiangxin.server.config.ClusterDiscovery.lookUp(
                ops.clusterDiscovery(), ops.clusterDnsServer(), settings.clusterPort());
        for (var member : found) {
            io.jiangxin.server.config.ClusterNetwork.requirePrivate(Settings.CLUSTER_DISCOVERY, member.host(),
                    ops.clusterPrivateNetwork());
        }
        LOG.info("cluster discovery {}: members {}", ops.clusterDiscovery(), found);
        return settings.withClusterMembers(found);
    }

    /**
     * The member runs, and its partitions' replicas were in sync once since it joined. Later migrations (another
     * member joining or leaving) do not make it unready: they would take every node out of the balancer at once.
     */
    private boolean clusterFormed() {
        if (clusterManager == null || clusterManager.getHazelcastInstance() == null
                || !clusterManager.getHazelcastInstance().getLifecycleService().isRunning()) {
            return false;
        }
        if (!partitionsSettled) {
            partitionsSettled = clusterManager.getHazelcastInstance().getPartitionService().isLocalMemberSafe();
        }
        // A side of a split that is refused live state (a minority) or could not reconcile it is no place for traffic.
        return partitionsSettled && (healing == null || !healing.lastPass().containsKey("failed"));
    }

    /** What {@code /health/ready} reports; tests hold it not-ready with a catch-up of their own. */
    public io.jiangxin.http.Readiness readiness() {
        return readiness;
    }

    private Services services(Vertx vertx, Pool pool, HazelcastInstance hazelcast, Settings settings,
                              Clock clock) {
        Stores stores = Stores.over(pool);
        AccountStore accounts = new AccountStore(pool);
        JudgingStore judgingStore = new JudgingStore(pool);
        ScoreLogStore log = new ScoreLogStore();
        AppealStore appealStore = new AppealStore();
        LiveEvents live = new LiveEvents(hazelcast, pool, log, judgingStore);
        Schemes schemes = new Schemes();
        IdempotencyStore idempotency = new IdempotencyStore();
        writer = new LogWriter(pool, judgingStore, log, idempotency, live, metrics.judging());
        MarkBatch marks = new MarkBatch(judgingStore, log, schemes, new ReviewStore(pool));
        LadderApplication ladder = LadderApplication.over(pool, clock);
        ResultStore resultStore = new ResultStore(pool);
        ResultPoints resultPoints = new ResultPoints(ladder.reconciliation(), ladder.stores().results(), resultStore,
                live, schemes);
        Sessions sessions = new Sessions(new SessionStore(pool), hazelcast, settings.sessionLifetime(), clock);
        BoardReads boardReads = new BoardReads(live, judgingStore, stores.events());
        PublicationStore publicationStore = new PublicationStore(pool);
        Publications publications = new Publications(publicationStore, clock);
        EventResults results = new EventResults(resultStore, live, schemes);
        ReviewStore reviewStore = new ReviewStore(pool);
        Entries entries = new Entries(new EntryStore(pool), judgingStore, reviewStore, clock);
        return new Services(pool, sessions, new SignInThrottle(hazelcast, Clock.systemUTC()), live,
                new Presence(hazelcast, Clock.systemUTC()),
                new Registry(stores), new JudgingReads(judgingStore, log, appealStore, reviewStore),
                new Judging(writer, judgingStore, log, schemes, marks, resultPoints, clock),
                new Appeals(writer, judgingStore, appealStore, schemes, resultPoints, publicationStore, clock),
                new BoardControl(writer, live),
                boardReads, new BoardSockets(vertx, live, boardReads, stores.events(), sessions, metrics.judging()),
                new Draws(pool, new DrawStore(), log, new IdempotencyStore(), live),
                new ReviewAssignments(reviewStore, judgingStore, log, live),
                new Advancements(new AdvancementStore(pool), judgingStore, live),
                entries,
                ladder, resultPoints,
                results,
                new Exports(results, resultStore, judgingStore, log, live, schemes, publications),
                new Certificates(vertx, pool, new CertificateStore(), results, publications,
                        new CertificateFont(settings.certificateFont()), settings.publicUrl(), clock),
                publications, new PublishedResults(publicationStore, judgingStore, results, publications),
                new ServicePlatform(new ServiceStore(pool), accounts, ladder),
                new PersonalData(new PersonalDataStore(pool), stores.contests(),
                        settings.operations().personalDataRetention(), clock),
                new Accounts(accounts, stores, sessions), new EventSetup(stores, judgingStore, accounts, live),
                new InnovationScreens(entries, judgingStore, new io.jiangxin.storage.RoadshowStore(pool)),
                io.jiangxin.storage.Constraints::translate);
    }

    /** The demo's innovation rounds, judged through the same commands as the API's routes. */
    private static io.jiangxin.app.InnovationRoundsDemo innovationRounds(io.vertx.sqlclient.Pool pool,
                                                                         io.jiangxin.http.Services services) {
        return new io.jiangxin.app.InnovationRoundsDemo(pool, new AccountStore(pool), new JudgingStore(pool),
                services.judging(), services.reviewAssignments(), services.advancements());
    }

    /**
     * A configured organizer code always works; without one, the first start issues a code and logs it once,
     * since nobody could sign in to create the first organizer otherwise.
     */
    private Future<Void> ensureOrganizer(AccountStore accounts) {
        if (settings.organizerCode() != null) {
            return accounts.ensureOrganizer(settings.organizerCode());
        }
        return accounts.anyOrganizer().compose(exists -> {
            if (exists) {
                return Future.succeededFuture();
            }
            return accounts.create(AccountKind.ORGANIZER, "组委会 / organizer", null, null).map(issued -> {
                // A banner on standard output, where whoever started the server looks; the log line stays for
                // services whose output goes to a journal.
                io.jiangxin.app.FirstStartBanner.print(System.out, issued.signInCode());
                LOG.warn("No organizer account existed. Sign in as organizer with code {} (shown once) /"
                        + " 首个组委会登录码：{}", issued.signInCode(), issued.signInCode());
                return null;
            });
        });
    }

    public int httpPort() {
        return httpServers.get(0).actualPort();
    }

    /** Personal data: audited exports, erasure and the retention sweep (tests run the sweep at once). */
    public io.jiangxin.app.PersonalData personalData() {
        return personalData;
    }

    /** The plain HTTP port that redirects to HTTPS, or -1 without one. */
    public int redirectPort() {
        return redirectServer == null ? -1 : redirectServer.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Services services() {
        return services;
    }

    public Pool pool() {
        return pool;
    }

    public DatabaseUrl databaseUrl() {
        return databaseUrl;
    }

    /** The last reconciliation of live states with their logs, and the logs this node found broken. */
    private io.vertx.core.json.JsonObject liveState() {
        io.vertx.core.json.JsonArray broken = new io.vertx.core.json.JsonArray();
        services.reads().brokenLogs().alarms().forEach((eventId, firstBreak) -> broken.add(
                new io.vertx.core.json.JsonObject().put("eventId", eventId).put("firstBreak", firstBreak)));
        return new io.vertx.core.json.JsonObject().put("lastReconcile", healing.lastPass()).put("brokenLogs", broken);
    }

    /** The members' Hazelcast addresses as host:port, in the cluster's own order (oldest first). */
    public List<String> clusterMembers() {
        List<String> members = new ArrayList<>();
        if (clusterManager != null && clusterManager.getHazelcastInstance() != null
                && clusterManager.getHazelcastInstance().getLifecycleService().isRunning()) {
            clusterManager.getHazelcastInstance().getCluster().getMembers().forEach(member ->
                    members.add(member.getAddress().getHost() + ":" + member.getAddress().getPort()));
        }
        return members;
    }

    /** Drains requests in flight, leaves the cluster, closes the pool and stops an embedded database. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        readiness.stopping();
        if (services != null) {
            services.boardSockets().close("服务器停止 / server stopping");
        }
        if (periodicWork != null) {
            quietly("stopping the timers", () -> await(vertx.undeploy(periodicWork)));
        }
        if (redirectServer != null) {
            quietly("closing the redirect port", () -> await(redirectServer.close()));
        }
        if (!httpServers.isEmpty()) {
            quietly("draining HTTP", () -> await(HttpVerticle.drain(httpServers, DRAIN_SECONDS)));
        }
        if (pool != null) {
            quietly("closing the pool", () -> await(pool.close()));
        }
        if (vertx != null) {
            quietly("leaving the cluster", () -> await(vertx.close()));
        }
        if (embedded != null) {
            quietly("stopping embedded PostgreSQL", embedded::close);
        }
        LOG.info("Jiangxin node stopped");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("{} failed: {}", what, e.toString());
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
