package dev.kiln.processor.model;

/**
 * A validated relation with the SQL names it joins on, for the writers.
 *
 * @param relation the relation as written
 * @param owner the entity that declares it
 * @param target the related entity
 * @param kind {@code TO_ONE}, {@code TO_ONE_INVERSE}, {@code TO_MANY} or {@code MANY_TO_MANY},
 *     as in the runtime's {@code RelationInfo.Kind}
 * @param foreignKey the foreign-key property: on the owner for {@code TO_ONE}, on the target for
 *     {@code TO_ONE_INVERSE} and {@code TO_MANY}, on the junction (towards the owner) for
 *     {@code MANY_TO_MANY}
 * @param junction the junction entity, or null
 * @param junctionTargetKey the junction's foreign key towards the target, or null
 */
public record ResolvedRelation(
    RelationModel relation,
    EntityModel owner,
    EntityModel target,
    String kind,
    PropertyModel foreignKey,
    EntityModel junction,
    PropertyModel junctionTargetKey) {}
