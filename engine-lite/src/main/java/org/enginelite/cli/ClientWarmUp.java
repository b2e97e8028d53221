package org.enginelite.cli;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/**
 * Initialises, on a second thread, what a CLI call needs once it has parsed its flags: the JDK's unix-domain socket
 * support and jackson-core. Opening the first unix socket initialises sun.nio.ch.UnixDomainSockets, which reads the
 * security configuration and seeds a SecureRandom; with the JsonFactory that is a large share of a short call's own
 * time, and none of it depends on the flags, so it overlaps with picocli building the command model on the main
 * thread. A daemon thread: it never holds the JVM open; a call that needs neither (help, bad usage) spends a
 * little CPU on it and no wall time.
 */
final class ClientWarmUp implements Runnable {

  ClientWarmUp() {}

  static void start() {
    Thread t = new Thread(new ClientWarmUp(), "engine-lite-warm-up");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      SocketChannel.open(StandardProtocolFamily.UNIX).close();
      try (JsonParser p = Json.factory().createParser(new byte[] {'[', ']'})) {
        while (p.nextToken() != null) {
          // Reading an empty array loads the parser's classes.
        }
      }
    } catch (IOException | RuntimeException e) {
      // Only a head start: the call opens its own socket and reports whatever goes wrong there.
    }
  }
}
