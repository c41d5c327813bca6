package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Level;

/** An honour such as 潍坊市技术能手; priced by its level. */
public record HonourEvidence(String honourId, String title, Level level) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.HONOUR;
    }

    @Override
    public String sourceId() {
        return honourId;
    }

    @Override
    public String qualifier() {
        return level.name();
    }

    @Override
    public BilingualText describe() {
        return BilingualText.of(level.zh() + "荣誉 " + title, level.en() + " honour " + title);
    }
}
