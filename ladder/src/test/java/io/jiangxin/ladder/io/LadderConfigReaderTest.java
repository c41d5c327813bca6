package io.jiangxin.ladder.io;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.points.CategoryRule;
import io.jiangxin.ladder.rules.AgeLimit;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.rules.QualifyingResults;
import io.jiangxin.ladder.rules.ResultBand;
import io.jiangxin.ladder.tier.LadderScope;
import io.jiangxin.ladder.tier.Tier;
import io.jiangxin.ladder.workflow.NominationState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LadderConfigReaderTest {

    @Test
    void theWeifangExampleHasBothEnterpriseNamingsAndTheCityTitles() {
        LadderConfig config = Examples.weifang();

        assertThat(config.ladder("wf-enterprise").orElseThrow().tiers()).extracting(Tier::name)
                .containsExactly("种子工匠", "工匠", "首席工匠");
        assertThat(config.ladder("qz-cigarette").orElseThrow().tiers()).extracting(Tier::name)
                .containsExactly("种子工匠", "青烟工匠", "一甲工匠");
        assertThat(config.ladder("wf-city").orElseThrow().scope()).isEqualTo(LadderScope.CITY);
        assertThat(config.workflow().siteVisit()).isTrue();
        assertThat(config.workflow().objectionReturnsTo()).isEqualTo(NominationState.EXPERT_REVIEW);
        // 潍坊工匠: 50 a year until 2024, then 100.
        assertThat(config.ruleBook().inForce("wf-city", "WEIFANG_CRAFTSMAN", LocalDate.of(2023, 6, 1))
                .orElseThrow().quota().perYear()).isEqualTo(50);
        PromotionRule v2 = config.ruleBook().inForce("wf-city", "WEIFANG_CRAFTSMAN", Examples.TODAY).orElseThrow();
        assertThat(v2.reference()).isEqualTo("wf-city-craftsman v2");
        assertThat(v2.quota().perYear()).isEqualTo(100);
        assertThat(config.ruleBook().inForce("wf-city", "WEIFANG_CRAFTSMAN", LocalDate.of(2020, 6, 1))).isEmpty();
    }

    @Test
    void theYuechengCapsAndTheDezhouBandsAreReadAsData() {
        assertThat(Examples.yuecheng().scheme("yuecheng").orElseThrow().categories())
                .extracting(CategoryRule::code, c -> c.cap().intValue(), CategoryRule::highestOnly, CategoryRule::windowYears)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("COMPETITION", 20, true, 3),
                        org.assertj.core.groups.Tuple.tuple("HONOUR", 20, false, null),
                        org.assertj.core.groups.Tuple.tuple("CERTIFICATE", 15, true, null),
                        org.assertj.core.groups.Tuple.tuple("MENTORING", 15, false, null),
                        org.assertj.core.groups.Tuple.tuple("OTHER", 30, false, null));
        PromotionRule dezhou = Examples.dezhou().rules().get(0);
        assertThat(((QualifyingResults) dezhou.requirements().get(0)).bands()).containsExactly(
                new ResultBand(Level.NATIONAL, null, 10, null),
                new ResultBand(Level.PROVINCE, ContestClass.FIRST, 8, null),
                new ResultBand(Level.PROVINCE, ContestClass.SECOND, 6, null),
                new ResultBand(Level.CITY, ContestClass.FIRST, 3, null),
                new ResultBand(Level.CITY, ContestClass.SECOND, 1, null));
        assertThat(((AgeLimit) dezhou.requirements().get(1)).maxAge()).isEqualTo(55);
        assertThat(dezhou.quota().perYear()).isEqualTo(20);
        assertThat(dezhou.quota().perTrade()).isEqualTo(4);
    }

    @Test
    void jsonReadsTheSameShapes() {
        LadderConfig config = LadderConfigReader.readJson("""
                {"ladders": [{"id": "qz", "name": "青州卷烟厂", "scope": "ENTERPRISE",
                  "tiers": [{"code": "SEED", "name": "种子工匠"}, {"code": "QINGYAN", "name": "青烟工匠"}]}],
                 "pointsSchemes": [{"id": "s", "version": 2, "name": "积分",
                  "categories": [{"code": "C", "name": {"zh": "竞赛", "en": "contests"}, "cap": 12.5}]}]}
                """);

        assertThat(config.ladder("qz").orElseThrow().tierName("QINGYAN")).isEqualTo("青烟工匠");
        assertThat(config.scheme("s").orElseThrow().categories().get(0).cap()).isEqualByComparingTo("12.5");
        assertThat(config.workflow().noticeDays()).isEqualTo(7);
    }

    @Test
    void everyMistakeIsReportedWithItsPath() {
        String yaml = """
                ladders:
                  - id: L
                    name: 阶梯
                    scope: ENTERPRISE
                    tiers:
                      - {code: A, name: 甲}
                      - {code: A, name: 乙}
                pointTables:
                  - id: T
                    contest:
                      category: COMPETITION
                      rows:
                        - {level: CITI, ranks: 1-3, points: 5}
                        - {level: CITY, ranks: 3-1, points: 5}
                        - {level: CITY, ranks: 1, points: -2}
                promotionRules:
                  - id: R
                    version: 1
                    effectiveFrom: 2026-13-01
                    ladder: L
                    targetTier: A
                    requirements:
                      - {type: AGE_LIMIT}
                      - {type: MIN_POINT, minimum: 3}
                      - {type: QUALIFYING_RESULTS, minCount: 0, bands: [{level: CITY}]}
                    quota: {perYear: -1, perTrade: 4}
                    colour: red
                """;

        assertThatThrownBy(() -> LadderConfigReader.readYaml(yaml))
                .isInstanceOfSatisfying(ConfigFormatException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path).containsExactlyInAnyOrder(
                                "ladders[0].tiers[1].code",
                                "pointTables[0].contest.rows[0].level",
                                "pointTables[0].contest.rows[1].ranks",
                                "pointTables[0].contest.rows[2].points",
                                "promotionRules[0].colour",
                                "promotionRules[0].effectiveFrom",
                                "promotionRules[0].requirements[0]",
                                "promotionRules[0].requirements[1].type",
                                "promotionRules[0].requirements[2].minCount",
                                "promotionRules[0].requirements[2].bands[0]",
                                "promotionRules[0].quota.perYear"));
    }

    @Test
    void crossReferencesAreChecked() {
        String yaml = """
                ladders:
                  - {id: L, name: 阶梯, scope: ENTERPRISE, tiers: [{code: A, name: 甲}]}
                pointsSchemes:
                  - {id: S, version: 1, name: 积分, categories: [{code: C, name: 竞赛}]}
                pointTables:
                  - {id: T, hours: {category: TRAINING, hoursPerUnit: 8, pointsPerUnit: 1}}
                promotionRules:
                  - {id: R, version: 1, effectiveFrom: 2026-01-01, ladder: L, targetTier: B, scheme: NOPE}
                  - id: R2
                    version: 1
                    effectiveFrom: 2026-01-01
                    ladder: M
                    targetTier: A
                    requirements: [{type: TIER_HELD, minYears: 1, anyOf: [{ladder: L, tier: Z}]}]
                """;

        assertThatThrownBy(() -> LadderConfigReader.readYaml(yaml))
                .isInstanceOfSatisfying(ConfigFormatException.class, e -> {
                    assertThat(e.errors()).extracting(ConfigError::path).containsExactlyInAnyOrder(
                            "promotionRules[0].targetTier", "promotionRules[0].scheme",
                            "promotionRules[1].ladder", "promotionRules[1].requirements[0].anyOf[0]",
                            "pointTables[0].hours.category");
                    assertThat(e.getMessage()).contains("promotionRules[0].targetTier: 阶梯 L 无层级 B / ladder L has no tier B");
                });
    }

    @Test
    void overlappingRuleVersionsAreRejected() {
        String yaml = """
                ladders:
                  - {id: L, name: 阶梯, scope: ENTERPRISE, tiers: [{code: A, name: 甲}]}
                promotionRules:
                  - {id: R, version: 1, effectiveFrom: 2024-01-01, ladder: L, targetTier: A}
                  - {id: R, version: 2, effectiveFrom: 2025-01-01, ladder: L, targetTier: A}
                """;

        assertThatThrownBy(() -> LadderConfigReader.readYaml(yaml))
                .isInstanceOfSatisfying(ConfigFormatException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(err -> assertThat(err.messageEn()).contains("R v1 and R v2")));
    }

    @Test
    void aKeyGivenTwiceIsRefusedInYamlAndJson() {
        String yaml = """
                ladders:
                  - {id: L, id: M, name: 阶梯, scope: ENTERPRISE, tiers: [{code: A, name: 甲}]}
                """;
        assertThatThrownBy(() -> LadderConfigReader.readYaml(yaml))
                .isInstanceOfSatisfying(ConfigFormatException.class, e ->
                        assertThat(e.getMessage()).contains("Duplicate field 'id'"));
        String json = "{\"ladders\": [], \"ladders\": []}";
        assertThatThrownBy(() -> LadderConfigReader.readJson(json))
                .isInstanceOfSatisfying(ConfigFormatException.class, e ->
                        assertThat(e.getMessage()).contains("Duplicate field 'ladders'"));
    }

    @Test
    void numbersGoThroughTheStrictParser() {
        String yaml = """
                pointTables:
                  - {id: T, hours: {category: TRAINING, hoursPerUnit: "８", pointsPerUnit: 1}}
                  - {id: U, hours: {category: TRAINING, hoursPerUnit: 1e999999999, pointsPerUnit: 1}}
                """;
        assertThatThrownBy(() -> LadderConfigReader.readYaml(yaml))
                .isInstanceOfSatisfying(ConfigFormatException.class, e -> {
                    assertThat(e.errors()).extracting(ConfigError::path).contains(
                            "pointTables[0].hours.hoursPerUnit", "pointTables[1].hours.hoursPerUnit");
                    assertThat(e.getMessage()).hasSizeLessThan(2000);
                });
    }
}
