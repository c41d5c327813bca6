package io.jiangxin.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.function.Supplier;

/** Assembles the HTTP surface: /api resources, /health, /metrics, /openapi.yaml and the browser apps. */
public final class Routes {

    public static final long BODY_LIMIT_BYTES = 256 * 1024;

    private Routes() {
    }

    public static Router router(Vertx vertx, Services services, NodeInfo node, Supplier<List<String>> clusterMembers,
                                Readiness readiness, Supplier<io.vertx.core.json.JsonObject> liveState,
                                Supplier<String> metrics, ContractGate contract, ServingLoops loops) {
        StrictJson.hardenVertxCodec();
        Router router = Router.router(vertx);
        router.route().handler(RequestIds::handle);
        router.route().handler(ctx -> ctx.put(Responses.STORE_FAILURES, services.storeFailures()).next());
        router.route().failureHandler(Failures::handle);
        router.errorHandler(404, Failures::handle);
        router.errorHandler(405, Failures::handle);

        new HealthRoutes(services.pool(), node, clusterMembers, services.boardSockets()::viewerCount,
                readiness, liveState, loops).mount(router);
        OpenApiRoute.mount(router);
        new MetricsRoutes(metrics).mount(router);

        Router api = Router.router(vertx);
        api.route().handler(RequestDeadline::handle);
        ImportRoutes.mountBodyHandler(api);
        EntryRoutes.mountBodyHandler(api);
        ServiceRoutes.mountBodyHandler(api);
        api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        api.route().failureHandler(Failures::handle);
        api.route().handler(new Authentication(services.sessions())::handle);
        api.route().handler(contract::handle);
        new RegistryRoutes(services.registry()).mount(api);
        new ImportRoutes(services.registry()).mount(api);
        new AuthRoutes(services.accounts(), services.sessions(), services.throttle()).mount(api);
        new EventSetupRoutes(services.eventSetup()).mount(api);
        new JudgingRoutes(services.judging(), services.appeals()).mount(api);
        new JudgingViewRoutes(services.reads(), services.live(), services.presence()).mount(api);
        new BoardRoutes(services.boardControl(), services.boardReads()).mount(api);
        new DrawRoutes(services.draws()).mount(api);
        new LadderRoutes(services.ladder(), services.resultPoints()).mount(api);
        new ExportRoutes(services.exports(), services.reads()).mount(api);
        new ScoringRoutes(services.reads(), services.live()).mount(api);
        new ReviewRoutes(services.reviewAssignments(), services.advancements()).mount(api);
        new EntryRoutes(services.entries()).mount(api);
        // 创新创效 screens: an entry by its sheet's code for the judge console, the 路演 programme for the hall screen
        new InnovationScreenRoutes(services.innovationScreens(), services.boardReads()).mount(api);
        new CertificateRoutes(services.certificates()).mount(api);
        new PublicationRoutes(services.publications(), services.publishedResults()).mount(api);
        // 劳模工匠助企行: the service platform
        new ServiceRoutes(services.servicePlatform()).mount(api);
        new PersonalDataRoutes(services.personalData()).mount(api);
        router.route("/api/*").subRouter(api);
        router.get("/ws/boards").handler(services.boardSockets()::handle);

        // The apps revalidate on every load (a cheap 304), so a tablet or hall screen picks up a new version at once;
        // the console's service worker keeps it usable offline.
        router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(0)
                .setIndexPage("index.html"));
        return router;
    }
}
