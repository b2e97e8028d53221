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
 * appended by the supervisor's two stamping processes in the order the lines were written. A container with a
 * TTY has one output stream and no line structure (a prompt has no newline), so its log holds the terminal's
 * raw bytes instead, read with {@link RawCursor}.
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

  /** The last {@code n} lines of raw terminal output (a final unterminated line counts as one). */
  static byte[] lastLines(byte[] raw, int n) {
    int end = raw.length;
    if (end > 0 && raw[end - 1] == '\n') {
      end--; // the newline that ends the last line does not start another
    }
    int start = end;
    for (int seen = 0; start > 0; start--) {
      if (raw[start - 1] == '\n' && ++seen == n) {
        break;
      }
    }
    return n == 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, start, raw.length);
  }

  /** Reads a raw log's new bytes as the file grows, remembering where it stopped. */
  static final class RawCursor {
    private final Path log;
    private long offset;

    RawCursor(Path log, long offset) {
      this.log = log;
      this.offset = offset;
    }

    static RawCursor atEnd(Path log) throws IOException {
      return new RawCursor(log, Files.exists(log) ? Files.size(log) : 0);
    }

    /** The bytes appended since the last call, at most 1 MiB at a time; empty when there are none. */
    byte[] read() throws IOException {
      if (!Files.exists(log)) {
        return new byte[0];
      }
      try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
        long length = f.length();
        if (length <= offset) {
          return new byte[0];
        }
        byte[] buf = new byte[(int) Math.min(length - offset, 1 << 20)];
        f.seek(offset);
        f.readFully(buf);
        offset += buf.length;
        return buf;
      }
    }

    /** Every byte up to the current end of the file. */
    byte[] readAll() throws IOException {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (byte[] b = read(); b.length > 0; b = read()) {
        out.write(b);
      }
      return out.toByteArray();
    }
  }
}
