package io.jiangxin.backup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup archive holds: the schema version its rows fit, each table's columns and row count, and each
 * sequence's position. Stored as {@code manifest.json} beside one {@code tables/NAME.copy} entry per table.
 */
public record BackupManifest(String format, String jiangxinVersion, String schemaVersion, String createdAt,
                             String serverVersion, List<Table> tables, List<Sequence> sequences) {

    public static final String FORMAT = "jiangxin-backup/1";

    public record Table(String name, List<String> columns, long rows) {
    }

    /** @param lastValue null when the sequence was never used */
    public record Sequence(String name, Long lastValue) {
    }

    public long rows(String table) {
        return tables.stream().filter(t -> t.name().equals(table)).mapToLong(Table::rows).sum();
    }

    public JsonObject toJson() {
        JsonArray tableArray = new JsonArray();
        tables.forEach(t -> tableArray.add(new JsonObject().put("name", t.name())
                .put("columns", new JsonArray(t.columns())).put("rows", t.rows())));
        JsonArray sequenceArray = new JsonArray();
        sequences.forEach(s -> sequenceArray.add(new JsonObject().put("name", s.name()).put("lastValue", s.lastValue())));
        return new JsonObject().put("format", format).put("jiangxinVersion", jiangxinVersion)
                .put("schemaVersion", schemaVersion).put("createdAt", createdAt).put("serverVersion", serverVersion)
                .put("tables", tableArray).put("sequences", sequenceArray);
    }

    public static BackupManifest fromJson(JsonObject json) {
        if (!FORMAT.equals(json.getString("format"))) {
            throw new IllegalArgumentException("不是匠心备份文件 / not a Jiangxin backup (format "
                    + json.getString("format") + ")");
        }
        List<Table> tables = new ArrayList<>();
        for (Object o : json.getJsonArray("tables")) {
            JsonObject t = (JsonObject) o;
            List<String> columns = t.getJsonArray("columns").stream().map(String::valueOf).toList();
            tables.add(new Table(t.getString("name"), columns, t.getLong("rows")));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Object o : json.getJsonArray("sequences")) {
            JsonObject s = (JsonObject) o;
            sequences.add(new Sequence(s.getString("name"), s.getLong("lastValue")));
        }
        return new BackupManifest(json.getString("format"), json.getString("jiangxinVersion"),
                json.getString("schemaVersion"), json.getString("createdAt"), json.getString("serverVersion"),
                tables, sequences);
    }
}
