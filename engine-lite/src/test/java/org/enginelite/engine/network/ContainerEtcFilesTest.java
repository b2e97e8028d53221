package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerEtcFilesTest {
  private static final String HOST = "# generated\nsearch corp.example\nnameserver 127.0.0.1\nnameserver 10.0.0.2\n"
      + "options edns0\n";

  @Test
  void resolvConf_userDefinedNetwork_usesEmbeddedDnsWithNdots0() {
    assertEquals("search corp.example\nnameserver 127.0.0.11\noptions ndots:0 edns0\n",
        ContainerEtcFiles.resolvConf(true, HOST, List.of(), List.of(), List.of()));
  }

  @Test
  void resolvConf_defaultBridge_dropsLoopbackResolvers() {
    assertEquals("search corp.example\nnameserver 10.0.0.2\noptions edns0\n",
        ContainerEtcFiles.resolvConf(false, HOST, List.of(), List.of(), List.of()));
  }

  @Test
  void resolvConf_onlyLoopbackResolvers_fallsBackToDockersDefaults() {
    assertEquals("nameserver 8.8.8.8\nnameserver 8.8.4.4\n",
        ContainerEtcFiles.resolvConf(false, "nameserver 127.0.0.53\n", List.of(), List.of(), List.of()));
  }

  @Test
  void resolvConf_dnsOptionsFromHostConfig_replaceTheHosts() {
    assertEquals("search a.b\nnameserver 1.1.1.1\noptions rotate\n",
        ContainerEtcFiles.resolvConf(false, HOST, List.of("1.1.1.1"), List.of("a.b"), List.of("rotate")));
  }

  @Test
  void hosts_listsLocalhostExtraHostsAndOwnAddress() {
    String hosts = ContainerEtcFiles.hosts("web", List.of("172.18.0.3"), List.of("db.local:10.1.1.1"));
    assertTrue(hosts.startsWith("127.0.0.1\tlocalhost\n"), hosts);
    assertTrue(hosts.contains("10.1.1.1\tdb.local\n"), hosts);
    assertTrue(hosts.endsWith("172.18.0.3\tweb\n"), hosts);
  }
}
