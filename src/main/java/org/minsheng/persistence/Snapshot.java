package org.minsheng.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One part of the {@link Catalogue}: an immutable value read from the database whole, swapped whole
 * when the catalogue changes. Readers never wait for a reload: they keep the value they got.
 */
public final class Snapshot<T> {

    private final String name;
    private final Supplier<T> read;
    private volatile T current;

    /** A part read by {@code read}, which runs in a transaction. */
    public static <T> Snapshot<T> of(String name, Supplier<T> read) {
        return new Snapshot<>(name, read);
    }

    private Snapshot(String name, Supplier<T> read) {
        this.name = name;
        this.read = read;
    }

    /** The value now: read on first use when the catalogue has not been loaded yet. */
    public T get() {
        T value = current;
        if (value == null) {
            synchronized (this) {
                if (current == null) {
                    current = readNow();
                }
                value = current;
            }
        }
        return value;
    }

    String name() {
        return name;
    }

    /**
     * Reads every value again (in the caller's transaction), then swaps them in, in the order given:
     * until all are read, readers get every previous value; once swapped, a reader that got one new
     * value gets the new value of every snapshot before it in the list (the swaps are volatile writes,
     * in order).
     */
    static void reloadAll(List<Snapshot<?>> snapshots) {
        List<Object> values = new ArrayList<>(snapshots.size());
        for (Snapshot<?> snapshot : snapshots) {
            values.add(snapshot.read.get());
        }
        for (int i = 0; i < snapshots.size(); i++) {
            snapshots.get(i).swap(values.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private synchronized void swap(Object value) {
        current = (T) value;
    }

    private T readNow() {
        return QuarkusTransaction.requiringNew().call(read::get);
    }
}
