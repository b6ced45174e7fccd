package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A class entity with a composite key: a student and a course code. */
@Table(name = "class_enrollment")
public class Enrollment {

  @Id private final long studentId;
  @Id private final String courseCode;
  private final @Nullable Integer grade;

  public Enrollment(long studentId, String courseCode, @Nullable Integer grade) {
    this.studentId = studentId;
    this.courseCode = courseCode;
    this.grade = grade;
  }

  public long getStudentId() {
    return studentId;
  }

  public String getCourseCode() {
    return courseCode;
  }

  public @Nullable Integer getGrade() {
    return grade;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Enrollment e && studentId == e.studentId
        && courseCode.equals(e.courseCode) && Objects.equals(grade, e.grade);
  }

  @Override
  public int hashCode() {
    return Objects.hash(studentId, courseCode, grade);
  }

  @Override
  public String toString() {
    return "Enrollment[" + studentId + ", " + courseCode + ", " + grade + "]";
  }
}
