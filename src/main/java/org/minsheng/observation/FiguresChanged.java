package org.minsheng.observation;

import java.util.List;

import org.minsheng.persistence.DataChanged;

/**
 * A write of figures through the API, as the one event it fires: the changes it made, which
 * {@code live.ChangeFeed} hands to the subscriptions once the write commits.
 */
public record FiguresChanged(String reason, List<ObservationEvent> events) implements DataChanged {

    public FiguresChanged {
        events = List.copyOf(events);
    }

    @Override
    public boolean catalogue() {
        return false;
    }
}
