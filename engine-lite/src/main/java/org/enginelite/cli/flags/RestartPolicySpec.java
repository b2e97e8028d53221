package org.enginelite.cli.flags;

import org.enginelite.cli.CliException;
import org.enginelite.cli.api.ContainerCreateJson.RestartPolicyJson;

/**
 * {@code --restart no|always|unless-stopped|on-failure[:N]} as the docker CLI's opts.ParseRestartPolicy; a name it
 * does not know goes to the daemon, which names the valid ones.
 */
public final class RestartPolicySpec {

  private RestartPolicySpec() {}

  public static RestartPolicyJson parse(String value) {
    if (value == null || value.isEmpty()) {
      return new RestartPolicyJson("no", 0);
    }
    int colon = value.indexOf(':');
    String name = colon < 0 ? value : value.substring(0, colon);
    if (colon < 0) {
      return new RestartPolicyJson(name, 0);
    }
    if (!name.equals("on-failure")) {
      throw new CliException("invalid restart policy format: maximum retry count cannot be used with restart"
          + " policy '" + name + "'");
    }
    try {
      return new RestartPolicyJson(name, Integer.parseInt(value.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new CliException("invalid restart policy format: maximum retry count must be an integer");
    }
  }
}
