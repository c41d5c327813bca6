package io.jiangxin.http;

import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A log head as printed on a 公示 or an export ({@code ?seq=&hash=}), given to the verification so that it says
 * whether the log still holds that record: whoever kept a printout can see a later truncation.
 */
record PrintedAnchor(long seq, String hash) {

    private static final Pattern SEQ = Pattern.compile("\\d{1,18}");
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    /** The anchor in the query, null when neither parameter is given; a 400 naming each bad one. */
    static PrintedAnchor of(RoutingContext ctx) {
        String seq = ctx.request().getParam("seq");
        String hash = ctx.request().getParam("hash");
        if (seq == null && hash == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        if (seq == null || !SEQ.matcher(seq).matches()) {
            errors.add(new FieldError("seq", "须为记录序号（非负整数）/ must be a record's sequence number"));
        }
        if (hash == null || !HASH.matcher(hash).matches()) {
            errors.add(new FieldError("hash", "须为 64 位十六进制哈希 / must be a 64-digit hex SHA-256"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new PrintedAnchor(Long.parseLong(seq), hash.toLowerCase(java.util.Locale.ROOT));
    }
}
