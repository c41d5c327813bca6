package io.jiangxin.ladder;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The facts about a worker that promotion rules look at. {@code birthDate} may be unknown (age limits then
 * fail with a reason rather than guess); {@code organizationId} is the employer, used by per-organization quotas.
 */
public record Person(String personId, String name, LocalDate birthDate, String trade, String organizationId) {

    public Person {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(name, "name");
    }

    /** Completed years of age on {@code date}; a birthday on {@code date} counts as reached. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }
}
