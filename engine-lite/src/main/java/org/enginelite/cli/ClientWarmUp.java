package org.enginelite.cli;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Initialises, on a second thread, what a CLI call needs once it has parsed its flags: the JDK's unix-domain socket
 * support and jackson-core. Opening the first unix socket initialises sun.nio.ch.UnixDomainSockets, which seeds a
 * SecureRandom (reading the security configuration and loading the SUN provider); with the JsonFactory that is a
 * large share of a short call's own time, and none of it depends on the flags, so it overlaps with picocli building
 * the command model on the main thread. The SecureRandom comes first: it links no lambdas, while the socket's
 * SelectorProvider and picocli's patterns both do. In this order the main thread sets up the JDK's lambda machinery
 * once while this thread loads the security providers, rather than both threads spinning the same lambda forms at
 * the same moment and the socket waiting for both. A daemon thread: it never holds the JVM open; a call that needs
 * none of it (help, bad usage) spends a little CPU on it and no wall time.
 */
final class ClientWarmUp implements Runnable {

  /** The algorithm JDK 17's UnixDomainSockets asks SecureRandom for when it initialises. */
  private static final String UNIX_SOCKETS_PRNG = "NativePRNGNonBlocking";

  ClientWarmUp() {}

  static void start() {
    Thread t = new Thread(new ClientWarmUp(), "engine-lite-warm-up");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      SecureRandom.getInstance(UNIX_SOCKETS_PRNG);
    } catch (GeneralSecurityException e) {
      // The JDK then falls back to a default SecureRandom, which opening the socket below initialises.
    }
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
