package dev.kiln.it.fetchclasses;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;

/**
 * A class entity made through a constructor over its persisted properties; its relation is not
 * a constructor parameter, so it can only be set afterwards, through its setter.
 */
@Table(name = "fetch_classes_composer")
public class Composer {

  @Id private final long id;
  private final String name;
  @Relation(mappedBy = "composerId") private List<Piece> pieces;

  public Composer(long id, String name) {
    this.id = id;
    this.name = name;
  }

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<Piece> getPieces() {
    return pieces;
  }

  public void setPieces(List<Piece> pieces) {
    this.pieces = pieces;
  }
}
