package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.it.model.TemporalSample;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Derived finders comparing an {@code Instant}, with nanoseconds, on every engine. */
@Dao(TemporalSample.class)
@AllowScan("a handful of samples")
public interface TemporalSamples {

  List<TemporalSample> findByInstantLessThan(Instant instant);

  List<TemporalSample> findByInstantLessThanEqual(Instant instant);

  List<TemporalSample> findByInstantGreaterThan(Instant instant);

  List<TemporalSample> findByInstantGreaterThanEqual(Instant instant);

  List<TemporalSample> findByInstant(Instant instant);

  List<TemporalSample> findByInstantNot(Instant instant);

  List<TemporalSample> findByInstantBetween(Instant from, Instant to);

  List<TemporalSample> findByInstantIn(Collection<Instant> instants);
}
