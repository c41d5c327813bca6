/**
 * 劳模工匠助企行, the service platform's pure domain: needs and orders with their transition rules, the explained
 * deterministic matching of craftsmen to a need, the service report's checks and the union's dashboard figures.
 * No Vert.x, no SQL.
 */
package io.jiangxin.service;
