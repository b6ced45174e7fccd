package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.it.soft.Club;
import dev.kiln.it.soft.ClubRepository;
import dev.kiln.it.soft.Club_;
import dev.kiln.it.soft.Member;
import dev.kiln.it.soft.MemberRepository;
import dev.kiln.it.soft.Member_;
import dev.kiln.it.soft.Members;
import dev.kiln.it.soft.Members_Impl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @SoftDelete}: deletes mark rows — with the time, or a boolean — and everything Kiln
 * generates reads live rows only: finders, count and exists, typed queries (unless
 * {@code withDeleted()}), conditions through relations, fetch plans and derived queries.
 */
@Tag("engines")
class SoftDeleteTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00.000001Z");

  @TempDir Path dir;
  Database db;
  ClubRepository clubs;
  MemberRepository members;
  Club chess;
  Club go;
  Member ann;
  Member bo;

  @BeforeEach
  void open() {
    db = TestDatabase.open(TestDatabase.builder(dir).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .entityCache(100, Duration.ofMinutes(1)));
    clubs = new ClubRepository(db);
    members = new MemberRepository(db);
    chess = clubs.insert(Club.named("Chess"));
    go = clubs.insert(Club.named("Go"));
    ann = members.insert(Member.of(chess, "Ann"));
    bo = members.insert(Member.of(chess, "Bo"));
    members.insert(Member.of(go, "Cy"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aDeleteMarksTheRowWithTheTimeAndFindersNoLongerSeeIt() {
    assertEquals(ann, members.findById(ann.id()).orElseThrow()); // cached
    assertTrue(members.delete(ann));
    assertTrue(members.findById(ann.id()).isEmpty());
    assertFalse(members.existsById(ann.id()));
    assertEquals(2, members.count());
    assertEquals(List.of(bo.id()), members.findAllById(List.of(ann.id(), bo.id())).stream()
        .map(Member::id).toList());
    assertFalse(members.delete(ann), "already deleted");

    Member marked = members.query().withDeleted().where(Member_.NAME.eq("Ann")).first()
        .orElseThrow();
    assertEquals(NOW, marked.deletedAt());
    assertEquals(ann.version() + 1, marked.version());
    assertEquals(3, members.query().withDeleted().count());
  }

  @Test
  void aBooleanMarkAndTypedDeletesToo() {
    assertTrue(clubs.deleteById(go.id()));
    assertEquals(List.of("Chess"), clubs.findAll().stream().map(Club::name).toList());
    assertTrue(clubs.query().withDeleted().where(Club_.NAME.eq("Go")).first().orElseThrow()
        .closed());

    assertEquals(1, members.query().where(Member_.NAME.eq("Bo")).delete());
    assertEquals(List.of("Ann", "Cy"), members.query().orderBy(Member_.NAME.asc())
        .select(Member_.NAME).list());
    assertEquals(0, members.query().where(Member_.NAME.eq("Bo")).delete(), "already marked");
  }

  @Test
  void relationsAndFetchPlansSkipDeletedRows() {
    members.delete(bo);
    List<Club> withMembers = clubs.query().fetch(Club_.MEMBERS).orderBy(Club_.NAME.asc()).list();
    assertEquals(List.of("Ann"), withMembers.get(0).members().stream().map(Member::name)
        .toList());
    assertEquals(List.of("Chess"), clubs.query()
        .where(Club_.MEMBERS.any(Member_.NAME.eq("Ann"))).select(Club_.NAME).list());
    assertTrue(clubs.query().where(Club_.MEMBERS.any(Member_.NAME.eq("Bo"))).list().isEmpty(),
        "Bo is deleted");

    clubs.delete(go);
    Member cy = members.query().where(Member_.NAME.eq("Cy")).fetch(Member_.CLUB).first()
        .orElseThrow();
    assertNull(cy.club(), "a closed club reads as none");
    assertTrue(members.query().where(Member_.CLUB.any(Club_.NAME.eq("Go"))).list().isEmpty());
  }

  @Test
  void derivedQueriesSeeLiveRowsAndTheirDeletesMark() {
    Members dao = new Members_Impl(db);
    assertEquals(2, dao.countByClubId(chess.id()));
    assertEquals(1, dao.deleteByName("Ann"));
    assertEquals(List.of("Bo"), dao.findByClubIdOrderByName(chess.id()).stream()
        .map(Member::name).toList());
    assertEquals(1, dao.countByClubId(chess.id()));
    assertEquals(NOW, members.query().withDeleted().where(Member_.NAME.eq("Ann")).first()
        .orElseThrow().deletedAt());
    assertEquals(0, dao.deleteByName("Ann"));
  }
}
