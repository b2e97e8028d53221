package org.enginelite.engine.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.mount.MountRequest;
import org.enginelite.mount.MountSpec;
import org.junit.jupiter.api.Test;

class MountRequestReaderTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void read_dockerCliRequest_everyMountField() throws Exception {
    ObjectNode req = (ObjectNode) json.readTree("""
        {"Image":"busybox","Volumes":{"/anon":{}},
         "HostConfig":{"Binds":["my-vol:/data:ro"],"Tmpfs":{"/t":"size=1m"},"VolumesFrom":["db:ro"],
          "Mounts":[{"Type":"tmpfs","Target":"/scratch","TmpfsOptions":{"SizeBytes":1048576,"Mode":1023}},
                    {"Type":"volume","Source":"v2","Target":"/v2","ReadOnly":true,
                     "VolumeOptions":{"NoCopy":true,"Labels":{"a":"b"},
                                      "DriverConfig":{"Name":"local","Options":{"type":"tmpfs"}}}},
                    {"Type":"bind","Source":"/srv","Target":"/srv","BindOptions":{"Propagation":"rshared"}}]}}
        """);
    MountRequest r = MountRequestReader.read(req, (ObjectNode) req.get("HostConfig"));
    assertEquals(List.of("my-vol:/data:ro"), r.binds());
    assertEquals(Map.of("/t", "size=1m"), r.tmpfs());
    assertEquals(List.of("db:ro"), r.volumesFrom());
    assertEquals(Set.of("/anon"), r.imageVolumes());
    assertEquals(new MountSpec("tmpfs", "", "/scratch", false, null, null, new MountSpec.TmpfsOptions(1 << 20, 01777)),
        r.mounts().get(0));
    assertEquals(new MountSpec("volume", "v2", "/v2", true, null,
        new MountSpec.VolumeOptions(true, Map.of("a", "b"), "local", Map.of("type", "tmpfs")), null),
        r.mounts().get(1));
    assertEquals("rshared", r.mounts().get(2).bind().propagation());
  }

  @Test
  void read_noMountFields_isEmpty() throws Exception {
    ObjectNode req = (ObjectNode) json.readTree("{\"Image\":\"busybox\"}");
    MountRequest r = MountRequestReader.read(req, json.createObjectNode());
    assertEquals(MountRequest.EMPTY, r);
  }

  @Test
  void read_bindsNotAnArray_is400() throws Exception {
    ObjectNode host = (ObjectNode) json.readTree("{\"Binds\":\"/a:/b\"}");
    assertThrows(InvalidParameterException.class, () -> MountRequestReader.read(json.createObjectNode(), host));
  }
}
