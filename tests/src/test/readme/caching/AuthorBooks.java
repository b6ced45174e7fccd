package readme.caching;

/** A row of {@link Shop#bookCounts}. */
record AuthorBooks(String name, long books) {}
