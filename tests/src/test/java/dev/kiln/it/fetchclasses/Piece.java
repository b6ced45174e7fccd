package dev.kiln.it.fetchclasses;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;

/** A class entity made with its no-argument constructor and setters. */
@Table(name = "fetch_classes_piece")
@Index(columns = "composerId")
public class Piece {

  @Id private long id;
  @ForeignKey(Composer.class) private long composerId;
  private String title;
  @Relation(foreignKey = "composerId") private Composer composer;

  public Piece() {}

  /** A piece with its persisted properties set. */
  public static Piece of(long id, long composerId, String title) {
    Piece piece = new Piece();
    piece.id = id;
    piece.composerId = composerId;
    piece.title = title;
    return piece;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public long getComposerId() {
    return composerId;
  }

  public void setComposerId(long composerId) {
    this.composerId = composerId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Composer getComposer() {
    return composer;
  }

  public void setComposer(Composer composer) {
    this.composer = composer;
  }
}
