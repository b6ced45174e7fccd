package dev.kiln.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The chart of a run: per operation, one horizontal bar per contender, its length the contender's
 * throughput relative to hand-written JDBC done well (the dashed line at 1). Bars longer than the
 * axis (the entity cache) are cut, with their value written on them. Drawn with java.awt, headless.
 */
final class Chart {

  private static final int WIDTH = 1100;
  private static final int LABEL = 230;
  private static final int RIGHT = 70;
  private static final int BAR = 15;
  private static final int GAP = 3;
  private static final int GROUP_TITLE = 26;
  private static final int GROUP_GAP = 12;
  private static final int TOP = 88;
  private static final double AXIS = 1.5;

  private static final Map<String, Color> COLORS = Map.ofEntries(
      Map.entry("jdbc", new Color(0x44, 0x4f, 0x5a)),
      Map.entry("jdbc-join", new Color(0x74, 0x80, 0x8c)),
      Map.entry("jdbc-range", new Color(0x98, 0xa4, 0xb0)),
      Map.entry("jdbc-naive", new Color(0xbc, 0xc4, 0xcc)),
      Map.entry("jdbc-keys", new Color(0x5e, 0x6a, 0x76)),
      Map.entry("jdbc-pg", new Color(0x2c, 0x3e, 0x50)),
      Map.entry("kiln", new Color(0xe0, 0x5a, 0x1f)),
      Map.entry("kiln-bulk", new Color(0xe8, 0x7a, 0x45)),
      Map.entry("kiln-cached", new Color(0xf2, 0x9e, 0x6b)),
      Map.entry("kiln-querycache", new Color(0xf5, 0xb8, 0x8f)),
      Map.entry("kiln-nostats", new Color(0xc4, 0x4a, 0x14)),
      Map.entry("kiln-pg", new Color(0xa8, 0x3e, 0x12)),
      Map.entry("kiln-bulk-pg", new Color(0xc0, 0x60, 0x30)),
      Map.entry("hibernate", new Color(0x59, 0x8c, 0xc4)),
      Map.entry("jooq", new Color(0x6a, 0xa8, 0x6a)),
      Map.entry("jdbi", new Color(0x9a, 0x7c, 0xc0)),
      Map.entry("mybatis", new Color(0xc9, 0xa2, 0x27)));

  private Chart() {}

  static void write(Report report, Path file) throws IOException {
    int height = TOP + 30;
    for (Report.Operation op : Report.OPERATIONS) {
      int bars = report.contenders(op.benchmark()).size();
      if (bars > 0) {
        height += GROUP_TITLE + bars * (BAR + GAP) + GROUP_GAP;
      }
    }
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);

    Font title = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    Font group = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    g.setColor(Color.BLACK);
    g.setFont(title);
    g.drawString("Throughput relative to hand-written JDBC done well (higher is better)", 20, 30);
    g.setFont(plain);
    g.setColor(Color.DARK_GRAY);
    g.drawString("JMH, 1 fork, ops/s of each contender ÷ ops/s of JDBC done well on the same"
        + " operation and engine; N+1 ÷ JDBC's eager load", 20, 50);

    int x0 = LABEL;
    int plotWidth = WIDTH - LABEL - RIGHT;
    int axisTop = TOP - 10;
    int axisBottom = height - 30;
    // grid and the JDBC line
    g.setFont(plain);
    for (double tick = 0; tick <= AXIS + 1e-9; tick += 0.25) {
      int x = x0 + (int) Math.round(tick / AXIS * plotWidth);
      g.setColor(tick == 1.0 ? Color.BLACK : new Color(0xe4, 0xe4, 0xe4));
      g.setStroke(tick == 1.0 ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
          10f, new float[] {5f, 4f}, 0f) : new BasicStroke(1f));
      g.drawLine(x, axisTop, x, axisBottom);
      g.setColor(Color.DARK_GRAY);
      String label = tick == 1.0 ? "1 = JDBC" : String.format(java.util.Locale.ROOT, "%.2f", tick);
      g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, axisBottom + 16);
    }
    g.setStroke(new BasicStroke(1f));

    int y = TOP;
    for (Report.Operation op : Report.OPERATIONS) {
      List<String> names = report.contenders(op.benchmark());
      if (names.isEmpty()) {
        continue;
      }
      g.setFont(group);
      g.setColor(Color.BLACK);
      g.drawString(op.title(), 20, y + 16);
      y += GROUP_TITLE;
      g.setFont(plain);
      FontMetrics fm = g.getFontMetrics();
      for (String name : names) {
        double ratio = report.ratio(op, name);
        String label = Report.CONTENDERS.get(name);
        g.setColor(name.startsWith("kiln") ? Color.BLACK : Color.DARK_GRAY);
        g.setFont(name.startsWith("kiln") ? plain.deriveFont(Font.BOLD) : plain);
        g.drawString(label, x0 - 10 - g.getFontMetrics().stringWidth(label), y + BAR - 3);
        g.setFont(plain);
        int length = (int) Math.round(Math.min(ratio, AXIS) / AXIS * plotWidth);
        g.setColor(COLORS.getOrDefault(name, Color.GRAY));
        g.fillRect(x0, y, Math.max(length, 1), BAR);
        String value = Report.ratioText(ratio) + (ratio > AXIS ? "×, bar cut" : "");
        if (ratio > AXIS) {
          // a cut bar: a white notch near its end and the value written on it
          g.setColor(Color.WHITE);
          g.fillRect(x0 + length - 24, y, 4, BAR);
          g.fillRect(x0 + length - 16, y, 4, BAR);
          g.setColor(Color.BLACK);
          g.drawString(value, x0 + length - 32 - fm.stringWidth(value), y + BAR - 3);
        } else {
          g.setColor(Color.BLACK);
          g.drawString(value, x0 + length + 5, y + BAR - 3);
        }
        y += BAR + GAP;
      }
      y += GROUP_GAP;
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }
}
