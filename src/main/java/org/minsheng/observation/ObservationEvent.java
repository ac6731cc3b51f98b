package org.minsheng.observation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One committed change to a figure, as it travels from the writer to every replica: its ID, what
 * happened, the revision that recorded it (none for an import at start), its state after the change
 * (before it, for a deletion) and, for an update, its state before, so that a figure leaving a
 * subscription's filter is reported too. {@code trimmed} says the quote and note were left out to fit a
 * PostgreSQL notification; the figure is then read again.
 */
@RegisterForReflection
public record ObservationEvent(ChangeAction action, long id, Long revision, ObservationState state,
        ObservationState before, boolean trimmed) {

    public static ObservationEvent created(long id, Long revision, ObservationState state) {
        return new ObservationEvent(ChangeAction.CREATED, id, revision, state, null, false);
    }

    public static ObservationEvent updated(long id, Long revision, ObservationState before,
            ObservationState after) {
        return new ObservationEvent(ChangeAction.UPDATED, id, revision, after, before, false);
    }

    public static ObservationEvent deleted(long id, Long revision, ObservationState before) {
        return new ObservationEvent(ChangeAction.DELETED, id, revision, before, null, false);
    }

    /** The event without quotes and notes. */
    public ObservationEvent trim() {
        return new ObservationEvent(action, id, revision, state.trimmed(), before == null ? null : before.trimmed(), true);
    }

}
