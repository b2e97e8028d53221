package org.enginelite.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code engine-lite --version}: the CLI's own version, from the jar manifest when there is one. */
public final class VersionProvider implements IVersionProvider {

  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"engine-lite version " + version() + ", API " + DaemonClient.API_VERSION};
  }
}
