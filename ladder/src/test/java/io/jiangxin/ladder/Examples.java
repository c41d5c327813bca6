package io.jiangxin.ladder;

import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.io.LadderConfigReader;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.tier.TierHistory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Loads the example configurations and builds small test values. */
public final class Examples {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private Examples() {
    }

    public static LadderConfig load(String name) {
        try {
            return LadderConfigReader.read(Path.of(Examples.class.getResource("/examples/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LadderConfig weifang() {
        return load("weifang-ladders.yaml");
    }

    public static LadderConfig yuecheng() {
        return load("yuecheng-points.yaml");
    }

    public static LadderConfig dezhou() {
        return load("dezhou-chief-technician.yaml");
    }

    public static Person person(String id, String trade, String organization, LocalDate birthDate) {
        return new Person(id, "姓名" + id, birthDate, trade, organization);
    }

    public static ContestResult result(String personId, String eventId, Level level, ContestClass contestClass,
                                       int rank, String award, LocalDate heldOn) {
        return new ContestResult(personId, eventId, "赛项" + eventId, "焊工", level, contestClass, rank, award, heldOn,
                heldOn.plusDays(3), 0);
    }

    public static CandidateDossier dossier(Person person, List<TierHistory> tiers, List<LedgerEntry> ledger,
                                           List<ContestResult> results, List<Mentorship> mentorships) {
        return new CandidateDossier(person, tiers, ledger, results, mentorships);
    }
}
