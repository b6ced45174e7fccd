package dev.kiln.migrations.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a migration's content: SHA-256 over the text with a byte-order mark removed and
 * every line ending turned into {@code \n}. Line endings are the one difference that checking a
 * file out on another operating system introduces; everything else is an edit.
 */
public final class Checksum {

  private Checksum() {}

  /** The hexadecimal SHA-256 of the normalised {@code content}. */
  public static String of(String content) {
    String normalised = content.startsWith("\uFEFF") ? content.substring(1) : content;
    normalised = normalised.replace("\r\n", "\n").replace('\r', '\n');
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
