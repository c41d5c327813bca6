package io.jiangxin.ladder.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jiangxin.engine.io.NodeReader;
import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.workflow.WorkflowSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a ladder configuration from JSON or YAML with explicit field-by-field mapping (no reflection onto
 * the domain records), so every mistake is reported with its path, e.g.
 * {@code promotionRules[0].requirements[1].bands[0].level: 无效取值 CITI / invalid value CITI}. Numbers are
 * read as exact decimals. Throws {@link ConfigFormatException} listing every error found.
 *
 * <p>Entry points: {@link #read(Path)}, {@link #readYaml(String)}, {@link #readJson(String)}.
 */
public final class LadderConfigReader {

    // A key given twice is refused, never "the last one wins".
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private LadderConfigReader() {
    }

    public static LadderConfig read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name.endsWith(".json") ? readJson(text) : readYaml(text);
    }

    public static LadderConfig readYaml(String text) {
        return parse(YAML, text);
    }

    public static LadderConfig readJson(String text) {
        return parse(JSON, text);
    }

    private static LadderConfig parse(ObjectMapper mapper, String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigFormatException(List.of(new ConfigError("$", "无法解析：" + shortened(e.getOriginalMessage()),
                    "cannot parse: " + shortened(e.getOriginalMessage()))));
        }
        List<ConfigError> errors = new ArrayList<>();
        NodeReader node = NodeReader.root(root, NodeReader.Punctuation.FULL_WIDTH,
                (path, zh, en) -> errors.add(new ConfigError(path, zh, en)));
        if (!node.isObject()) {
            throw new ConfigFormatException(errors);
        }
        node.allow("ladders", "pointsSchemes", "pointTables", "promotionRules", "workflow");
        List<Ladder> ladders = node.list("ladders", false, LadderMapping::ladder);
        List<PointsScheme> schemes = node.list("pointsSchemes", false, PointsMapping::scheme);
        List<PointTables> tables = node.list("pointTables", false, PointsMapping::tables);
        List<PromotionRule> rules = node.list("promotionRules", false, RuleMapping::rule);
        NodeReader workflowNode = node.object("workflow", false);
        WorkflowSettings workflow = workflowNode == null ? WorkflowSettings.DEFAULT : LadderMapping.workflow(workflowNode);
        if (!errors.isEmpty()) {
            throw new ConfigFormatException(errors);
        }
        LadderConfig config = new LadderConfig(ladders, schemes, tables, rules, workflow);
        List<ConfigError> crossReferences = ConfigValidator.validate(config);
        if (!crossReferences.isEmpty()) {
            throw new ConfigFormatException(crossReferences);
        }
        return config;
    }

    /** Parser messages may quote the input; a message never repeats more than a line of it. */
    private static String shortened(String message) {
        return message == null ? "" : message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
