package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

/** An innovation result: {@code type} is the table key, e.g. PATENT_INVENTION, PATENT_UTILITY, ADOPTED_PROPOSAL. */
public record InnovationEvidence(String reference, String type) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.INNOVATION;
    }

    @Override
    public String sourceId() {
        return reference;
    }

    @Override
    public String qualifier() {
        return type;
    }

    @Override
    public BilingualText describe() {
        return BilingualText.of("创新成果 " + reference + "（" + type + "）", "innovation " + reference + " (" + type + ")");
    }
}
