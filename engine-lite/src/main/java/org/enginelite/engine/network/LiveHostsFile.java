package org.enginelite.engine.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.enginelite.dns.files.ContainerFiles;
import org.enginelite.dns.files.HostsFile;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.ipam.Ipv4Address;

/**
 * A running container's /etc/hosts through live connects and disconnects: as Docker does, a connect adds the
 * container's address on the new network with its hostname; a disconnect takes that address's line out again.
 * The file is bind-mounted into the container, so it is rewritten in place.
 *
 * @param file the container's hosts file (its HostsPath)
 * @param hostname the container's hostname
 * @param domainname its domain name, empty for none
 */
public record LiveHostsFile(Path file, String hostname, String domainname) {

  /** Adds the line for {@code endpoint}'s address; a file not written yet (never started) is left alone. */
  public void connected(EndpointRecord endpoint) {
    if (endpoint.ip().isEmpty()) {
      return;
    }
    Ipv4Address ip = Ipv4Address.parse(endpoint.ip());
    read().ifPresent(content -> rewrite(content,
        HostsFile.withAddress(content, hostname, Optional.of(domainname), ip)));
  }

  /** Removes the lines for {@code endpoint}'s address. */
  public void disconnected(EndpointRecord endpoint) {
    if (endpoint.ip().isEmpty()) {
      return;
    }
    Ipv4Address ip = Ipv4Address.parse(endpoint.ip());
    read().ifPresent(content -> rewrite(content, HostsFile.withoutAddress(content, ip)));
  }

  private Optional<String> read() {
    try {
      return Optional.of(Files.readString(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new InternalException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void rewrite(String before, String after) {
    if (!after.equals(before)) {
      ContainerFiles.rewriteInPlace(file, after);
    }
  }
}
