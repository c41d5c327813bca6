package io.jiangxin.ladder.quota;

import io.jiangxin.ladder.BilingualText;

import java.util.ArrayList;
import java.util.List;

/** Which slot a claim takes, e.g. "2026 年度名额 3/20，焊工 1/4 / 2026 quota slot 3 of 20, 焊工 1 of 4". */
public record QuotaSlot(int year, int yearSlot, Integer yearLimit, String trade, int tradeSlot, Integer tradeLimit,
                        String organizationId, int organizationSlot, Integer organizationLimit) {

    public BilingualText label() {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        zh.add(year + " 年度名额 " + yearSlot + "/" + limit(yearLimit, "不限"));
        en.add(year + " quota slot " + yearSlot + " of " + limit(yearLimit, "unlimited"));
        if (tradeLimit != null) {
            zh.add(trade + " " + tradeSlot + "/" + tradeLimit);
            en.add(trade + " " + tradeSlot + " of " + tradeLimit);
        }
        if (organizationLimit != null) {
            zh.add("单位 " + organizationId + " " + organizationSlot + "/" + organizationLimit);
            en.add("organization " + organizationId + " " + organizationSlot + " of " + organizationLimit);
        }
        return BilingualText.of(String.join("，", zh), String.join(", ", en));
    }

    private static String limit(Integer limit, String none) {
        return limit == null ? none : limit.toString();
    }
}
