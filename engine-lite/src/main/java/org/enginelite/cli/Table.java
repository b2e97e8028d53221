package org.enginelite.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns as the docker CLI prints them: Go's text/tabwriter with minwidth 10, padding 3, spaces. Every column
 * but the last is as wide as its widest cell plus 3 (at least 10); the last is not padded.
 */
public final class Table {

  private static final int MIN_WIDTH = 10;
  private static final int PADDING = 3;

  private final List<String[]> rows = new ArrayList<>();

  public Table(String... header) {
    rows.add(header);
  }

  public Table row(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header " + rows.get(0).length);
    }
    rows.add(cells.clone());
    return this;
  }

  public String render() {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns - 1; i++) {
        width[i] = Math.max(width[i], Math.max(MIN_WIDTH, row[i].codePointCount(0, row[i].length()) + PADDING));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        sb.append(row[i]);
        if (i < columns - 1) {
          sb.append(" ".repeat(width[i] - row[i].codePointCount(0, row[i].length())));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public void print(PrintStream out) {
    out.print(render());
    out.flush();
  }
}
