package io.jiangxin.registry;

/**
 * 报名: a person or a team entered into an event. Exactly one of {@code personId} and {@code teamId} is set.
 * The entry code (参赛号) is what judges see; the station (工位号) is drawn later.
 */
public record Registration(long id, long eventId, Long personId, Long teamId, String entryCode, String station,
                           RegistrationStatus status) {

    public record Draft(long eventId, Long personId, Long teamId, String entryCode, String station,
                        RegistrationStatus status) {
    }
}
