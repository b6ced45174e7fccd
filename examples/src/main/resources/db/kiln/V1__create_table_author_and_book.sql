-- V1__create_table_author_and_book.sql
-- Written by Kiln's annotation processor: the changes that take the schema of an empty database to
-- the schema of the entities. Review it and commit it with the entity change. Until it has been
-- applied to a database you may delete it and build again; after that, never edit it (its checksum
-- is recorded) but write the next change in a new file. Kiln runs it in one transaction, with
-- foreign keys off, and runs PRAGMA foreign_key_check before it commits.

-- create table "author"
CREATE TABLE "author" (
  "id" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "joined_at" TEXT NOT NULL,
  "bio" TEXT,
  PRIMARY KEY ("id")
) STRICT;

CREATE UNIQUE INDEX "ux_author_email" ON "author" ("email");

-- create table "book"
CREATE TABLE "book" (
  "id" INTEGER NOT NULL,
  "author_id" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "price" TEXT NOT NULL,
  "published" TEXT NOT NULL,
  "version" INTEGER NOT NULL,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE
) STRICT;

CREATE INDEX "ix_book_author_id" ON "book" ("author_id");
