package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

/** Technical service to an enterprise (送技入企 / 助企行); {@code type} is the table key, e.g. VISIT. */
public record TechServiceEvidence(String serviceId, String type) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.TECH_SERVICE;
    }

    @Override
    public String sourceId() {
        return serviceId;
    }

    @Override
    public String qualifier() {
        return type;
    }

    @Override
    public BilingualText describe() {
        return BilingualText.of("送技入企 " + serviceId, "technical service " + serviceId);
    }
}
