package org.enginelite.dns.files;

import java.util.List;

/**
 * A container's own DNS settings: {@code --dns}, {@code --dns-search}, {@code --dns-option} (HostConfig
 * {@code Dns}, {@code DnsSearch}, {@code DnsOptions}). An empty list means "as on the host".
 *
 * @param servers nameservers
 * @param search search domains; {@code ["."]} means none at all, as in Docker
 * @param options resolver options ({@code ndots:2})
 */
public record ContainerDns(List<String> servers, List<String> search, List<String> options) {
  public ContainerDns {
    servers = servers == null ? List.of() : List.copyOf(servers);
    search = search == null ? List.of() : List.copyOf(search);
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** No settings of the container's own. */
  public static ContainerDns none() {
    return new ContainerDns(List.of(), List.of(), List.of());
  }
}
