package io.jiangxin.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jiangxin.registry.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refusal's status comes from its code; the string form left for unconverted callers cannot drift from it. */
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
    @SuppressWarnings("deprecation")
    void theStringFormMustNameACodeOfTheEnumWithItsStatus() {
        Problem legacy = new Problem(409, "NOT_LOCKED", "评分表未锁定 / the sheet is not locked", null);
        assertThat(legacy.errorCode()).isEqualTo(ErrorCode.NOT_LOCKED);
        assertThat(legacy.status()).isEqualTo(409);
        assertThat(Problem.conflict("SHEETS_NOT_LOCKED", "x / x").status()).isEqualTo(409);

        assertThatThrownBy(() -> new Problem(404, "NOT_LOCKED", "x / x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT_LOCKED is 409, not 404");
        assertThatThrownBy(() -> new Problem(409, "NO_SUCH_CODE", "x / x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_SUCH_CODE");
        assertThatThrownBy(() -> Problem.conflict("INVALID_FIELDS", "x / x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INVALID_FIELDS is 400, not 409");
    }

    @Test
    @SuppressWarnings("deprecation")
    void theOneKnownDriftKeepsItsStatusUntilItsCallerMoves() {
        // push.BoardReads answers an anonymous jury-board read so; BoardProtocolIT holds it to 401.
        Problem anonymous = new Problem(401, "ROLE_NOT_ALLOWED", "x / x", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo(ErrorCode.ROLE_NOT_ALLOWED);
        assertThatThrownBy(() -> new Problem(404, "ROLE_NOT_ALLOWED", "x / x", null))
                .isInstanceOf(IllegalArgumentException.class);
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
