package org.enginelite.volume.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.enginelite.driver.state.StateStore;
import org.enginelite.driver.volume.VolumeNames;

/**
 * Settles what a crash left between a folder rename and the commit of its record. Rules, in the order they run:
 * an unfinished create ({@code .creating-*}) never committed, so it goes; an unfinished remove
 * ({@code .removing-NAME}) goes back to NAME if the record is still there, else it finishes; a folder without a
 * record is removed when its data is empty and adopted otherwise (data is never thrown away); a record whose
 * folder is missing gets an empty folder back.
 */
final class LocalVolumeRecovery {
  private static final Logger LOG = Logger.getLogger(LocalVolumeRecovery.class.getName());

  private final VolumeDirectories dirs;
  private final StateStore store;
  private final Clock clock;

  LocalVolumeRecovery(VolumeDirectories dirs, StateStore store, Clock clock) {
    this.dirs = dirs;
    this.store = store;
    this.clock = clock;
  }

  void run() {
    store.transact(() -> {
      Map<String, LocalVolumeRecord> records = store.list(LocalVolumeRecord.BUCKET, LocalVolumeRecord.class);
      for (String entry : dirs.entries()) {
        if (entry.startsWith(VolumeDirectories.CREATING)) {
          dirs.deleteTree(dirs.root().resolve(entry));
        } else if (entry.startsWith(VolumeDirectories.REMOVING)) {
          String name = entry.substring(VolumeDirectories.REMOVING.length());
          if (records.containsKey(name)) {
            dirs.restoreFromTrash(name);
          } else {
            dirs.emptyTrash(name);
          }
        } else if (VolumeNames.isValid(entry) && !records.containsKey(entry)) {
          settleOrphan(entry);
        }
      }
      records.keySet().forEach(dirs::ensure);
    });
  }

  private void settleOrphan(String name) {
    Path data = dirs.data(name);
    if (!Files.isDirectory(data)) {
      return; // not a volume folder of ours
    }
    if (dirs.isEmpty(data)) {
      dirs.deleteTree(dirs.volume(name));
      return;
    }
    LOG.warning("volume folder " + dirs.volume(name) + " had no record; adopting it as volume " + name);
    store.put(LocalVolumeRecord.BUCKET, name, new LocalVolumeRecord(name, clock.millis(), Map.of(), Map.of(),
        VolumeNames.looksAnonymous(name), Set.of()));
  }
}
