package org.minsheng.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.minsheng.observation.FiguresChanged;
import org.minsheng.observation.ObservationEvent;
import org.minsheng.persistence.Queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Carries committed changes to figures from the writers to the subscriptions. The API writer's
 * {@link FiguresChanged} event reaches it inside the write's transaction; the seed import publishes
 * its changes chunk by chunk as it writes them (one event for a whole import would hold all its
 * figures in memory). With PostgreSQL they go out as notifications on
 * {@value #CHANNEL} ({@code pg_notify}), which PostgreSQL delivers when, and only if, the
 * transaction commits, to every replica's {@link PostgresChanges} listener, this one's included.
 * With H2 (one process) they are handed over in-process after the commit. Either way they arrive in
 * {@link #received} and are delivered on one thread of their own, in commit order: what matching and
 * answering them needs is read once ({@link ChangeLookups}), then each subscription takes its own.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    public static final String CHANNEL = "minsheng_observation_changes";

    /** PostgreSQL takes notification payloads shorter than 8000 bytes. */
    static final int PAYLOAD_BYTES = 7000;

    private static final TypeReference<List<ObservationEvent>> EVENTS = new TypeReference<>() {
    };

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ObjectMapper mapper;

    @Inject
    ChangeLookups lookups;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final Set<Consumer<List<ChangeLookups.Known>>> listeners = ConcurrentHashMap.newKeySet();

    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "minsheng-changes");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The gauge of subscription streams attached to the feed: a subscription hears changes from the
     * moment it counts here, which is a little after the client's subscribe message is accepted.
     */
    void gauge(@Observes io.quarkus.runtime.StartupEvent event) {
        io.micrometer.core.instrument.Gauge.builder("minsheng.live.listeners", listeners, Set::size)
                .description("Subscription streams attached to the change feed now").register(registry);
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }

    public boolean viaPostgres() {
        return dbKind.startsWith("postgres");
    }

    /** A write of figures through the API, inside its transaction. */
    void onFigures(@Observes FiguresChanged change) {
        publish(change.events());
    }

    /** Publishes changes made in the current transaction; they reach listeners once it commits. */
    public void publish(List<ObservationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (viaPostgres()) {
            for (String payload : payloads(events)) {
                Queries.em().createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                        .setParameter(2, payload).getSingleResult();
            }
            return;
        }
        if (listeners.isEmpty()) {
            return;
        }
        List<ObservationEvent> copy = List.copyOf(events);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    received(copy);
                }
            }
        });
    }

    /** Committed events, from this process or (PostgreSQL) any replica: handed to each listener in order. */
    void received(List<ObservationEvent> events) {
        if (listeners.isEmpty()) {
            return;
        }
        delivery.execute(() -> {
            if (listeners.isEmpty()) {
                return;
            }
            List<ChangeLookups.Known> known;
            try {
                known = lookups.know(events);
            } catch (RuntimeException e) {
                LOG.warnf(e, "%d changes could not be delivered: reading what they need failed", events.size());
                return;
            }
            for (Consumer<List<ChangeLookups.Known>> listener : listeners) {
                try {
                    listener.accept(known);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "A change listener failed on %d events", events.size());
                }
            }
        });
    }

    /** A notification's payload, as {@link #payloads} wrote it. */
    void receivedPayload(String payload) {
        try {
            received(mapper.readValue(payload, EVENTS));
        } catch (JsonProcessingException e) {
            LOG.warnf("A change notification could not be read (%s); %d characters", e.getOriginalMessage(),
                    payload.length());
        }
    }

    public void listen(Consumer<List<ChangeLookups.Known>> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<List<ChangeLookups.Known>> listener) {
        listeners.remove(listener);
    }

    public int listeners() {
        return listeners.size();
    }

    /** The events as JSON arrays, each under {@link #PAYLOAD_BYTES}; an event too large alone goes trimmed. */
    List<String> payloads(List<ObservationEvent> events) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int bytes = 0;
        for (ObservationEvent event : events) {
            String json = json(event);
            int size = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (size + 2 > PAYLOAD_BYTES) {
                json = json(event.trim());
                size = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            if (bytes > 0 && bytes + size + 2 > PAYLOAD_BYTES) {
                payloads.add(current.append(']').toString());
                current.setLength(0);
                bytes = 0;
            }
            current.append(bytes == 0 ? '[' : ',').append(json);
            bytes += size + 1;
        }
        if (bytes > 0) {
            payloads.add(current.append(']').toString());
        }
        return payloads;
    }

    private String json(ObservationEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
