package io.jiangxin.server;

import io.jiangxin.server.config.SettingException;
import io.jiangxin.server.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar jiangxin-server.jar}: runs the server; subcommands run the engine and the loaders. */
@Command(name = "jiangxin-server", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        subcommands = {EvaluateCommand.class, LoadSeasonCommand.class, ImportSampleCommand.class, VerifyLogCommand.class,
                DrawVerifyCommand.class, BackupCommand.class, RestoreCommand.class},
        description = {"匠心 Jiangxin: live scoring for skills contests and the craftsman ladder.",
                "Each setting comes from its flag, else its environment variable, else the default."})
public final class Main implements Callable<Integer> {

    /** Exit status for a setting that cannot be used, as for any other usage error. */
    public static final int BAD_SETTING = 2;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (env PORT, default 8080)")
    String port;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "postgresql://user@host:port/db (env DATABASE_URL, default: embedded PostgreSQL under ./data)")
    String databaseUrl;

    @Option(names = "--cluster-members", paramLabel = "HOST:PORT,...",
            description = "Hazelcast members to join (env CLUSTER_MEMBERS, default: this node alone)")
    String clusterMembers;

    @Option(names = "--cluster-port", paramLabel = "PORT", description = "Hazelcast port (env CLUSTER_PORT, default 5701)")
    String clusterPort;

    @Option(names = "--cluster-host", paramLabel = "HOST",
            description = "address the member binds and announces (env CLUSTER_HOST, default 127.0.0.1)")
    String clusterHost;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the embedded PostgreSQL keeps its data (env JIANGXIN_DATA_DIR, default ./data)")
    String dataDir;

    @Option(names = "--organizer-code", paramLabel = "CODE",
            description = "a sign-in code for an organizer account (env ORGANIZER_CODE; default: one is issued and logged at first start)")
    String organizerCode;

    @Option(names = "--session-hours", paramLabel = "HOURS",
            description = "how long a sign-in lasts (env SESSION_HOURS, default 12)")
    String sessionHours;

    @Option(names = "--certificate-font", paramLabel = "FILE[#FACE]",
            description = "CJK TrueType font (.ttf or .ttc face) for award certificates (env CERTIFICATE_FONT, default: AR PL UKai, AR PL UMing or WenQuanYi if installed)")
    String certificateFont;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "public address printed on certificates for verification (env PUBLIC_URL, default: the request's host)")
    String publicUrl;

    @Option(names = "--ladder-retry-seconds", paramLabel = "SECONDS",
            description = "how often each node retries ladder postings that failed at sign-off (env LADDER_RETRY_SECONDS, default 60)")
    String ladderRetrySeconds;

    @Option(names = "--cluster-failure-seconds", paramLabel = "SECONDS",
            description = "how long a silent cluster member is waited for before the others take it for gone (env CLUSTER_FAILURE_SECONDS, 3-300, default 20)")
    String clusterFailureSeconds;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (chain): serve HTTPS and WSS on --port (env TLS_CERT; with --tls-key)")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key of --tls-cert, unencrypted (env TLS_KEY)")
    String tlsKey;

    @Option(names = "--http-redirect-port", paramLabel = "PORT",
            description = "a plain HTTP port that redirects to HTTPS (env HTTP_REDIRECT_PORT; default none)")
    String httpRedirectPort;

    @Option(names = "--hsts-max-age", paramLabel = "SECONDS",
            description = "send Strict-Transport-Security with this max-age over HTTPS (env HSTS_MAX_AGE; default 0, none)")
    String hstsMaxAge;

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "console log lines as text or one JSON object each (env LOG_FORMAT, default text)")
    String logFormat;

    @Option(names = "--personal-data-retention-days", paramLabel = "DAYS",
            description = "anonymise a contest's people this many days after its last notice ends (env PERSONAL_DATA_RETENTION_DAYS, default: keep)")
    String retentionDays;

    @Option(names = "--cluster-discovery", paramLabel = "dns:NAME",
            description = "find the members as the A records of NAME, e.g. a Kubernetes headless service (env CLUSTER_DISCOVERY; instead of --cluster-members)")
    String clusterDiscovery;

    @Option(names = "--cluster-dns-server", paramLabel = "HOST[:PORT]",
            description = "the DNS server for --cluster-discovery (env CLUSTER_DNS_SERVER, default: the system's)")
    String clusterDnsServer;

    @Option(names = "--cluster-private-network",
            description = "the cluster addresses are on a private network although they look public (env CLUSTER_PRIVATE_NETWORK=true); without it a public cluster address stops the server")
    boolean clusterPrivateNetwork;

    @Option(names = "--http-instances", paramLabel = "N",
            description = "HTTP verticle instances, each serving on its own event loop (env HTTP_INSTANCES, 1-64, default: the number of cores)")
    String httpInstances;

    @Option(names = "--demo", description = "load the fixtures' demo season (idempotent)")
    boolean demo;

    public static void main(String[] args) {
        // Hazelcast logs a few lines (e.g. about module access) before it reads the member's configuration; without
        // this they go to java.util.logging and break the one-JSON-object-per-line log.
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "slf4j");
        }
        int status = commandLine().execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SettingException) {
                cmd.getErr().println("错误 / error: " + e.getMessage());
                return BAD_SETTING;
            }
            cmd.getErr().println("启动失败 / failed: " + e);
            return 1;
        });
    }

    Settings settings() {
        Map<String, String> flags = new HashMap<>();
        flags.put(Settings.PORT.flag(), port);
        flags.put(Settings.DATABASE_URL.flag(), databaseUrl);
        flags.put(Settings.CLUSTER_MEMBERS.flag(), clusterMembers);
        flags.put(Settings.CLUSTER_PORT.flag(), clusterPort);
        flags.put(Settings.CLUSTER_HOST.flag(), clusterHost);
        flags.put(Settings.DATA_DIR.flag(), dataDir);
        flags.put(Settings.ORGANIZER_CODE.flag(), organizerCode);
        flags.put(Settings.SESSION_HOURS.flag(), sessionHours);
        flags.put(Settings.CERTIFICATE_FONT.flag(), certificateFont);
        flags.put(Settings.PUBLIC_URL.flag(), publicUrl);
        flags.put(Settings.LADDER_RETRY_SECONDS.flag(), ladderRetrySeconds);
        flags.put(Settings.CLUSTER_FAILURE_SECONDS.flag(), clusterFailureSeconds);
        flags.put(Settings.TLS_CERT.flag(), tlsCert);
        flags.put(Settings.TLS_KEY.flag(), tlsKey);
        flags.put(Settings.HTTP_REDIRECT_PORT.flag(), httpRedirectPort);
        flags.put(Settings.HSTS_MAX_AGE.flag(), hstsMaxAge);
        flags.put(Settings.LOG_FORMAT.flag(), logFormat);
        flags.put(Settings.RETENTION_DAYS.flag(), retentionDays);
        flags.put(Settings.CLUSTER_DISCOVERY.flag(), clusterDiscovery);
        flags.put(Settings.CLUSTER_DNS_SERVER.flag(), clusterDnsServer);
        flags.put(Settings.CLUSTER_PRIVATE_NETWORK.flag(), clusterPrivateNetwork ? "true" : null);
        flags.put(Settings.HTTP_INSTANCES.flag(), httpInstances);
        return Settings.resolve(flags, System.getenv(), demo);
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = settings();
        LogFormat.apply(settings.operations().logFormat());
        JiangxinNode node = JiangxinNode.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "jiangxin-shutdown"));
        stopped.await();
        return 0;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jiangxin-server " + Version.current()};
        }
    }
}
