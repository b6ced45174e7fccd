package dev.kiln.it.model;

import dev.kiln.annotations.Converter;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Stores a set of tags as one comma-separated text, sorted; reads back a mutable set. */
public class TagsConverter implements Converter<Set<String>, String> {

  @Override
  public String toSql(Set<String> value) {
    return new TreeSet<>(value).stream().collect(Collectors.joining(","));
  }

  @Override
  public Set<String> fromSql(String value) {
    Set<String> tags = new TreeSet<>();
    if (!value.isEmpty()) {
      tags.addAll(Arrays.asList(value.split(",")));
    }
    return tags;
  }
}
