package io.jiangxin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jiangxin.server.config.ClusterAddress;
import io.jiangxin.storage.DatabaseUrl;
import io.jiangxin.server.config.SettingException;
import io.jiangxin.server.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Map<String, String> flags(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        Settings settings = Settings.resolve(Map.of(), Map.of(), false);
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.databaseUrl()).isNull();
        assertThat(settings.clusterMembers()).isEmpty();
        assertThat(settings.clusterPort()).isEqualTo(5701);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("data"));
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        Map<String, String> env = Map.of("PORT", "9000", "CLUSTER_PORT", "5801",
                "CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701");
        Settings settings = Settings.resolve(flags("--port", "9100"), env, true);
        assertThat(settings.port()).isEqualTo(9100);
        assertThat(settings.clusterPort()).isEqualTo(5801);
        assertThat(settings.clusterMembers()).containsExactly(new ClusterAddress("10.0.0.1", 5701),
                new ClusterAddress("10.0.0.2", 5701));
        assertThat(settings.demo()).isTrue();
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("CLUSTER_PORT", "-3"), false))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("--cluster-port (CLUSTER_PORT)");
    }

    @Test
    void databaseUrlParsesUserPasswordHostPortAndDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://jx:s%40cret@db.local:6543/jiangxin");
        assertThat(url).isEqualTo(new DatabaseUrl("jx", "s@cret", "db.local", 6543, "jiangxin"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/jiangxin?user=jx&password=s%40cret");
        assertThat(url.toString()).doesNotContain("cret");
        assertThat(DatabaseUrl.parse("postgresql://postgres@127.0.0.1/test").port()).isEqualTo(5432);
    }

    @Test
    void databaseUrlWithoutDatabaseOrWithWrongSchemeIsRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/"))
                .hasMessageContaining("database");
        assertThatThrownBy(() -> DatabaseUrl.parse("http://x/y")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> Settings.resolve(flags("--database-url", "::"), Map.of(), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--database-url");
    }

    @Test
    void emptyMemberListMeansAlone() {
        assertThat(Settings.resolve(flags("--cluster-members", " , "), Map.of(), false).clusterMembers())
                .isEqualTo(List.of());
    }

    @Test
    void certificateSettingsComeFromFlagsOrEnvironmentAndAreChecked() {
        Settings defaults = Settings.resolve(Map.of(), Map.of(), false);
        assertThat(defaults.certificateFont()).isNull();
        assertThat(defaults.publicUrl()).isNull();
        Settings given = Settings.resolve(flags("--public-url", "https://jiangxin.example.cn/"),
                Map.of("CERTIFICATE_FONT", "/usr/share/fonts/truetype/arphic/ukai.ttc#UKaiCN"), false);
        assertThat(given.publicUrl()).isEqualTo("https://jiangxin.example.cn");
        assertThat(given.certificateFont()).isEqualTo("/usr/share/fonts/truetype/arphic/ukai.ttc#UKaiCN");
        assertThatThrownBy(() -> Settings.resolve(flags("--public-url", "ftp://x"), Map.of(), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--public-url (PUBLIC_URL)");
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("CERTIFICATE_FONT", "/no/such/font.ttf"), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--certificate-font (CERTIFICATE_FONT)");
    }
}
