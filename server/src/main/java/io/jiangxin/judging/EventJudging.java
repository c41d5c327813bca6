package io.jiangxin.judging;

import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.engine.io.SchemeFormatException;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.engine.standings.ScoredRound;
import io.jiangxin.engine.standings.Standings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One event's judging state as a fold over its score log, applied strictly in sequence order. Records that
 * arrive ahead of a gap wait until the gap is filled, so the state after record n is the same whichever node
 * applied which record, and replaying the log from PostgreSQL gives exactly the live state.
 *
 * <p>Boards and standings rank on {@link ScoredRound} and {@link Standings}, the engine's one path that
 * {@code evaluate} takes too: per-judge normalisation, awards and advancement exactly as the scheme declares.
 *
 * <p>Only the fold's inputs are serialised; the parsed scheme, sheet results and scored rounds are caches
 * rebuilt on first use. Not thread-safe: Hazelcast runs one entry processor at a time per key.
 */
public final class EventJudging implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long eventId;
    private final String schemeJson;
    private final SortedMap<String, SheetLog> sheets = new TreeMap<>();
    private final Map<String, String> teams = new HashMap<>();
    private final TreeMap<Long, ScoreRecord> pending = new TreeMap<>();
    private long version;
    private boolean signedOff;
    private BoardPolicy policy = BoardPolicy.PROVISIONAL;
    private boolean frozen;
    private final SortedMap<String, SheetLog> frozenSheets = new TreeMap<>();
    private final java.util.LinkedHashSet<String> revealed = new java.util.LinkedHashSet<>();
    private final BoardChannel publicBoard = new BoardChannel(BoardView.PUBLIC);
    private final BoardChannel juryBoard = new BoardChannel(BoardView.JURY);

    private transient MarkingScheme scheme;
    private transient SheetEvaluator evaluator;
    private transient Map<String, SheetResult> results;
    private transient ScoredRound scored;
    /** Per-judge normalisation kept up to date sheet by sheet; {@code dirty} are the sheets not yet fed to it. */
    private transient io.jiangxin.engine.normalisation.IncrementalNormaliser normaliser;
    private transient java.util.Set<String> dirty;
    private transient Standings standings;
    private transient ScoredRound frozenScored;
    private transient Map<String, SheetResult> frozenResults;
    private transient String lastRevealed;

    /**
     * @param schemeJson the event's marking scheme as stored
     * @param teams      the team of each entry that competes for one, by entry id
     */
    public EventJudging(long eventId, String schemeJson, Map<String, String> teams) {
        this.eventId = eventId;
        this.schemeJson = schemeJson;
        this.teams.putAll(teams);
        scheme();
    }

    /**
     * Applies records in sequence order, keeping those beyond a gap until it is filled; repeats are ignored.
     *
     * @return the entries whose sheets changed
     */
    public Set<String> apply(Collection<ScoreRecord> records) {
        for (ScoreRecord record : records) {
            if (record.seq() > version) {
                pending.putIfAbsent(record.seq(), record);
            }
        }
        Set<String> changed = new TreeSet<>();
        boolean applied = false;
        lastRevealed = null;
        while (!pending.isEmpty() && pending.firstKey() == version + 1) {
            ScoreRecord next = pending.pollFirstEntry().getValue();
            applyInOrder(next);
            if (next.entryId() != null) {
                changed.add(next.entryId());
                // Later records of this batch (a reveal step) must see this sheet's new result.
                if (results != null) {
                    results.remove(next.entryId());
                }
                scored = null;
                standings = null;
                if (dirty != null) {
                    dirty.add(next.entryId());
                }
            }
            version = next.seq();
            applied = true;
        }
        changed.forEach(this::refresh);
        if (applied) {
            List<BoardBuilder.Line> jury = juryLines();
            juryBoard.update(BoardBuilder.rows(scheme(), jury), BoardBuilder.teams(scheme(), jury), false, null);
            List<BoardBuilder.Line> lines = publicLines();
            publicBoard.update(BoardBuilder.rows(scheme(), lines), BoardBuilder.teams(scheme(), lines), frozen,
                    lastRevealed);
        }
        return changed;
    }

    private void applyInOrder(ScoreRecord record) {
        switch (record.kind()) {
            case SIGN_OFF -> signedOff = true;
            case REOPEN -> signedOff = false;
            case BOARD_POLICY -> policy = BoardPolicy.valueOf(record.detail());
            case FREEZE -> {
                if (!frozen) {
                    frozen = true;
                    frozenSheets.clear();
                    sheets.forEach((id, sheet) -> frozenSheets.put(id, sheet.copy()));
                    revealed.clear();
                    frozenResults = null;
                    frozenScored = null;
                }
            }
            case REVEAL_STEP -> {
                if (frozen) {
                    nextToReveal().ifPresent(entryId -> {
                        revealed.add(entryId);
                        lastRevealed = entryId;
                    });
                }
            }
            case UNFREEZE -> {
                frozen = false;
                frozenSheets.clear();
                revealed.clear();
                frozenResults = null;
                frozenScored = null;
            }
            default -> {
                if (record.entryId() != null) {
                    sheets.computeIfAbsent(record.entryId(), SheetLog::new).apply(record);
                }
            }
        }
    }

    private void refresh(String entryId) {
        if (results != null) {
            results.remove(entryId);
        }
        // One mark moves its judge's mean and spread, so every score of that judge's entries may change.
        scored = null;
        standings = null;
        if (dirty != null) {
            dirty.add(entryId);
        }
    }

    /** Every sheet, live: what the jury sees. */
    private List<BoardBuilder.Line> juryLines() {
        List<BoardBuilder.Line> lines = new ArrayList<>();
        sheets.forEach((id, sheet) -> lines.add(line(scored(), id, status(sheet, signedOff))));
        return lines;
    }

    private static BoardBuilder.Line line(ScoredRound round, String entryId, String status) {
        return new BoardBuilder.Line(round.sheet(entryId), status, round.normalised(entryId));
    }

    /**
     * What the public sees: live sheets the policy shows; when frozen, each sheet as it stood at the freeze,
     * except those revealed since, which show their real result.
     */
    private List<BoardBuilder.Line> publicLines() {
        List<BoardBuilder.Line> lines = new ArrayList<>();
        if (!frozen) {
            sheets.forEach((id, sheet) -> {
                if (shown(sheet)) {
                    lines.add(line(scored(), id, status(sheet, signedOff)));
                }
            });
            return lines;
        }
        java.util.SortedSet<String> ids = new TreeSet<>(frozenSheets.keySet());
        ids.addAll(revealed);
        for (String id : ids) {
            if (revealed.contains(id)) {
                SheetLog sheet = sheet(id);
                if (shown(sheet)) {
                    lines.add(line(scored(), id, status(sheet, signedOff)));
                }
            } else {
                SheetLog sheet = frozenSheets.get(id);
                if (shown(sheet)) {
                    lines.add(line(frozenScored(), id, status(sheet, false)));
                }
            }
        }
        return lines;
    }

    /**
     * The next entry to reveal, ICPC-style: from the bottom of the public board up, the first not yet revealed
     * whose real result differs from the frozen one, or that appeared after the freeze.
     */
    private java.util.Optional<String> nextToReveal() {
        List<BoardRow> board = BoardBuilder.rows(scheme(), publicLines());
        java.util.Set<String> onBoard = new java.util.HashSet<>();
        board.forEach(row -> onBoard.add(row.entryId()));
        for (int i = board.size() - 1; i >= 0; i--) {
            String id = board.get(i).entryId();
            if (!revealed.contains(id) && differs(id)) {
                return java.util.Optional.of(id);
            }
        }
        // Sheets the public has not seen at all come last, in entry order.
        return sheets.keySet().stream().filter(id -> !onBoard.contains(id) && !revealed.contains(id)
                && shown(sheet(id))).findFirst();
    }

    private boolean differs(String entryId) {
        SheetLog frozenSheet = frozenSheets.get(entryId);
        if (frozenSheet == null) {
            return true;
        }
        SheetResult now = result(entryId);
        SheetResult then = frozenResult(entryId);
        return !java.util.Objects.equals(now.total(), then.total()) || now.status() != then.status()
                || !java.util.Objects.equals(scored().normalised(entryId), frozenScored().normalised(entryId))
                || sheet(entryId).locked() != frozenSheet.locked() || signedOff;
    }

    /** How many reveal steps would still change the public board. */
    public int revealsLeft() {
        if (!frozen) {
            return 0;
        }
        int left = 0;
        for (String id : sheets.keySet()) {
            if (!revealed.contains(id) && shown(sheet(id)) && differs(id)) {
                left++;
            }
        }
        return left;
    }

    private boolean shown(SheetLog sheet) {
        return policy == BoardPolicy.PROVISIONAL || sheet.locked();
    }

    private static String status(SheetLog sheet, boolean finalResults) {
        if (sheet.locked()) {
            return finalResults ? "FINAL" : "LOCKED";
        }
        return "PROVISIONAL";
    }

    private SheetResult frozenResult(String entryId) {
        scheme();
        if (frozenResults == null) {
            frozenResults = new HashMap<>();
        }
        return frozenResults.computeIfAbsent(entryId,
                id -> evaluator.evaluate(frozenSheets.get(id).toInput(teams.get(id))));
    }

    public BoardChannel board(BoardView view) {
        return view == BoardView.PUBLIC ? publicBoard : juryBoard;
    }

    public BoardPolicy policy() {
        return policy;
    }

    public boolean frozen() {
        return frozen;
    }

    /** The sequence number of the last record applied: the event's live version. */
    public long version() {
        return version;
    }

    /** The first sequence number that is missing while later records wait, or 0 when nothing waits. */
    public long missingFrom() {
        return pending.isEmpty() ? 0 : version + 1;
    }

    public long eventId() {
        return eventId;
    }

    public boolean signedOff() {
        return signedOff;
    }

    public MarkingScheme scheme() {
        if (scheme == null) {
            try {
                scheme = SchemeFiles.read(schemeJson);
            } catch (SchemeFormatException e) {
                throw new IllegalStateException("stored scheme of event " + eventId + " does not parse", e);
            }
            evaluator = new SheetEvaluator(scheme);
        }
        return scheme;
    }

    public SortedMap<String, SheetLog> sheets() {
        return sheets;
    }

    public SheetLog sheet(String entryId) {
        return sheets.getOrDefault(entryId, new SheetLog(entryId));
    }

    public SheetResult result(String entryId) {
        scheme();
        if (results == null) {
            results = new HashMap<>();
        }
        return results.computeIfAbsent(entryId, id -> evaluator.evaluate(sheet(id).toInput(teams.get(id))));
    }

    /** Every live sheet scored as the scheme says (normalised, if it normalises), computed once per change. */
    public ScoredRound scored() {
        if (scored == null) {
            scored = ScoredRound.of(scheme(), sheets.keySet().stream().map(this::result).toList(), Map.of(),
                    normalisation());
        }
        return scored;
    }

    /** The live normalisation, updated only for the sheets that changed since; null when the scheme has none. */
    private io.jiangxin.engine.normalisation.NormalisationResult normalisation() {
        if (scheme().normalisation() == null) {
            return null;
        }
        if (normaliser == null) {
            normaliser = new io.jiangxin.engine.normalisation.IncrementalNormaliser(scheme.normalisation(),
                    scheme.rounding());
            dirty = new java.util.HashSet<>(sheets.keySet());
        }
        for (String entryId : dirty) {
            Map<String, java.math.BigDecimal> byJudge = new HashMap<>();
            io.jiangxin.engine.normalisation.JudgeScores.fromSheets(List.of(result(entryId)), scheme)
                    .forEach(score -> byJudge.put(score.judgeId(), score.score()));
            normaliser.update(entryId, byJudge);
        }
        dirty.clear();
        return normaliser.result();
    }

    /** The jury's standings over every live sheet: the ranking, awards, advancement and teams. */
    public Standings standings() {
        if (standings == null) {
            standings = Standings.of(scheme(), scored().sheets());
        }
        return standings;
    }

    /** Every sheet as it stood at the freeze, scored over the frozen marks alone. */
    private ScoredRound frozenScored() {
        if (frozenScored == null) {
            frozenScored = ScoredRound.of(scheme(), frozenSheets.keySet().stream().map(this::frozenResult).toList(),
                    Map.of());
        }
        return frozenScored;
    }
}
