package io.jiangxin.app;

import io.jiangxin.problem.Problem;
import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.engine.io.SchemeFormatException;
import io.jiangxin.engine.scheme.MarkingScheme;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsed marking schemes by their stored JSON, so a node parses each event's scheme once, not per mark. */
public final class Schemes {

    static final int CAPACITY = 256;

    private final Map<String, MarkingScheme> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MarkingScheme> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized MarkingScheme of(String schemeJson) {
        if (schemeJson == null) {
            throw Problem.noScheme();
        }
        return parsed.computeIfAbsent(schemeJson, json -> {
            try {
                return SchemeFiles.read(json);
            } catch (SchemeFormatException e) {
                throw new IllegalStateException("a stored scheme no longer parses", e);
            }
        });
    }
}
