package org.minsheng.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The catalogue's parts are swapped whole, together: never a new part beside a previous one. */
class SnapshotTest {

    private final AtomicInteger generation = new AtomicInteger();
    private final List<String> sourcesSeenWhileReadingProgrammes = new ArrayList<>();
    private volatile boolean programmesFail;

    private final Snapshot<String> sources = Snapshot.of("sources", () -> "sources " + generation.get());
    private final Snapshot<String> programmes = Snapshot.of("programmes", () -> {
        if (generation.get() > 0) {
            sourcesSeenWhileReadingProgrammes.add(sources.get());
        }
        if (programmesFail) {
            throw new IllegalStateException("the database went away");
        }
        return "programmes " + generation.get();
    });

    @Test
    void whileTheCatalogueIsReadAgainReadersGetTheWholePreviousOne() {
        Snapshot.reloadAll(List.of(sources, programmes));
        generation.set(1);
        Snapshot.reloadAll(List.of(sources, programmes));

        assertEquals(List.of("sources 0"), sourcesSeenWhileReadingProgrammes,
                "the sources were swapped in before the programmes had been read");
        assertEquals("sources 1", sources.get());
        assertEquals("programmes 1", programmes.get());
    }

    @Test
    void aReadThatFailsPartWayLeavesEveryPartAsItWas() {
        Snapshot.reloadAll(List.of(sources, programmes));
        generation.set(1);
        programmesFail = true;

        assertThrows(IllegalStateException.class, () -> Snapshot.reloadAll(List.of(sources, programmes)));

        assertEquals("sources 0", sources.get(), "a new part beside the previous programmes");
        assertEquals("programmes 0", programmes.get());
    }
}
