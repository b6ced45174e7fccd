package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kiln.Database;
import dev.kiln.internal.fetch.FetchPlan;
import dev.kiln.internal.fetch.FetchPlans;
import dev.kiln.it.fetchclasses.ComposerRepository;
import dev.kiln.it.fetchclasses.Composer_;
import dev.kiln.it.fetchclasses.PieceRepository;
import dev.kiln.it.fetchclasses.Piece_;
import dev.kiln.mapping.RelationInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fetch plan per shape: a query that fetches the same relations from the same root again
 * gets the plan laid out the first time, whatever lists it names them in.
 */
class FetchPlansTest {

  @TempDir Path dir;

  @Test
  void theSameShapeGetsTheSamePlanAndAnotherShapeItsOwn() {
    try (Database db = TestDatabase.open(dir)) {
      FetchPlans plans = db.engine().fetchPlans();
      FetchPlan pieces = plans.plan(ComposerRepository.MAPPING, paths(Composer_.PIECES.steps()));
      assertSame(pieces, plans.plan(ComposerRepository.MAPPING,
          paths(Composer_.PIECES.steps())), "new lists naming the same relations");
      assertNotSame(pieces, plans.plan(ComposerRepository.MAPPING, List.of()),
          "no relations is another shape");
      FetchPlan composer = plans.plan(PieceRepository.MAPPING, paths(Piece_.COMPOSER.steps()));
      assertNotSame(pieces, composer);
      assertSame(composer, plans.plan(PieceRepository.MAPPING, paths(Piece_.COMPOSER.steps())));
      assertNotSame(composer, plans.plan(PieceRepository.MAPPING,
          paths(Piece_.COMPOSER.steps(), Piece_.COMPOSER.steps())), "a path named twice");
    }
  }

  /** Each path in a new list, as a query makes them. */
  @SafeVarargs
  private static List<List<RelationInfo<?, ?>>> paths(List<RelationInfo<?, ?>>... steps) {
    List<List<RelationInfo<?, ?>>> paths = new ArrayList<>();
    for (List<RelationInfo<?, ?>> path : steps) {
      paths.add(new ArrayList<>(path));
    }
    return paths;
  }
}
