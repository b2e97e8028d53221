package org.enginelite.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** network.EndpointSettings as run --network and network connect send it: static address and aliases. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointSettingsJson(
    @JsonProperty("IPAMConfig") IpamConfig ipamConfig,
    @JsonProperty("Aliases") List<String> aliases) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IpamConfig(@JsonProperty("IPv4Address") String ipv4Address) {}

  public static EndpointSettingsJson of(String ip, List<String> aliases) {
    return new EndpointSettingsJson(ip == null || ip.isEmpty() ? null : new IpamConfig(ip),
        aliases == null || aliases.isEmpty() ? null : List.copyOf(aliases));
  }
}
