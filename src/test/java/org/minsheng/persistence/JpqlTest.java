package org.minsheng.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** HQL conditions bound element by element, and the same query written as SQL for {@link SqlRows}. */
class JpqlTest {

    private static final Map<String, String> NAMES = Map.of("ObservationEntity", "observation", "o.regionCode",
            "o.region_code", "o.periodEnd", "o.period_end", "o.value", "o.amount", "o.id", "o.id");

    @Test
    void aListParameterIsReplacedWhereItStandsAloneNotInALongerName() {
        Jpql query = Jpql.from("from ObservationEntity o")
                .where("o.regionCode in :r or o.regionCode in :r1 or o.id = :r_id", Map.of("r1", "x", "r_id", 7L))
                .where("o.regionCode in :r", "r", List.of("150302", "150303", "150304"));
        assertEquals(" where o.regionCode in :r or o.regionCode in :r1 or o.id = :r_id"
                + " and o.regionCode in (:r_0, :r_1, :r_2, :r_3)", query.where());
        Jpql twice = Jpql.from("from ObservationEntity o").where("o.regionCode in :r or o.id in :r", "r", List.of("a"));
        assertEquals(" where o.regionCode in (:r_0, :r_1) or o.id in (:r_0, :r_1)", twice.where());
    }

    @Test
    void theQueryAsSqlHasItsColumnsAndItsValuesInOrder() {
        Jpql query = Jpql.from("from ObservationEntity o").where("o.periodEnd >= :from", "from", LocalDate.of(2024, 1, 1))
                .where("o.regionCode in :regions", "regions", List.of("150302", "150303", "150304"));
        SqlRows.Sql sql = query.sql(query.subquery("o.id, o.value") + " and o.regionCode <> 'o.value :from'"
                + " and o.id > :after order by o.id limit 3", Map.of("after", 5L), NAMES);
        assertEquals("select o.id, o.amount from observation o where o.period_end >= ? and o.region_code in (?, ?, ?, ?)"
                + " and o.region_code <> 'o.value :from' and o.id > ? order by o.id limit 3", sql.text());
        assertEquals(List.of(LocalDate.of(2024, 1, 1), "150302", "150303", "150304", "150304", 5L), sql.parameters());
    }

    @Test
    void theSameTextIsTranslatedWithTheNamesItIsGiven() {
        Jpql query = Jpql.from("from ObservationEntity o").where("o.id > :after", "after", 5L);
        String hql = query.subquery("o.id, o.value");
        assertEquals("select o.id, o.amount from observation o where o.id > ?", query.sql(hql, Map.of(), NAMES).text());
        Map<String, String> archive = Map.of("ObservationEntity", "observation_archive", "o.id", "o.archived_id",
                "o.value", "o.value");
        assertEquals("select o.archived_id, o.value from observation_archive o where o.archived_id > ?",
                query.sql(hql, Map.of(), archive).text());
        assertThrows(IllegalStateException.class, () -> query.sql(hql, Map.of(), Map.of("o.id", "o.id")),
                "a path the other names lack is refused, not read from the first translation");
    }

    @Test
    void aPathWithoutAColumnOrAParameterWithoutAValueIsRefused() {
        Jpql query = Jpql.from("from ObservationEntity o");
        assertThrows(IllegalStateException.class, () -> query.sql(query.subquery("o.quote"), Map.of(), NAMES));
        assertThrows(IllegalStateException.class,
                () -> query.sql(query.subquery("o.id") + " where o.id = :missing", Map.of(), NAMES));
    }
}
