package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jiangxin.problem.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document's error body names exactly the codes of {@link ErrorCode}, in its order. */
class OpenApiErrorCodesTest {

    @Test
    void theErrorSchemaEnumeratesTheEnumsCodes() throws IOException {
        JsonNode api;
        try (InputStream in = OpenApiErrorCodesTest.class.getResourceAsStream("/openapi.yaml")) {
            api = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> documented = new ArrayList<>();
        api.at("/components/schemas/Error/properties/error/enum").forEach(code -> documented.add(code.asText()));
        List<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
        assertThat(documented).as("openapi.yaml, components.schemas.Error.properties.error.enum: list "
                + String.join(", ", codes)).isEqualTo(codes);
    }
}
