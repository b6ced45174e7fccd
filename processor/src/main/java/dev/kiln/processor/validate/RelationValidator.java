package dev.kiln.processor.validate;

import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.RelationModel;
import dev.kiln.processor.model.ResolvedRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every {@code @Relation} against the entities it names and resolves it to the foreign
 * keys it joins on: the target is an entity; {@code foreignKey} and {@code mappedBy} name a
 * {@code @ForeignKey} to the right entity; a junction has a foreign key to each side; a to-one's
 * nullability agrees with its foreign key. Warns, with the exact {@code @Index} to add, when a
 * foreign key a relation is loaded through has no index.
 */
public final class RelationValidator {

  private final Diagnostics diagnostics;

  public RelationValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Validates the relations of {@code owner}; returns those that resolved. */
  public List<ResolvedRelation> resolve(EntityModel owner, Map<String, EntityModel> byType) {
    List<ResolvedRelation> resolved = new ArrayList<>();
    for (RelationModel relation : owner.relations()) {
      EntityModel target = byType.get(relation.target().getQualifiedName().toString());
      if (target == null) {
        diagnostics.error(relation.element(), relation.annotation(), null,
            Code.RELATION_TARGET_NOT_ENTITY, relation.name(), relation.target().getSimpleName(),
            relation.target().getSimpleName());
        continue;
      }
      Optional<ResolvedRelation> one;
      if (!relation.foreignKey().isBlank()) {
        one = toOne(owner, relation, target);
      } else if (!relation.mappedBy().isBlank()) {
        one = mappedBy(owner, relation, target);
      } else {
        one = through(owner, relation, target, byType);
      }
      one.ifPresent(resolved::add);
    }
    return resolved;
  }

  private Optional<ResolvedRelation> toOne(
      EntityModel owner, RelationModel relation, EntityModel target) {
    Optional<PropertyModel> fk = foreignKeyTo(owner, relation.foreignKey(), target, relation,
        "this entity");
    if (fk.isEmpty()) {
      return Optional.empty();
    }
    // A target that marks deleted rows (@SoftDelete) may be absent whatever the key says.
    boolean mayBeAbsent = fk.get().nullable() || target.softDelete().isPresent();
    if (mayBeAbsent != relation.nullable()) {
      diagnostics.error(relation.element(), relation.annotation(), null,
          Code.RELATION_NULLABILITY, relation.foreignKey(), relation.name(), fk.get().nullable()
              ? "'" + relation.foreignKey() + "' is nullable, so the related " + target.simpleName()
                  + " may be absent: mark '" + relation.name() + "' @Nullable too"
              : mayBeAbsent ? target.simpleName() + " marks deleted rows (@SoftDelete), so the"
                  + " related one may be absent: mark '" + relation.name() + "' @Nullable"
              : "'" + relation.foreignKey() + "' is never null, so the related "
                  + target.simpleName() + " always exists: remove @Nullable from '"
                  + relation.name() + "'");
      return Optional.empty();
    }
    return Optional.of(new ResolvedRelation(relation, owner, target, "TO_ONE", fk.get(), null,
        null));
  }

  private Optional<ResolvedRelation> mappedBy(
      EntityModel owner, RelationModel relation, EntityModel target) {
    Optional<PropertyModel> fk = foreignKeyTo(target, relation.mappedBy(), owner, relation,
        target.simpleName());
    if (fk.isEmpty()) {
      return Optional.empty();
    }
    warnIfUnindexed(target, fk.get(), owner, relation);
    return Optional.of(new ResolvedRelation(relation, owner, target,
        relation.list() ? "TO_MANY" : "TO_ONE_INVERSE", fk.get(), null, null));
  }

  private Optional<ResolvedRelation> through(EntityModel owner, RelationModel relation,
      EntityModel target, Map<String, EntityModel> byType) {
    EntityModel junction = byType.get(relation.through().getQualifiedName().toString());
    if (junction == null) {
      diagnostics.error(relation.element(), relation.annotation(), null,
          Code.RELATION_TARGET_NOT_ENTITY, relation.name(), relation.through().getSimpleName(),
          relation.through().getSimpleName());
      return Optional.empty();
    }
    List<PropertyModel> toOwner = foreignKeysTo(junction, owner);
    List<PropertyModel> toTarget = foreignKeysTo(junction, target);
    if (toOwner.isEmpty() || toTarget.isEmpty()) {
      EntityModel missing = toOwner.isEmpty() ? owner : target;
      diagnostics.error(relation.element(), relation.annotation(), null,
          Code.JUNCTION_MISSING_FOREIGN_KEY, junction.simpleName(), relation.name(),
          junction.simpleName(), missing.simpleName(), missing.simpleName());
      return Optional.empty();
    }
    PropertyModel sourceKey = toOwner.get(0);
    // A self-referencing junction (a person's friends) has two keys to the same entity: the
    // first declared leads from the owner, the other to the target.
    PropertyModel targetKey = toTarget.stream().filter(p -> p != sourceKey).findFirst()
        .orElse(null);
    if (targetKey == null) {
      diagnostics.error(relation.element(), relation.annotation(), null,
          Code.JUNCTION_MISSING_FOREIGN_KEY, junction.simpleName(), relation.name(),
          junction.simpleName(), target.simpleName(), target.simpleName() + " (a second one)");
      return Optional.empty();
    }
    warnIfUnindexed(junction, sourceKey, owner, relation);
    return Optional.of(new ResolvedRelation(relation, owner, target, "MANY_TO_MANY", sourceKey,
        junction, targetKey));
  }

  /** The property {@code name} of {@code holder}, checked to be a {@code @ForeignKey(to)}. */
  private Optional<PropertyModel> foreignKeyTo(EntityModel holder, String name, EntityModel to,
      RelationModel relation, String where) {
    Optional<PropertyModel> property = holder.column(name);
    if (property.isEmpty()) {
      String guess = Spelling.closest(name,
          holder.columns().stream().map(PropertyModel::name).toList());
      diagnostics.error(relation.element(), relation.annotation(), null,
          Code.RELATION_BAD_PROPERTY, relation.name(), "'" + name + "' is not a persisted"
              + " property of " + holder.simpleName()
              + (guess == null ? "" : "; did you mean '" + guess + "'?"));
      return Optional.empty();
    }
    PropertyModel fk = property.get();
    if (fk.foreignKey() == null || !fk.foreignKey().target().getQualifiedName()
        .contentEquals(to.element().getQualifiedName())) {
      diagnostics.error(relation.element(), relation.annotation(), null,
          Code.RELATION_BAD_PROPERTY, relation.name(), holder.simpleName() + "." + name
              + " is not a foreign key to " + to.simpleName() + ": annotate it with @ForeignKey("
              + to.simpleName() + ".class)" + (where.equals("this entity") ? "" : " in "
              + holder.simpleName()));
      return Optional.empty();
    }
    return property;
  }

  private static List<PropertyModel> foreignKeysTo(EntityModel holder, EntityModel to) {
    return holder.columns().stream()
        .filter(p -> p.foreignKey() != null && p.foreignKey().target().getQualifiedName()
            .contentEquals(to.element().getQualifiedName()))
        .toList();
  }

  private void warnIfUnindexed(EntityModel holder, PropertyModel fk, EntityModel owner,
      RelationModel relation) {
    if (!holder.leadsAnIndex(fk)) {
      diagnostics.warning(relation.element(), Code.UNINDEXED_FOREIGN_KEY, holder.simpleName(),
          fk.name(), owner.simpleName(), relation.name(), holder.table(), fk.name(),
          holder.simpleName());
    }
  }
}
