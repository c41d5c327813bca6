package io.jiangxin.service;

/** What matching reads of a need: its chain, region and words (title and description). */
public record NeedProfile(long chainId, String chainName, String region, String text) {
}
