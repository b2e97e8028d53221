package org.enginelite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.enginelite.cli.flags.MountSpec;
import org.enginelite.cli.flags.PortSpecs;
import org.enginelite.cli.flags.RestartPolicySpec;
import org.junit.jupiter.api.Test;

class FlagParsersTest {

  @Test
  void portSpecs_hostRangeOneContainerPort_keepsTheRangeForTheDaemon() throws Exception {
    PortSpecs.Parsed p = PortSpecs.parse(List.of("8000-8010:80", "[::1]:53:53/udp", "443"));
    assertEquals("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8000-8010\"}],"
        + "\"53/udp\":[{\"HostIp\":\"::1\",\"HostPort\":\"53\"}],\"443/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}]}",
        Json.mapper().writeValueAsString(p.bindings()));
  }

  @Test
  void portSpecs_badInput_dockersMessages() {
    assertEquals("invalid proto: icmp", assertThrows(CliException.class,
        () -> PortSpecs.parse(List.of("80/icmp"))).getMessage());
    assertEquals("invalid containerPort: x", assertThrows(CliException.class,
        () -> PortSpecs.parse(List.of("8080:x"))).getMessage());
    assertEquals("invalid ranges specified for container and host Ports: 80-82 and 8000-8001",
        assertThrows(CliException.class, () -> PortSpecs.parse(List.of("8000-8001:80-82"))).getMessage());
  }

  @Test
  void mountSpec_bindWithPropagationAndVolumeWithOptions() throws Exception {
    assertEquals("{\"Type\":\"bind\",\"Source\":\"/srv\",\"Target\":\"/data\",\"ReadOnly\":true,"
        + "\"BindOptions\":{\"Propagation\":\"rshared\"}}", Json.mapper().writeValueAsString(
            MountSpec.parse("type=bind,src=/srv,dst=/data,readonly,bind-propagation=rshared")));
    assertEquals("{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/d\",\"VolumeOptions\":{\"NoCopy\":true,"
        + "\"DriverConfig\":{\"Options\":{\"type\":\"tmpfs\"}}}}", Json.mapper().writeValueAsString(
            MountSpec.parse("source=v,target=/d,volume-nocopy,volume-opt=type=tmpfs")));
  }

  @Test
  void mountSpec_badInput_oneLineEach() {
    assertEquals("invalid argument \"type=bind,src=/a\" for \"--mount\" flag: target is required",
        assertThrows(CliException.class, () -> MountSpec.parse("type=bind,src=/a")).getMessage());
    assertEquals("unexpected key 'color' in 'color=red'",
        assertThrows(CliException.class, () -> MountSpec.parse("target=/a,color=red")).getMessage());
    assertEquals("invalid argument \"type=nfs,target=/a\" for \"--mount\" flag: unknown mount type \"nfs\"",
        assertThrows(CliException.class, () -> MountSpec.parse("type=nfs,target=/a")).getMessage());
  }

  @Test
  void restartPolicy_countOnlyWithOnFailure() {
    assertEquals("on-failure", RestartPolicySpec.parse("on-failure:3").name());
    assertEquals(3, RestartPolicySpec.parse("on-failure:3").maximumRetryCount());
    assertThrows(CliException.class, () -> RestartPolicySpec.parse("always:2"));
    assertThrows(CliException.class, () -> RestartPolicySpec.parse("on-failure:x"));
  }

  @Test
  void table_lastColumnUnpadded_othersAtLeastTen() {
    assertEquals("DRIVER    VOLUME NAME\nlocal     a-very-long-volume-name\n",
        new Table("DRIVER", "VOLUME NAME").row("local", "a-very-long-volume-name").render());
  }

  @Test
  void format_sizesAndIds_asDocker() {
    assertEquals("4.86MB", Format.humanSize(4_858_000));
    assertEquals("0B", Format.humanSize(0));
    assertEquals("999kB", Format.humanSize(999_000));
    assertEquals("4f3c2b1a0987", Format.shortId("sha256:4f3c2b1a09876543"));
    assertEquals("httpd -f -p 80 -h /…", Format.ellipsis("httpd -f -p 80 -h /www", 20));
  }
}
