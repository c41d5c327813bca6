package io.jiangxin.engine.scheme;

import io.jiangxin.engine.numeric.Rounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A marking scheme (评分标准) with every rule of its event. Immutable; build with {@link #builder(String)}
 * or read with {@code io.jiangxin.engine.io.SchemeFiles}. A scheme may be constructed invalid (so that all
 * errors can be reported at once): call {@link SchemeValidator#validate(MarkingScheme)} before use.
 *
 * <p>Optional sections are {@code null} (or empty) when the event does not use them.
 */
public final class MarkingScheme {

    private final String id;
    private final String nameZh;
    private final String nameEn;
    private final Rounding rounding;
    private final PanelDefaults panel;
    private final List<Part> parts;
    private final List<ViolationRule> violations;
    private final TimeRule time;
    private final BigDecimal passMark;
    private final RankingConfig ranking;
    private final TeamRankingConfig team;
    private final AdvancementRule advancement;
    private final List<AwardBand> awards;
    private final NormalisationConfig normalisation;
    private final ConsistencyConfig consistency;
    private final RoundWeights rounds;

    private final Map<String, Aspect> aspectsById = new LinkedHashMap<>();
    private final Map<String, SchemeModule> modulesById = new LinkedHashMap<>();
    private final Map<String, Part> partsById = new LinkedHashMap<>();
    private final Map<String, SchemeModule> moduleOfAspect = new LinkedHashMap<>();
    private final Map<String, ViolationRule> violationsByCode = new LinkedHashMap<>();

    private MarkingScheme(Builder b) {
        this.id = b.id;
        this.nameZh = b.nameZh;
        this.nameEn = b.nameEn;
        this.rounding = Objects.requireNonNull(b.rounding, "rounding");
        this.panel = Objects.requireNonNull(b.panel, "panel");
        this.parts = List.copyOf(b.parts);
        this.violations = List.copyOf(b.violations);
        this.time = b.time;
        this.passMark = b.passMark;
        this.ranking = b.ranking == null ? RankingConfig.totalOnly() : b.ranking;
        this.team = b.team;
        this.advancement = b.advancement;
        this.awards = List.copyOf(b.awards);
        this.normalisation = b.normalisation;
        this.consistency = b.consistency;
        this.rounds = b.rounds;
        for (Part part : parts) {
            partsById.putIfAbsent(part.id(), part);
            for (SchemeModule module : part.modules()) {
                modulesById.putIfAbsent(module.id(), module);
                for (Aspect aspect : module.aspects()) {
                    aspectsById.putIfAbsent(aspect.id(), aspect);
                    moduleOfAspect.putIfAbsent(aspect.id(), module);
                }
            }
        }
        for (ViolationRule rule : violations) {
            violationsByCode.putIfAbsent(rule.code(), rule);
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }
    /** The aspect with this id, for checking a single mark with {@link Aspect#checkMark}. */
    public Optional<Aspect> aspect(String aspectId) {
        return Optional.ofNullable(aspectsById.get(aspectId));
    }

    public Optional<SchemeModule> module(String moduleId) {
        return Optional.ofNullable(modulesById.get(moduleId));
    }

    public Optional<Part> part(String partId) {
        return Optional.ofNullable(partsById.get(partId));
    }

    public Optional<ViolationRule> violation(String code) {
        return Optional.ofNullable(violationsByCode.get(code));
    }

    /** The module an aspect belongs to. */
    public Optional<SchemeModule> moduleOf(String aspectId) {
        return Optional.ofNullable(moduleOfAspect.get(aspectId));
    }

    /** All aspects in scheme order. */
    public List<Aspect> aspects() {
        return Collections.unmodifiableList(new ArrayList<>(aspectsById.values()));
    }

    /** The rule that applies to a judgement aspect: its own, else the scheme default. */
    public AggregationRule aggregationFor(Aspect aspect) {
        return aspect.aggregation() != null ? aspect.aggregation() : panel.aggregation();
    }

    /** The quorum that applies: the aspect's own, else the default for judgement and 1 for measurement. */
    public int quorumFor(Aspect aspect) {
        if (aspect.quorum() != null) {
            return aspect.quorum();
        }
        return aspect.type() == AspectType.JUDGEMENT ? panel.quorum() : 1;
    }

    /** The disagreement limit of a judgement aspect, or {@code null} if none applies. */
    public SpreadLimit spreadLimitFor(Aspect aspect) {
        return aspect.spreadLimit() != null ? aspect.spreadLimit() : panel.spreadLimit();
    }

    public String id() { return id; }
    public String nameZh() { return nameZh; }
    public String nameEn() { return nameEn; }
    public Rounding rounding() { return rounding; }
    public PanelDefaults panel() { return panel; }
    public List<Part> parts() { return parts; }
    public List<ViolationRule> violations() { return violations; }
    public TimeRule time() { return time; }
    /** Overall pass mark on the 100-point total, or {@code null}. */
    public BigDecimal passMark() { return passMark; }
    public RankingConfig ranking() { return ranking; }
    public TeamRankingConfig team() { return team; }
    public AdvancementRule advancement() { return advancement; }
    public List<AwardBand> awards() { return awards; }
    public NormalisationConfig normalisation() { return normalisation; }
    public ConsistencyConfig consistency() { return consistency; }
    public RoundWeights rounds() { return rounds; }

    /** True when an overall or any part pass mark is configured. */
    public boolean hasPassMarks() {
        return passMark != null || parts.stream().anyMatch(p -> p.passMark() != null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MarkingScheme s)) {
            return false;
        }
        return Objects.equals(id, s.id) && Objects.equals(nameZh, s.nameZh) && Objects.equals(nameEn, s.nameEn)
                && rounding.equals(s.rounding) && panel.equals(s.panel) && parts.equals(s.parts)
                && violations.equals(s.violations) && Objects.equals(time, s.time)
                && Objects.equals(passMark, s.passMark) && ranking.equals(s.ranking) && Objects.equals(team, s.team)
                && Objects.equals(advancement, s.advancement) && awards.equals(s.awards)
                && Objects.equals(normalisation, s.normalisation) && Objects.equals(consistency, s.consistency)
                && Objects.equals(rounds, s.rounds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, parts, rounding);
    }

    @Override
    public String toString() {
        return "MarkingScheme[" + id + "]";
    }

    /** Mutable builder; {@link #build()} does not validate. */
    public static final class Builder {
        private final String id;
        private String nameZh;
        private String nameEn;
        private Rounding rounding = Rounding.of(2, java.math.RoundingMode.HALF_UP);
        private PanelDefaults panel = new PanelDefaults(new AggregationRule.Mean(), 1, null);
        private final List<Part> parts = new ArrayList<>();
        private final List<ViolationRule> violations = new ArrayList<>();
        private TimeRule time;
        private BigDecimal passMark;
        private RankingConfig ranking;
        private TeamRankingConfig team;
        private AdvancementRule advancement;
        private final List<AwardBand> awards = new ArrayList<>();
        private NormalisationConfig normalisation;
        private ConsistencyConfig consistency;
        private RoundWeights rounds;

        private Builder(String id) {
            this.id = id;
            this.nameZh = id;
            this.nameEn = id;
        }

        public Builder names(String zh, String en) { this.nameZh = zh; this.nameEn = en; return this; }
        public Builder rounding(Rounding value) { this.rounding = value; return this; }
        public Builder panel(PanelDefaults value) { this.panel = value; return this; }
        public Builder part(Part value) { this.parts.add(value); return this; }
        public Builder violation(ViolationRule value) { this.violations.add(value); return this; }
        public Builder time(TimeRule value) { this.time = value; return this; }
        public Builder passMark(BigDecimal value) { this.passMark = value; return this; }
        public Builder ranking(RankingConfig value) { this.ranking = value; return this; }
        public Builder team(TeamRankingConfig value) { this.team = value; return this; }
        public Builder advancement(AdvancementRule value) { this.advancement = value; return this; }
        public Builder award(AwardBand value) { this.awards.add(value); return this; }
        public Builder normalisation(NormalisationConfig value) { this.normalisation = value; return this; }
        public Builder consistency(ConsistencyConfig value) { this.consistency = value; return this; }
        public Builder rounds(RoundWeights value) { this.rounds = value; return this; }

        public Builder clearParts() { this.parts.clear(); return this; }
        public Builder clearAwards() { this.awards.clear(); return this; }

        public MarkingScheme build() {
            return new MarkingScheme(this);
        }
    }
}
