package io.jiangxin.ladder.tier;

/**
 * Who runs a ladder. An enterprise's own tiers are {@link #ENTERPRISE}; titles such as 潍坊工匠 are a
 * {@link #CITY} ladder whose rules draw candidates from the enterprise ladders below it.
 */
public enum LadderScope {
    ENTERPRISE, TOWN, COUNTY, CITY, PROVINCE, NATIONAL
}
