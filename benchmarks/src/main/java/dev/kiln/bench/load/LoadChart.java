package dev.kiln.bench.load;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The load test's chart: for each client count, one horizontal bar per contender, its length
 * the throughput (all operations together) on a scale shared by the whole chart, with the p99 of
 * a find by key written beside it. Drawn with java.awt, headless.
 */
final class LoadChart {

  private static final int WIDTH = 1000;
  private static final int LABEL = 170;
  private static final int RIGHT = 250;
  private static final int BAR = 16;
  private static final int GAP = 4;
  private static final int GROUP = 30;

  private LoadChart() {}

  static void write(List<LoadTest.Result> results, Path file) throws IOException {
    List<Integer> clients = results.stream().map(LoadTest.Result::clients).distinct().toList();
    int height = 90 + clients.size() * GROUP + results.size() * (BAR + GAP) + 20;
    double max = results.stream().mapToDouble(LoadTest.Result::throughput).max().orElse(1);
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
    g.drawString("Load test: operations per second under the mixed workload (higher is better)",
        20, 30);
    g.setFont(plain);
    g.setColor(Color.DARK_GRAY);
    g.drawString("50% find by key, 20% pages, 10% fetch plans, 10% updates, 10% inserts in a"
        + " transaction; beside each bar: p99 of a find by key", 20, 50);
    int y = 80;
    int plot = WIDTH - LABEL - RIGHT;
    for (int n : clients) {
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.setColor(Color.BLACK);
      g.drawString(n + (n == 1 ? " client" : " clients"), 20, y + 18);
      y += GROUP;
      g.setFont(plain);
      for (LoadTest.Result r : results) {
        if (r.clients() != n) {
          continue;
        }
        boolean kiln = r.contender().startsWith("kiln");
        g.setColor(Color.BLACK);
        g.drawString(r.contender(), LABEL - 10 - g.getFontMetrics().stringWidth(r.contender()),
            y + BAR - 3);
        int length = (int) Math.round(r.throughput() / max * plot);
        g.setColor(kiln ? new Color(0xe0, 0x5a, 0x1f) : new Color(0x44, 0x4f, 0x5a));
        g.fillRect(LABEL, y, Math.max(1, length), BAR);
        g.setColor(Color.BLACK);
        double p99 = r.latencies().get(Operation.FIND).getValueAtPercentile(99) / 1e6;
        g.drawString(String.format(Locale.ROOT, "%,.0f ops/s · p99 %.2f ms%s", r.throughput(),
            p99, r.errors() == 0 ? "" : " · " + r.errors() + " errors"), LABEL + length + 6,
            y + BAR - 3);
        y += BAR + GAP;
      }
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }
}
