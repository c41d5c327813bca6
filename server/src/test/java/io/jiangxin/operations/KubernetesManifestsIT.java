package io.jiangxin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jiangxin.server.MainAccess;
import io.jiangxin.server.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What can be checked of deploy/k8s without a Kubernetes: every document parses and names its kind; the
 * Deployment's flags parse as the server's own command line and its environment resolves to valid settings (with
 * the values Kubernetes would fill in); probes point at /health/live and /health/ready; the services select the
 * pods and the discovery name is the headless service's; the network policy keeps the cluster port to the pods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsIT {

    private final Map<String, JsonNode> byKindAndName = new HashMap<>();

    @BeforeAll
    void parse() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("..", "deploy", "k8s"))) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            try (var parser = yaml.getFactory().createParser(file.toFile())) {
                var documents = yaml.readValues(parser, JsonNode.class);
                while (documents.hasNext()) {
                    JsonNode doc = documents.next();
                    assertThat(doc.path("apiVersion").asText()).as(file + " apiVersion").isNotBlank();
                    assertThat(doc.path("metadata").path("name").asText()).as(file + " name").isNotBlank();
                    byKindAndName.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
                }
            }
        }
        assertThat(byKindAndName).containsKeys("Deployment/jiangxin", "Service/jiangxin", "Service/jiangxin-hz",
                "PodDisruptionBudget/jiangxin", "NetworkPolicy/jiangxin", "Ingress/jiangxin", "Secret/jiangxin");
    }

    private JsonNode container() {
        return byKindAndName.get("Deployment/jiangxin").at("/spec/template/spec/containers/0");
    }

    @Test
    void theDeploymentsSettingsAreTheServersOwn() {
        List<String> args = new ArrayList<>();
        container().path("args").forEach(a -> args.add(a.asText()));
        MainAccess.commandLine().parseArgs(args.toArray(new String[0]));

        Map<String, String> env = new HashMap<>();
        Map<String, String> filledIn = Map.of("POD_NAMESPACE", "jiangxin", "POD_IP", "10.244.1.17",
                "DATABASE_URL", "postgresql://jiangxin:secret@10.0.0.9:5432/jiangxin", "ORGANIZER_CODE", "A-LONG-CODE-2026");
        for (JsonNode variable : container().path("env")) {
            String name = variable.path("name").asText();
            String value = variable.has("value") ? variable.path("value").asText() : filledIn.get(name);
            assertThat(value).as(name).isNotNull();
            for (var known : env.entrySet()) {
                value = value.replace("$(" + known.getKey() + ")", known.getValue());
            }
            env.put(name, value);
        }
        Settings settings = Settings.resolve(Map.of(), env, false);
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.clusterPort()).isEqualTo(5701);
        assertThat(settings.clusterHost()).isEqualTo("10.244.1.17");
        assertThat(settings.operations().clusterDiscovery()).isEqualTo("jiangxin-hz.jiangxin.svc.cluster.local");
        assertThat(settings.operations().personalDataRetention()).isNotNull();
        assertThat(settings.databaseUrl()).isNotNull();

        Map<String, Integer> ports = new HashMap<>();
        container().path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertThat(ports).containsEntry("http", settings.port()).containsEntry("hazelcast", settings.clusterPort());
    }

    @Test
    void probesServicesAndPolicyFitTheServer() {
        assertThat(container().at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(container().at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container().at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");

        JsonNode labels = byKindAndName.get("Deployment/jiangxin").at("/spec/template/metadata/labels");
        for (String service : List.of("Service/jiangxin", "Service/jiangxin-hz")) {
            byKindAndName.get(service).at("/spec/selector").fields().forEachRemaining(selector ->
                    assertThat(labels.path(selector.getKey()).asText()).as(service).isEqualTo(selector.getValue().asText()));
        }
        JsonNode headless = byKindAndName.get("Service/jiangxin-hz");
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
        assertThat(headless.at("/spec/ports/0/port").asInt()).isEqualTo(5701);

        JsonNode strategy = byKindAndName.get("Deployment/jiangxin").at("/spec/strategy/rollingUpdate");
        assertThat(strategy.path("maxUnavailable").asInt()).isZero();

        // Open to all: HTTP only. Everything else (the cluster port, the event bus) only from Jiangxin pods.
        JsonNode ingress = byKindAndName.get("NetworkPolicy/jiangxin").at("/spec/ingress");
        for (JsonNode rule : ingress) {
            if (!rule.has("from")) {
                assertThat(rule.path("ports")).hasSize(1);
                assertThat(rule.at("/ports/0/port").asInt()).isEqualTo(8080);
            } else {
                assertThat(rule.at("/from/0/podSelector/matchLabels/app").asText()).isEqualTo("jiangxin");
            }
        }
        assertThat(byKindAndName.get("Ingress/jiangxin").at("/spec/rules/0/http/paths/0/backend/service/name").asText())
                .isEqualTo("jiangxin");
    }
}
