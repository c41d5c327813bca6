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

    /** 2: board settings and held sheets replaced the policy and the frozen/revealed sets; states do not mix. */
    private static final long serialVersionUID = 2L;

    private final long eventId;
    private final String schemeJson;
    private final SortedMap<String, SheetLog> sheets = new TreeMap<>();
    private final Map<String, String> teams = new HashMap<>();
    /** Entry → earlier round → its total, brought along by advancement; combined when the scheme has rounds. */
    private final Map<String, Map<String, java.math.BigDecimal>> priorRounds = new HashMap<>();
    private final TreeMap<Long, ScoreRecord> pending = new TreeMap<>();
    private long version;
    private boolean signedOff;
    private BoardSettings settings = BoardSettings.DEFAULT;
    private boolean frozen;
    /** While frozen: what the public board holds for each entry, as at the freeze or at the entry's last reveal. */
    private final SortedMap<String, HeldSheet> held = new TreeMap<>();
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
    private transient Map<String, SheetResult> heldResults;
    /** What the frozen public board holds, scored (normalised) over the held sheets alone. */
    private transient ScoredRound heldScored;
    private transient String lastRevealed;

    /** A sheet the frozen public board holds still, and whether its line says FINAL (names shown). */
    private record HeldSheet(SheetLog sheet, boolean finalResult) implements Serializable {
    }

    /**
     * What a line tells the audience about an entry, and everything its rank, award and team line depend on. An
     * entry has hidden changes while this differs between its public line and its live one.
     */
    private record Shown(String line, io.jiangxin.engine.sheet.EntryStatus status, java.math.BigDecimal total,
                         java.math.BigDecimal rankingScore, io.jiangxin.engine.ranking.RankKey key, Boolean passed,
                         String teamId, java.time.Duration netTime, java.math.BigDecimal normalised) {
    }

    /**
     * @param schemeJson the event's marking scheme as stored
     * @param teams      the team of each entry that competes for one, by entry id
     */
    public EventJudging(long eventId, String schemeJson, Map<String, String> teams) {
        this(eventId, schemeJson, teams, Map.of());
    }

    /** @param priorRounds each entry's totals of earlier rounds, by round id (combined when the scheme has rounds) */
    public EventJudging(long eventId, String schemeJson, Map<String, String> teams,
                        Map<String, Map<String, java.math.BigDecimal>> priorRounds) {
        this.eventId = eventId;
        this.schemeJson = schemeJson;
        this.teams.putAll(teams);
        priorRounds.forEach((entry, totals) -> this.priorRounds.put(entry, new TreeMap<>(totals)));
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
            juryBoard.update(version, BoardBuilder.rows(scheme(), jury), BoardBuilder.teams(scheme(), jury), false, null);
            List<BoardBuilder.Line> lines = publicLines();
            juryBoard.showTeamsBeforeNames(settings.showTeamsBeforeNames());
            publicBoard.showTeamsBeforeNames(settings.showTeamsBeforeNames());
            publicBoard.update(version, BoardBuilder.rows(scheme(), lines),
                    teamsPublic(lines) ? BoardBuilder.teams(scheme(), lines) : List.of(), frozen, lastRevealed);
        }
        return changed;
    }

    private void applyInOrder(ScoreRecord record) {
        switch (record.kind()) {
            case SIGN_OFF -> signedOff = true;
            case REOPEN -> signedOff = false;
            case BOARD_POLICY -> settings = BoardSettings.parse(record.detail());
            case FREEZE -> {
                if (!frozen) {
                    frozen = true;
                    held.clear();
                    sheets.forEach((id, sheet) -> held.put(id, new HeldSheet(sheet.copy(), false)));
                    heldResults = null;
                    heldScored = null;
                }
            }
            case REVEAL_STEP -> {
                if (frozen) {
                    nextToReveal().ifPresent(entryId -> {
                        // The entry takes its result as it is now; a later change waits for another step.
                        held.put(entryId, new HeldSheet(sheet(entryId).copy(), signedOff));
                        if (heldResults != null) {
                            heldResults.remove(entryId);
                        }
                        heldScored = null;
                        lastRevealed = entryId;
                    });
                }
            }
            case UNFREEZE -> {
                frozen = false;
                held.clear();
                heldResults = null;
                heldScored = null;
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
     * What the public sees: live sheets the policy shows; when frozen, what the board holds for each entry (its
     * sheet as at the freeze, or as at its last reveal).
     */
    private List<BoardBuilder.Line> publicLines() {
        List<BoardBuilder.Line> lines = new ArrayList<>();
        for (String id : frozen ? held.keySet() : sheets.keySet()) {
            BoardBuilder.Line line = publicLine(id);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The entry's line on the public board as it stands, or null when it has none. */
    private BoardBuilder.Line publicLine(String entryId) {
        if (!frozen) {
            return liveLine(entryId);
        }
        HeldSheet kept = held.get(entryId);
        return kept == null || !shown(kept.sheet()) ? null
                : line(heldScored(), entryId, status(kept.sheet(), kept.finalResult()));
    }

    /** The entry's line as a live public board would show it, or null when the policy shows none. */
    private BoardBuilder.Line liveLine(String entryId) {
        SheetLog sheet = sheets.get(entryId);
        return sheet == null || !shown(sheet) ? null : line(scored(), entryId, status(sheet, signedOff));
    }

    /** Whether a reveal step would change what the public board shows of this entry. */
    private boolean hidden(String entryId) {
        return frozen && !java.util.Objects.equals(shownOf(publicLine(entryId)), shownOf(liveLine(entryId)));
    }

    private Shown shownOf(BoardBuilder.Line line) {
        if (line == null) {
            return null;
        }
        SheetResult r = line.result();
        return new Shown(line.status(), r.status(), r.total(), r.rankingScore(),
                io.jiangxin.engine.ranking.RankKeys.of(r, scheme().ranking()), r.passed(), r.teamId(),
                r.time() == null ? null : r.time().netTime(), line.normalised());
    }

    /**
     * The next entry to reveal, as the ICPC resolver does: the lowest-placed entry on the current public board
     * that has hidden changes. Entries the public board does not show at all (judged only after the freeze) sit
     * below every line, so they come first, the lowest by their real result first; so no entry is uncovered while
     * one placed below it still hides a change, and the winner comes last.
     */
    private java.util.Optional<String> nextToReveal() {
        Set<String> candidates = new TreeSet<>();
        sheets.keySet().stream().filter(this::hidden).forEach(candidates::add);
        if (candidates.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<BoardBuilder.Line> unseen = new ArrayList<>();
        for (String id : candidates) {
            if (publicLine(id) == null) {
                unseen.add(liveLine(id));
            }
        }
        if (!unseen.isEmpty()) {
            List<BoardRow> amongThemselves = BoardBuilder.rows(scheme(), unseen);
            return java.util.Optional.of(amongThemselves.get(amongThemselves.size() - 1).entryId());
        }
        List<BoardRow> board = BoardBuilder.rows(scheme(), publicLines());
        for (int i = board.size() - 1; i >= 0; i--) {
            if (candidates.contains(board.get(i).entryId())) {
                return java.util.Optional.of(board.get(i).entryId());
            }
        }
        throw new IllegalStateException("an entry with hidden changes is neither on the board nor off it");
    }

    /** How many reveal steps would still change the public board: each step uncovers exactly one entry. */
    public int revealsLeft() {
        if (!frozen) {
            return 0;
        }
        return (int) sheets.keySet().stream().filter(this::hidden).count();
    }

    /**
     * Whether the public board shows team and enterprise boards: once it shows names (the event is signed off and
     * no line still holds a result from before the sign-off, as a board frozen earlier does until each locked line
     * is uncovered), or earlier when the organizer's setting says so. It depends on the public lines alone, so a
     * frozen board still moves only by reveal steps.
     */
    private boolean teamsPublic(List<BoardBuilder.Line> lines) {
        return settings.showTeamsBeforeNames()
                || (signedOff && lines.stream().noneMatch(line -> "LOCKED".equals(line.status())));
    }

    private boolean shown(SheetLog sheet) {
        return settings.policy() == BoardPolicy.PROVISIONAL || sheet.locked();
    }

    private static String status(SheetLog sheet, boolean finalResults) {
        if (sheet.locked()) {
            return finalResults ? "FINAL" : "LOCKED";
        }
        return "PROVISIONAL";
    }

    private SheetResult heldResult(String entryId) {
        scheme();
        if (heldResults == null) {
            heldResults = new HashMap<>();
        }
        return heldResults.computeIfAbsent(entryId,
                id -> evaluator.evaluate(held.get(id).sheet().toInput(teams.get(id))));
    }

    public BoardChannel board(BoardView view) {
        return view == BoardView.PUBLIC ? publicBoard : juryBoard;
    }

    public BoardPolicy policy() {
        return settings.policy();
    }

    public BoardSettings settings() {
        return settings;
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
            scored = ScoredRound.of(scheme(), sheets.keySet().stream().map(this::result).toList(),
                    priorRounds(sheets.keySet()), normalisation());
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

    /** What the frozen public board holds, scored over the held sheets alone (as the freeze left the marks). */
    private ScoredRound heldScored() {
        if (heldScored == null) {
            heldScored = ScoredRound.of(scheme(), held.keySet().stream().map(this::heldResult).toList(),
                    priorRounds(held.keySet()));
        }
        return heldScored;
    }

    /**
     * The earlier rounds' totals of these entries as the scheme combines them: an entry that did not take part in
     * a weighted earlier round (registered directly, not advanced) has 0 for it, and {@code GET …/marks.json}
     * exports that 0, so {@code evaluate} combines exactly the same figures.
     */
    public Map<String, Map<String, java.math.BigDecimal>> priorRounds(Collection<String> entryIds) {
        io.jiangxin.engine.scheme.RoundWeights rounds = scheme().rounds();
        if (rounds == null) {
            return Map.of();
        }
        java.math.BigDecimal none = scheme.rounding().apply(java.math.BigDecimal.ZERO);
        Map<String, Map<String, java.math.BigDecimal>> totals = new HashMap<>();
        for (String entryId : entryIds) {
            // null in a state serialised before rounds were carried (the field did not exist then)
            Map<String, java.math.BigDecimal> carried = priorRounds == null ? Map.of()
                    : priorRounds.getOrDefault(entryId, Map.of());
            Map<String, java.math.BigDecimal> own = new TreeMap<>();
            for (io.jiangxin.engine.scheme.RoundWeights.RoundWeight weight : rounds.weights()) {
                if (!weight.roundId().equals(rounds.currentRound())) {
                    own.put(weight.roundId(), carried.getOrDefault(weight.roundId(), none));
                }
            }
            totals.put(entryId, own);
        }
        return totals;
    }
}
