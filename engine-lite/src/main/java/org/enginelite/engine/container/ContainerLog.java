package org.enginelite.engine.container;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a container's log file: one line per output line, "O" or "E", the epoch second, a space, the text,
 * appended by the supervisor's two stamping processes in the order the lines were written.
 */
public final class ContainerLog {
  private ContainerLog() {}

  /** Parses one stored line; null for a torn or foreign line. */
  static LogLine parse(String line) {
    if (line.length() < 3 || (line.charAt(0) != 'O' && line.charAt(0) != 'E') || line.charAt(1) != ' ') {
      return null;
    }
    int sp = line.indexOf(' ', 2);
    if (sp < 0) {
      return null;
    }
    try {
      return new LogLine(line.charAt(0) == 'E', Long.parseLong(line.substring(2, sp)), line.substring(sp + 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Every complete line from byte {@code offset} on. */
  static List<LogLine> readFrom(Path log, long offset) throws IOException {
    List<LogLine> out = new ArrayList<>();
    Cursor c = new Cursor(log, offset);
    c.readAvailable(out::add);
    return out;
  }

  /** Reads complete lines as the file grows, remembering where it stopped. */
  public static final class Cursor {
    private final Path log;
    private long offset;

    public Cursor(Path log, long offset) {
      this.log = log;
      this.offset = offset;
    }

    /** Starts at the current end of the log: only output from now on. */
    public static Cursor atEnd(Path log) throws IOException {
      return new Cursor(log, Files.exists(log) ? Files.size(log) : 0);
    }

    /** Hands every complete new line to {@code sink}; returns how many. */
    public int readAvailable(java.util.function.Consumer<LogLine> sink) throws IOException {
      if (!Files.exists(log)) {
        return 0;
      }
      int n = 0;
      try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
        long length = f.length();
        if (length <= offset) {
          return 0;
        }
        byte[] buf = new byte[(int) Math.min(length - offset, 1 << 20)];
        f.seek(offset);
        f.readFully(buf);
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
          if (buf[i] == '\n') {
            LogLine l = parse(new String(buf, start, i - start, StandardCharsets.UTF_8));
            if (l != null) {
              sink.accept(l);
              n++;
            }
            start = i + 1;
          }
        }
        offset += start;
      }
      return n;
    }
  }
}
