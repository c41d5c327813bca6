package io.jiangxin.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.registry.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refusal's status comes from its code. */
class ProblemTest {

    @Test
    void theStatusComesFromTheCode() {
        Problem general = new Problem(ErrorCode.NO_SCHEME);
        assertThat(general.status()).isEqualTo(409);
        assertThat(general.code()).isEqualTo("NO_SCHEME");
        assertThat(general.errorCode()).isEqualTo(ErrorCode.NO_SCHEME);
        assertThat(general.getMessage()).isEqualTo("尚未设置评分标准 / No marking scheme is set yet");
        assertThat(general.details()).isNull();

        List<FieldError> errors = List.of(new FieldError("year", "须为整数 / must be a whole number"));
        Problem specific = new Problem(ErrorCode.INVALID_FIELDS, "字段无效 / invalid fields", errors);
        assertThat(specific.status()).isEqualTo(400);
        assertThat(specific.getMessage()).isEqualTo("字段无效 / invalid fields");
        assertThat(specific.details()).isEqualTo(errors);
        assertThat(Problem.notFound("赛项 / event", 7).status()).isEqualTo(404);
        assertThat(Problem.notFound("赛项 / event", 7).getMessage()).isEqualTo("未找到赛项 7 / event 7 not found");
    }

    @Test
    void everyCodeIsARefusalWithASentenceInEachLanguage() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.status()).as(code.name()).isBetween(400, 599);
            assertThat(code.zh()).as(code.name()).containsPattern("[\\u4e00-\\u9fff]").doesNotContain(" / ");
            assertThat(code.en()).as(code.name()).matches("[A-Z][^\\u4e00-\\u9fff]*").doesNotContain(" / ");
            assertThat(ErrorCode.named(code.name())).contains(code);
        }
        assertThat(ErrorCode.named("NO_SUCH_CODE")).isEmpty();
    }
}
