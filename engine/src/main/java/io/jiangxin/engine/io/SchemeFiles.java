package io.jiangxin.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.SchemeError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes marking schemes as JSON or YAML (by file extension: .json, .yaml, .yml). Reading checks
 * the structure only (types, required and unknown fields); call
 * {@link io.jiangxin.engine.scheme.SchemeValidator#validate} for the rules. The format is documented in
 * {@code docs/scoring.md}.
 */
public final class SchemeFiles {

    /** Every top-level setting of the scheme format, in document order; any other key is refused. */
    public static final List<String> SETTINGS = List.of("id", "nameZh", "nameEn", "rounding", "defaults", "passMark",
            "parts", "violations", "time", "ranking", "advancement", "awards", "normalisation", "consistency", "rounds");

    private SchemeFiles() {
    }

    /** Parses scheme JSON text (e.g. a request body). */
    public static MarkingScheme read(String json) throws SchemeFormatException {
        return parse(json, Mappers.JSON);
    }

    /** Parses scheme YAML text. */
    public static MarkingScheme readYaml(String yaml) throws SchemeFormatException {
        return parse(yaml, Mappers.YAML);
    }

    /** Reads a scheme file; the problems name the file and the path inside it. */
    public static MarkingScheme read(Path file) throws InputFileException {
        String text = readText(file);
        try {
            return parse(text, Mappers.forFile(file));
        } catch (SchemeFormatException e) {
            throw new InputFileException(file, e.errors().stream().map(SchemeError::toString).toList());
        }
    }

    /** Pretty-printed JSON that {@link #read(String)} reads back to an equal scheme. */
    public static String write(MarkingScheme scheme) {
        return Mappers.prettyJson(SchemeWriter.write(scheme));
    }

    /** YAML that {@link #readYaml(String)} reads back to an equal scheme. */
    public static String writeYaml(MarkingScheme scheme) {
        return Mappers.yaml(SchemeWriter.write(scheme));
    }

    /** Writes JSON or YAML according to the file's extension. */
    public static void write(MarkingScheme scheme, Path file) throws IOException {
        String text = Mappers.forFile(file) == Mappers.YAML ? writeYaml(scheme) : write(scheme);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String readText(Path file) throws InputFileException {
        if (!Mappers.isSupported(file)) {
            throw new InputFileException(file, List.of("文件扩展名必须是 .json、.yaml 或 .yml / the file must end in .json, .yaml or .yml"));
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InputFileException(file, "无法读取文件 / cannot read the file: " + e, e);
        }
    }

    static JsonNode tree(String text, ObjectMapper mapper) throws JsonProcessingException {
        JsonNode tree = mapper.readTree(text);
        return tree == null ? mapper.getNodeFactory().missingNode() : tree;
    }

    private static MarkingScheme parse(String text, ObjectMapper mapper) throws SchemeFormatException {
        JsonNode tree;
        try {
            tree = tree(text, mapper);
        } catch (JsonProcessingException e) {
            throw new SchemeFormatException(List.of(malformed(e)));
        }
        return SchemeReader.read(tree);
    }

    static SchemeError malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? "$"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new SchemeError(where, "格式错误,无法解析", "malformed, cannot be parsed: " + shortened(e.getOriginalMessage()));
    }

    /** Parser messages may quote the input; a message never repeats more than a line of it. */
    static String shortened(String message) {
        if (message == null) {
            return "";
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
