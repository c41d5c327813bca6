package io.jiangxin.paging;

import java.util.List;

/** One page of a listing, with the total number of matching rows. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
}
