package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CursorAndIdTest {

    @Test
    void cursorsAndIdsRoundTrip() {
        assertEquals("150403103", Cursor.decode(Cursor.encode("150403103")));
        assertEquals(new GlobalId("Region", "150000"), GlobalId.decode(GlobalId.encode("Region", "150000")));
        assertEquals(new GlobalId("Indicator", "a.b:c"), GlobalId.decode(GlobalId.encode("Indicator", "a.b:c")));
    }

    @Test
    void foreignTextIsRefusedAsBadInput() {
        assertThrows(BadUserInputException.class, () -> Cursor.decode("!!"));
        assertThrows(BadUserInputException.class, () -> Cursor.decode(GlobalId.encode("Region", "1")));
        assertThrows(BadUserInputException.class, () -> GlobalId.decode("bm9jb2xvbg"));
        assertThrows(BadUserInputException.class, () -> PageRequest.of(-1, null));
        assertThrows(LimitExceededException.class, () -> PageRequest.of(101, null));
        assertEquals(20, PageRequest.of(null, null).first());
    }
}
