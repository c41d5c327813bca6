package io.jiangxin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jiangxin.server.config.SettingException;
import io.jiangxin.server.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations settings (docs/operations.md) are applied or refused with exit status 2 naming the setting. */
class OperationsSettingsTest {

    @TempDir
    Path dir;

    private static Map<String, String> flags(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private Path pem(String name, String marker) throws Exception {
        return Files.writeString(dir.resolve(name), "-----BEGIN " + marker + "-----\nAAAA\n-----END " + marker + "-----\n");
    }

    @Test
    void tlsComesFromFlagsOrEnvironment() throws Exception {
        Path cert = pem("server.crt", "CERTIFICATE");
        Path key = pem("server.key", "EC PRIVATE KEY");
        Settings settings = Settings.resolve(flags("--tls-cert", cert.toString(), "--http-redirect-port", "8081",
                "--hsts-max-age", "600"), Map.of("TLS_KEY", key.toString()), false);
        assertThat(settings.operations().tls()).isTrue();
        assertThat(settings.operations().tlsKey()).isEqualTo(key);
        assertThat(settings.operations().redirectPort()).isEqualTo(8081);
        assertThat(settings.operations().hstsMaxAge()).isEqualTo(600);
        assertThat(Settings.resolve(Map.of(), Map.of(), false).operations().tls()).isFalse();
    }

    @Test
    void tlsSettingsAreRefusedNamingTheSetting() throws Exception {
        Path cert = pem("server.crt", "CERTIFICATE");
        Path key = pem("server.key", "PRIVATE KEY");
        assertThatThrownBy(() -> Settings.resolve(flags("--tls-cert", cert.toString()), Map.of(), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--tls-key (TLS_KEY)");
        assertThatThrownBy(() -> Settings.resolve(flags("--tls-cert", key.toString(), "--tls-key", key.toString()),
                Map.of(), false)).isInstanceOf(SettingException.class).hasMessageContaining("--tls-cert (TLS_CERT)")
                .hasMessageContaining("PEM");
        Path encrypted = pem("encrypted.key", "ENCRYPTED PRIVATE KEY");
        assertThatThrownBy(() -> Settings.resolve(flags("--tls-cert", cert.toString(), "--tls-key",
                encrypted.toString()), Map.of(), false)).hasMessageContaining("--tls-key (TLS_KEY)");
        assertThatThrownBy(() -> Settings.resolve(flags("--tls-cert", dir.resolve("none.crt").toString(),
                "--tls-key", key.toString()), Map.of(), false)).hasMessageContaining("--tls-cert (TLS_CERT)");
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("HTTP_REDIRECT_PORT", "80"), false))
                .hasMessageContaining("--http-redirect-port (HTTP_REDIRECT_PORT)").hasMessageContaining("HTTPS");
        assertThatThrownBy(() -> Settings.resolve(flags("--hsts-max-age", "600"), Map.of(), false))
                .hasMessageContaining("--hsts-max-age (HSTS_MAX_AGE)");
        assertThatThrownBy(() -> Settings.resolve(flags("--tls-cert", cert.toString(), "--tls-key", key.toString(),
                "--hsts-max-age", "-1"), Map.of(), false)).hasMessageContaining("--hsts-max-age");
        assertThatThrownBy(() -> Settings.resolve(flags("--tls-cert", cert.toString(), "--tls-key", key.toString(),
                "--port", "8443", "--http-redirect-port", "8443"), Map.of(), false))
                .hasMessageContaining("--http-redirect-port");
    }

    @Test
    void logFormatIsTextOrJson() {
        assertThat(Settings.resolve(Map.of(), Map.of(), false).operations().logFormat())
                .isEqualTo(io.jiangxin.server.config.Operations.LogFormat.TEXT);
        assertThat(Settings.resolve(Map.of(), Map.of("LOG_FORMAT", "JSON"), false).operations().logFormat())
                .isEqualTo(io.jiangxin.server.config.Operations.LogFormat.JSON);
        assertThatThrownBy(() -> Settings.resolve(flags("--log-format", "xml"), Map.of(), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--log-format (LOG_FORMAT)")
                .hasMessageContaining("text or json");
    }

    @Test
    void theServerExitsWith2OnABadTlsSetting() {
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        int status = commandLine.execute("--tls-cert", dir.resolve("missing.crt").toString());
        assertThat(status).isEqualTo(Main.BAD_SETTING);
        assertThat(err.toString()).contains("--tls-cert").contains("TLS_CERT");
    }
}
