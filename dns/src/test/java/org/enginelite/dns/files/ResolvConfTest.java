package org.enginelite.dns.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvConfTest {
  private static final ResolvConf HOST = ResolvConf.parse("""
      # generated
      nameserver 127.0.0.1
      nameserver 10.0.2.3
      search corp.example
      search lab.example example.com
      options edns0 trust-ad
      """);

  @Test
  void parse_keepsLastSearchLineAndAllOptions() {
    assertEquals(List.of("127.0.0.1", "10.0.2.3"), HOST.nameservers());
    assertEquals(List.of("lab.example", "example.com"), HOST.search());
    assertEquals(List.of("edns0", "trust-ad"), HOST.options());
  }

  @Test
  void renderForEmbeddedDns_onlyTheEmbeddedServerWithNdots0() {
    assertEquals("nameserver 127.0.0.11\nsearch lab.example example.com\noptions edns0 trust-ad ndots:0\n",
        HOST.renderForEmbeddedDns(ContainerDns.none()));
    assertEquals("nameserver 127.0.0.11\noptions ndots:3\n",
        HOST.renderForEmbeddedDns(new ContainerDns(List.of(), List.of("."), List.of("ndots:3"))));
  }

  @Test
  void renderForDefaultBridge_dropsLoopbackNameservers() {
    assertEquals("nameserver 10.0.2.3\nsearch lab.example example.com\noptions edns0 trust-ad\n",
        HOST.renderForDefaultBridge(ContainerDns.none()));
    assertEquals("nameserver 8.8.8.8\nnameserver 8.8.4.4\n",
        ResolvConf.parse("nameserver 127.0.0.53\n").renderForDefaultBridge(ContainerDns.none()));
    assertEquals("nameserver 1.1.1.1\nsearch x.test\noptions edns0 trust-ad\n",
        HOST.renderForDefaultBridge(new ContainerDns(List.of("1.1.1.1"), List.of("x.test"), List.of())));
  }

  @Test
  void host_onlySystemdStub_readsResolvedUpstreams(@TempDir Path dir) throws Exception {
    Path etc = Files.writeString(dir.resolve("etc"), "nameserver 127.0.0.53\noptions edns0\n");
    Path systemd = Files.writeString(dir.resolve("systemd"), "nameserver 192.0.2.53\nnameserver fe80::1%eth0\n");
    ResolvConf host = ResolvConf.host(etc, systemd);
    assertEquals(List.of("192.0.2.53", "fe80::1%eth0"), host.nameservers());
    assertEquals(2, host.upstreams().size());
    assertEquals(new InetSocketAddress("192.0.2.53", 53), host.upstreams().get(0));
    assertEquals(List.of("127.0.0.53"), ResolvConf.host(etc, dir.resolve("missing")).nameservers());
    Path both = Files.writeString(dir.resolve("both"), "nameserver 127.0.0.53\nnameserver 10.0.0.1\n");
    assertEquals(List.of("127.0.0.53", "10.0.0.1"), ResolvConf.host(both, systemd).nameservers());
  }

  @Test
  void upstreams_skipNamesThatAreNotAddresses() {
    assertEquals(List.of(new InetSocketAddress("10.0.0.1", 53)),
        ResolvConf.parse("nameserver dns.example\nnameserver 10.0.0.1\n").upstreams());
  }
}
