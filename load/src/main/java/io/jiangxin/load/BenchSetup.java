package io.jiangxin.load;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Creates the benchmark's contest through the API as an organizer would: events, schemes, entries and panels. */
final class BenchSetup {

    private final JudgingBenchCommand bench;
    private String token;

    BenchSetup(JudgingBenchCommand bench) {
        this.bench = bench;
    }

    Future<List<JudgingBenchCommand.Tablet>> run() {
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        return call(HttpMethod.POST, "/api/sessions", new JsonObject().put("code", bench.organizerCode()))
                .compose(session -> {
                    token = session.getString("token");
                    return Future.all(
                            call(HttpMethod.POST, "/api/organizations", new JsonObject().put("name", "压测选手单位" + suffix)),
                            call(HttpMethod.POST, "/api/contests", new JsonObject().put("name", "压测竞赛" + suffix)
                                    .put("kind", "SKILLS").put("level", "CITY").put("contestClass", "FIRST")
                                    .put("year", 2026).put("organizer", "压测")));
                })
                .compose(created -> {
                    long organization = created.<JsonObject>resultAt(0).getLong("id");
                    long contest = created.<JsonObject>resultAt(1).getLong("id");
                    List<Future<List<JudgingBenchCommand.Tablet>>> events = new ArrayList<>();
                    for (int e = 0; e < bench.events(); e++) {
                        events.add(event(contest, organization, e));
                    }
                    return Future.all(events).map(done -> {
                        List<JudgingBenchCommand.Tablet> tablets = new ArrayList<>();
                        events.forEach(f -> tablets.addAll(f.result()));
                        return tablets;
                    });
                });
    }

    private Future<List<JudgingBenchCommand.Tablet>> event(long contest, long organization, int index) {
        URI target = bench.targets().get(index % bench.targets().size());
        return call(HttpMethod.POST, "/api/contests/" + contest + "/events", new JsonObject().put("name", "赛项" + index))
                .compose(event -> {
                    long eventId = event.getLong("id");
                    return call(HttpMethod.PUT, "/api/events/" + eventId + "/scheme",
                            new JsonObject().put("scheme", BenchScheme.json()))
                            .compose(v -> entries(eventId, organization, index, 0, new ArrayList<>()))
                            .compose(codes -> judges(contest, eventId, target, codes, 0, new ArrayList<>()));
                });
    }

    private Future<List<String>> entries(long eventId, long organization, int event, int n, List<String> codes) {
        if (n == JudgingBenchCommand.ENTRIES_PER_EVENT) {
            return Future.succeededFuture(codes);
        }
        return call(HttpMethod.POST, "/api/people", new JsonObject().put("name", "选手" + event + "-" + n)
                        .put("employeeNo", "B" + event + "-" + n).put("organizationId", organization))
                .compose(person -> call(HttpMethod.POST, "/api/events/" + eventId + "/registrations",
                        new JsonObject().put("personId", person.getLong("id"))))
                .compose(registration -> {
                    codes.add(registration.getString("entryCode"));
                    return entries(eventId, organization, event, n + 1, codes);
                });
    }

    private Future<List<JudgingBenchCommand.Tablet>> judges(long contest, long eventId, URI target, List<String> codes,
                                                           int n, List<JudgingBenchCommand.Tablet> tablets) {
        if (n == JudgingBenchCommand.JUDGES_PER_EVENT) {
            return Future.succeededFuture(tablets);
        }
        return call(HttpMethod.POST, "/api/contests/" + contest + "/judges",
                        new JsonObject().put("displayName", "裁判" + eventId + "-" + n))
                .compose(issued -> {
                    long account = issued.getJsonObject("account").getLong("id");
                    return call(HttpMethod.PUT, "/api/events/" + eventId + "/panel/" + account,
                            new JsonObject().put("role", "JUDGE"))
                            .compose(v -> call(HttpMethod.POST, "/api/accounts/" + account + "/sessions", new JsonObject()));
                })
                .compose(session -> {
                    tablets.add(new JudgingBenchCommand.Tablet(session.getString("token"), target, eventId, codes));
                    return judges(contest, eventId, target, codes, n + 1, tablets);
                });
    }

    private Future<JsonObject> call(HttpMethod method, String path, JsonObject body) {
        RequestOptions request = new RequestOptions().setMethod(method)
                .setAbsoluteURI(bench.targets().get(0).resolve(path).toString())
                .putHeader("Content-Type", "application/json");
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return bench.client().request(request).compose(req -> req.send(body.toBuffer()))
                .compose(response -> response.body().map(buffer -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                                + ": " + buffer);
                    }
                    return buffer.toJsonObject();
                }));
    }
}
