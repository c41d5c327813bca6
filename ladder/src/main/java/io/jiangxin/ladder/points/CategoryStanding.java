package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

import java.math.BigDecimal;
import java.util.List;

/**
 * One category of a standing.
 *
 * @param raw      the net sum of the person's visible entries in the category, before window, highest-only
 *                 and cap (reversed pairs cancel out)
 * @param counted  what the category contributes after those rules
 * @param verdicts every visible entry of the category with its verdict, by effective date then key
 */
public record CategoryStanding(String category, BilingualText name, BigDecimal raw, BigDecimal counted,
                               BigDecimal cap, List<EntryVerdict> verdicts) {

    public CategoryStanding {
        verdicts = List.copyOf(verdicts);
    }
}
