package org.minsheng.region;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.editing.CodedWriter;
import org.minsheng.graphql.InvalidFieldException;
import org.minsheng.persistence.Queries;
import org.minsheng.vocabulary.Codes;

/**
 * Writes regions through the API (admins): a new division, with its place in the tree by the
 * rules of the bundle, or a fixed or English name. A region is never deleted or moved through the
 * API; the bundle does that.
 */
@ApplicationScoped
public class RegionWriter extends CodedWriter<RegionEntity, RegionState> {

    public RegionWriter() {
        super(Region.TYPE, RegionEntity.class, RegionState.class, RegionState::of, RegionEntity::new, RegionState::applyTo);
    }

    @Override
    protected void check(RegionState state, RegionState before) {
        if (before != null) {
            return;
        }
        String code = state.code();
        if (!Codes.REGION.matcher(code).matches()) {
            throw new InvalidFieldException("input.code", "\"" + code + "\" is not " + Codes.REGION_FORM);
        }
        if (state.level() != Codes.levelOf(code)) {
            throw new InvalidFieldException("input.level", "the code " + code + " is that of a " + Codes.levelOf(code));
        }
        if (state.level() == RegionLevel.PROVINCE) {
            if (state.parentCode() != null) {
                throw new InvalidFieldException("input.parentCode", "a province has no parent");
            }
            return;
        }
        RegionEntity parent = state.parentCode() == null ? null : RegionEntity.findById(state.parentCode());
        if (parent == null) {
            throw new InvalidFieldException("input.parentCode", "there is no region \""
                    + (state.parentCode() == null ? "" : state.parentCode()) + "\"");
        }
        if (parent.level.ordinal() != state.level().ordinal() - 1) {
            throw new InvalidFieldException("input.parentCode", "a " + state.level() + " cannot be under "
                    + parent.code + ", a " + parent.level);
        }
        if (!Codes.extendsCode(code, parent.code, parent.level)) {
            throw new InvalidFieldException("input.code", code + " does not extend its parent's code " + parent.code);
        }
    }

    /** A new region's rows in the closure of the tree: itself, and each ancestor of its parent. */
    @Override
    protected void written(RegionState state, RegionEntity entity) {
        if (RegionAncestorEntity.count("regionCode", entity.code) > 0) {
            return;
        }
        ancestor(entity.code, entity.code, 0);
        if (entity.parentCode != null) {
            Queries.em().createQuery("from RegionAncestorEntity a where a.regionCode = :p", RegionAncestorEntity.class)
                    .setParameter("p", entity.parentCode).getResultList()
                    .forEach(a -> ancestor(entity.code, a.ancestorCode, a.distance + 1));
        }
    }

    private static void ancestor(String region, String ancestor, int distance) {
        RegionAncestorEntity row = new RegionAncestorEntity();
        row.regionCode = region;
        row.ancestorCode = ancestor;
        row.distance = (short) distance;
        row.persist();
    }
}
