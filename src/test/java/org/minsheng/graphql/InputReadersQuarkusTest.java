package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.observation.ObservationFilter;
import org.minsheng.observation.ObservationOrder;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The figure lists' filter and order are read by their readers in the running application (a reader
 * the container did not find would leave every conversion to SmallRye without changing an answer).
 */
@QuarkusTest
class InputReadersQuarkusTest {

    @Test
    void theFigureListsInputsHaveTheirReaders() {
        assertEquals(ObservationFilter.class, InputArguments.inputReader(ObservationFilter.class).type());
        assertEquals(ObservationOrder.class, InputArguments.inputReader(ObservationOrder.class).type());
        assertNull(InputArguments.inputReader(Map.class));
    }
}
