package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.Person;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.tier.TierHistory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the rules look at for one person: who they are, their tier histories (one per ladder), their
 * ledger entries, their signed-off contest results (all revisions; only the latest of each counts) and the
 * mentorships where they are the mentor. The server loads one dossier per person from PostgreSQL.
 */
public record CandidateDossier(Person person, List<TierHistory> tierHistories, List<LedgerEntry> ledger,
                               List<ContestResult> results, List<Mentorship> mentorships) {

    public CandidateDossier {
        tierHistories = List.copyOf(tierHistories);
        ledger = List.copyOf(ledger);
        results = List.copyOf(results);
        mentorships = List.copyOf(mentorships);
    }

    public String personId() {
        return person.personId();
    }

    public Optional<TierHistory> history(String ladderId) {
        return tierHistories.stream().filter(h -> h.ladder().ladderId().equals(ladderId)).findFirst();
    }

    /** The latest revision of each of the person's results, by contest day then event id. */
    public List<ContestResult> currentResults() {
        Collection<ContestResult> latest = results.stream()
                .filter(r -> r.personId().equals(person.personId()))
                .collect(Collectors.toMap(ContestResult::eventId, Function.identity(),
                        (a, b) -> a.revision() >= b.revision() ? a : b)).values();
        return latest.stream().sorted(Comparator.comparing(ContestResult::heldOn)
                .thenComparing(ContestResult::eventId)).toList();
    }

    /** The person's own mentorships as mentor, by id. */
    public List<Mentorship> ownMentorships() {
        return mentorships.stream().filter(m -> m.mentorId().equals(person.personId()))
                .sorted(Comparator.comparing(Mentorship::mentorshipId)).toList();
    }

}
