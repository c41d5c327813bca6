package io.jiangxin.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.function.Supplier;

/** Assembles the HTTP surface: /api resources, /health, /openapi.yaml and the browser apps. */
public final class Routes {

    public static final long BODY_LIMIT_BYTES = 256 * 1024;

    private Routes() {
    }

    public static Router router(Vertx vertx, Services services, NodeInfo node, Supplier<List<String>> clusterMembers,
                                Readiness readiness, io.jiangxin.app.PersonalData personalData,
                                Supplier<io.vertx.core.json.JsonObject> liveState) {
        StrictJson.hardenVertxCodec();
        Router router = Router.router(vertx);
        router.route().handler(RequestIds::handle);
        router.route().failureHandler(Failures::handle);
        router.errorHandler(404, Failures::handle);
        router.errorHandler(405, Failures::handle);

        new HealthRoutes(services.stores().pool(), node, clusterMembers, services.boardSockets()::viewerCount,
                readiness, liveState).mount(router);
        OpenApiRoute.mount(router);

        Router api = Router.router(vertx);
        api.route().handler(RequestDeadline::handle);
        ImportRoutes.mountBodyHandler(api);
        EntryRoutes.mountBodyHandler(api);
        ServiceRoutes.mountBodyHandler(api);
        api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        api.route().failureHandler(Failures::handle);
        api.route().handler(new Authentication(services.sessions())::handle);
        new RegistryRoutes(services.stores()).mount(api);
        new ImportRoutes(services.stores()).mount(api);
        new AuthRoutes(services.stores(), services.accounts(), services.sessions(), services.throttle()).mount(api);
        new EventSetupRoutes(services.stores(), services.judgingStore(), services.accounts(), services.live()).mount(api);
        new JudgingRoutes(services.judging(), services.appeals()).mount(api);
        new JudgingViewRoutes(services.judgingStore(), services.log(), services.appealStore(), services.live(),
                services.presence()).mount(api);
        new BoardRoutes(services.boardControl(), services.boardReads()).mount(api);
        new DrawRoutes(new io.jiangxin.app.Draws(services.stores().pool(), new io.jiangxin.storage.DrawStore(),
                services.log(), new io.jiangxin.storage.IdempotencyStore(), services.live())).mount(api);
        new LadderRoutes(services.ladder(), services.ladderWorkflow(), services.resultPoints()).mount(api);
        new ExportRoutes(services.exports(), services.judgingStore()).mount(api);
        new ScoringRoutes(services.judgingStore(), services.live()).mount(api);
        io.jiangxin.storage.ReviewStore reviewStore = new io.jiangxin.storage.ReviewStore(services.stores().pool());
        new ReviewRoutes(new io.jiangxin.app.ReviewAssignments(reviewStore, services.judgingStore(), services.log(),
                services.live()), new io.jiangxin.app.Advancements(new io.jiangxin.storage.AdvancementStore(
                services.stores().pool()), services.judgingStore(), services.live())).mount(api);
        new EntryRoutes(new io.jiangxin.app.Entries(new io.jiangxin.storage.EntryStore(services.stores().pool()),
                services.judgingStore(), reviewStore, services.publications().clock())).mount(api);
        // 创新创效 screens: an entry by its sheet's code for the judge console, the 路演 programme for the hall screen
        new InnovationScreenRoutes(new io.jiangxin.app.Entries(new io.jiangxin.storage.EntryStore(
                services.stores().pool()), services.judgingStore(), reviewStore, services.publications().clock()),
                services.judgingStore(), services.boardReads(),
                new io.jiangxin.storage.RoadshowStore(services.stores().pool())).mount(api);
        new CertificateRoutes(services.certificates()).mount(api);
        new PublicationRoutes(services.publications(), services.publishedResults()).mount(api);
        // 劳模工匠助企行: the service platform
        new ServiceRoutes(new io.jiangxin.app.ServicePlatform(new io.jiangxin.storage.ServiceStore(
                services.stores().pool()), services.accounts(), services.ladder()), services.accounts()).mount(api);
        new PersonalDataRoutes(personalData, new io.jiangxin.storage.PersonalDataStore(services.stores().pool()))
                .mount(api);
        router.route("/api/*").subRouter(api);
        router.get("/ws/boards").handler(services.boardSockets()::handle);

        // The apps revalidate on every load (a cheap 304), so a tablet or hall screen picks up a new version at once;
        // the console's service worker keeps it usable offline.
        router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(0)
                .setIndexPage("index.html"));
        return router;
    }
}
