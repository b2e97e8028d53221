package org.enginelite.net.bridge.iptables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.kernel.KernelNames;

/**
 * Owns the driver's iptables state. Every rule carries a tag ({@code -m comment --comment el:net:<id12>}); a call
 * names the tags whose rules it replaces and the rules to add, and everything happens in one iptables-restore:
 * chains and jumps are created on first use and removed with the last tagged rule.
 *
 * <p>The ruleset last read or written is kept in memory, so every change costs one iptables-restore and no
 * iptables-save: only the first change after start (or after {@link #refresh()}) reads the ruleset. A restore
 * that fails against the kept copy (someone else removed a rule it deletes) is retried once against a fresh
 * iptables-save. Network-level changes ({@link #replaceRaisingJumps}) also delete and re-insert the jump from
 * the built-in FORWARD chain in the same restore, so it is first again even when another manager (a restarted
 * dockerd) inserted rules before it since the copy was read.
 */
public final class Firewall {
  private static final Pattern TAG = Pattern.compile("--comment \"?(el:[^\" ]+)\"?");
  private final Iptables iptables;
  /** Held from the start of a change until it is awaited, so changes apply one after the other. */
  private final ReentrantLock lock = new ReentrantLock();
  private Snapshot snapshot;

  public Firewall(Iptables iptables) {
    this.iptables = iptables;
  }

  /** Replaces the rules tagged {@code tag} with {@code rules} (all tagged {@code tag}); idempotent. */
  public void replace(String tag, List<Rule> rules) {
    start(tag::equals, tag, rules, false).await();
  }

  /** As {@link #replace}, and puts the jumps that must come first in built-in chains back on top. */
  public void replaceRaisingJumps(String tag, List<Rule> rules) {
    startReplaceRaisingJumps(tag, rules).await();
  }

  /**
   * Starts {@link #replaceRaisingJumps}: iptables-restore runs as a child process while the caller goes on, and
   * {@link Change#await()} (which must be called) ends the change. Other changes wait for it meanwhile.
   */
  public Change startReplaceRaisingJumps(String tag, List<Rule> rules) {
    return start(tag::equals, tag, rules, true);
  }

  /** Removes every rule tagged {@code tag}; a tag without rules is fine. */
  public void remove(String tag) {
    startRemove(tag).await();
  }

  /** Starts {@link #remove}, as {@link #startReplaceRaisingJumps} does. */
  public Change startRemove(String tag) {
    return start(tag::equals, tag, List.of(), false);
  }

  /** Removes the rules whose tag fails {@code keep} (recovery after a crash); jumps and chains go when unused. */
  public void retainTags(Predicate<String> keep) {
    lock.lock();
    try {
      refresh();
      start(t -> !keep.test(t), null, List.of(), false).await();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets the ruleset kept in memory; the next change starts from iptables-save. */
  public void refresh() {
    lock.lock();
    try {
      snapshot = null;
    } finally {
      lock.unlock();
    }
  }

  /** Tags of the driver's rules currently installed. */
  public Set<String> tags() {
    lock.lock();
    try {
      Set<String> tags = new LinkedHashSet<>();
      for (SavedRule r : SavedRule.parse(iptables.save())) {
        if (r.tag != null && !r.tag.equals(Chains.BASE_TAG)) {
          tags.add(r.tag);
        }
      }
      return tags;
    } finally {
      lock.unlock();
    }
  }

  /** A change under way: its iptables-restore runs until {@link #await()}, which ends it. */
  public interface Change {
    /** Waits for the change to be in place; its failure is thrown here. */
    void await();
  }

  /**
   * Computes the restore input from the kept ruleset and starts it, holding the lock until the change is awaited.
   * A kept copy may be stale (someone else changed the rules): when a restore from it fails, the change is made
   * once more, synchronously, from what is really there.
   */
  private Change start(Predicate<String> removeTag, String addTag, List<Rule> add, boolean raise) {
    lock.lock();
    try {
      boolean fromKeptCopy = snapshot != null;
      if (snapshot == null) {
        snapshot = Snapshot.of(iptables.save());
      }
      // Removing one tag that has no rules (an endpoint without published ports) changes nothing.
      String input = addTag != null && add.isEmpty() && !raise && snapshot.rules.stream().noneMatch(r -> r.tag != null
          && !r.tag.equals(Chains.BASE_TAG) && removeTag.test(r.tag)) ? ""
          : restoreInput(snapshot, removeTag, addTag, add, raise);
      if (input.isEmpty()) {
        lock.unlock();
        return () -> { };
      }
      Iptables.Restore restore = iptables.startRestore(input);
      return new Change() {
        private boolean awaited;

        @Override
        public void await() {
          if (awaited) {
            return;
          }
          awaited = true;
          try {
            restore.await();
            snapshot.apply(input);
          } catch (RuntimeException e) {
            snapshot = null;
            if (!fromKeptCopy) {
              throw e;
            }
            start(removeTag, addTag, add, raise).await();
          } finally {
            lock.unlock();
          }
        }
      };
    } catch (RuntimeException | Error e) {
      snapshot = null;
      lock.unlock();
      throw e;
    }
  }

  private static String restoreInput(Snapshot current, Predicate<String> removeTag, String addTag, List<Rule> add,
      boolean raise) {
    Map<String, StringBuilder> byTable = new LinkedHashMap<>();
    byTable.put("filter", new StringBuilder());
    byTable.put("nat", new StringBuilder());
    int remaining = add.size();
    for (SavedRule r : current.rules) {
      if (r.tag == null || r.tag.equals(Chains.BASE_TAG)) {
        continue;
      }
      if (removeTag.test(r.tag)) {
        byTable.get(r.table).append("-D ").append(r.chainAndSpec).append('\n');
      } else {
        remaining++;
      }
    }
    if (remaining == 0) {
      tearDown(current.rules, current.chains, byTable);
    } else {
      setUp(current.rules, current.chains, byTable, raise);
      for (Rule rule : add) {
        byTable.get(rule.table()).append("-A ").append(rule.chain()).append(' ').append(rule.spec())
            .append(" -m comment --comment ").append(addTag).append('\n');
      }
    }
    StringBuilder input = new StringBuilder();
    for (var e : byTable.entrySet()) {
      if (e.getValue().length() > 0) {
        input.append('*').append(e.getKey()).append('\n').append(e.getValue()).append("COMMIT\n");
      }
    }
    return input.toString();
  }

  /** The filter and nat rules and chains, as read from iptables-save and then changed by our own restores. */
  static final class Snapshot {
    final List<SavedRule> rules;
    final Set<String> chains;

    private Snapshot(List<SavedRule> rules, Set<String> chains) {
      this.rules = rules;
      this.chains = chains;
    }

    static Snapshot of(String save) {
      return new Snapshot(new ArrayList<>(SavedRule.parse(save)), SavedRule.chains(save));
    }

    /** Replays a restore input we generated (":" declarations, -A, -I n, -D, -F, -X) on this copy. */
    void apply(String input) {
      String table = null;
      for (String line : input.split("\n")) {
        if (line.startsWith("*")) {
          table = line.substring(1);
        } else if (line.startsWith(":")) {
          chains.add(table + "/" + line.substring(1, line.indexOf(' ')));
        } else if (line.startsWith("-A ")) {
          rules.add(new SavedRule(table, line.substring(3)));
        } else if (line.startsWith("-I ")) {
          String[] f = line.substring(3).split(" ", 3); // chain, position 1, spec
          rules.add(0, new SavedRule(table, f[0] + " " + f[2]));
        } else if (line.startsWith("-D ")) {
          String chainAndSpec = line.substring(3);
          String t = table;
          rules.stream().filter(r -> r.table.equals(t) && r.chainAndSpec.equals(chainAndSpec)).findFirst()
              .ifPresent(rules::remove);
        } else if (line.startsWith("-F ")) {
          String chain = line.substring(3);
          String t = table;
          rules.removeIf(r -> r.table.equals(t) && r.chain.equals(chain));
        } else if (line.startsWith("-X ")) {
          chains.remove(table + "/" + line.substring(3));
        }
      }
    }
  }

  /**
   * Declares missing chains (declaring an existing one would flush it, even with --noflush) and adds jumps;
   * {@code raise}: re-inserts our first-position jumps in built-in chains even when the copy says they are first.
   */
  private static void setUp(List<SavedRule> existing, Set<String> present, Map<String, StringBuilder> out,
      boolean raise) {
    Map<String, StringBuilder> declarations = new LinkedHashMap<>();
    for (Chains.Chain c : Chains.CHAINS) {
      if (!present.contains(c.table() + "/" + c.name())) {
        declarations.computeIfAbsent(c.table(), t -> new StringBuilder())
            .append(':').append(c.name()).append(" - [0:0]\n");
      }
    }
    for (Chains.Jump j : Chains.JUMPS) {
      List<SavedRule> inChain = existing.stream()
          .filter(r -> r.table.equals(j.table()) && r.chain.equals(j.from())).toList();
      SavedRule ours = inChain.stream()
          .filter(r -> Chains.BASE_TAG.equals(r.tag) && r.chainAndSpec.endsWith("-j " + j.target()))
          .findFirst().orElse(null);
      String spec = (j.match().isEmpty() ? "" : j.match() + " ") + "-m comment --comment " + Chains.BASE_TAG
          + " -j " + j.target();
      if (ours == null) {
        out.get(j.table()).append(j.first() ? "-I " + j.from() + " 1 " : "-A " + j.from() + " ").append(spec)
            .append('\n');
      } else if (j.first() && (inChain.get(0) != ours || raise && !KernelNames.isOurChain(j.from()))) {
        // Another manager (a restarted dockerd) inserted its rules before ours: move our jump back to the top.
        out.get(j.table()).append("-D ").append(ours.chainAndSpec).append('\n')
            .append("-I ").append(j.from()).append(" 1 ").append(spec).append('\n');
      }
    }
    for (var e : declarations.entrySet()) {
      out.get(e.getKey()).insert(0, e.getValue());
    }
  }

  /** Nothing of ours is left: remove the jumps, then flush and delete the chains. */
  private static void tearDown(List<SavedRule> existing, Set<String> present, Map<String, StringBuilder> out) {
    for (SavedRule r : existing) {
      if (Chains.BASE_TAG.equals(r.tag) && !KernelNames.isOurChain(r.chain)) {
        out.get(r.table).append("-D ").append(r.chainAndSpec).append('\n');
      }
    }
    for (Chains.Chain c : Chains.CHAINS) {
      if (present.contains(c.table() + "/" + c.name())) {
        out.get(c.table()).append("-F ").append(c.name()).append('\n');
      }
    }
    for (Chains.Chain c : Chains.CHAINS) {
      if (present.contains(c.table() + "/" + c.name())) {
        out.get(c.table()).append("-X ").append(c.name()).append('\n');
      }
    }
  }

  /** A rule line of iptables-save output in a table we manage. */
  static final class SavedRule {
    final String table;
    final String chain;
    final String chainAndSpec;
    final String tag;

    SavedRule(String table, String chainAndSpec) {
      this.table = table;
      this.chainAndSpec = chainAndSpec;
      this.chain = chainAndSpec.substring(0, chainAndSpec.indexOf(' '));
      Matcher m = TAG.matcher(chainAndSpec);
      this.tag = m.find() ? m.group(1) : null;
    }

    static List<SavedRule> parse(String save) {
      List<SavedRule> out = new ArrayList<>();
      String table = null;
      for (String line : save.split("\n")) {
        if (line.startsWith("*")) {
          table = line.substring(1).trim();
        } else if (line.startsWith("-A ") && ("filter".equals(table) || "nat".equals(table))) {
          out.add(new SavedRule(table, line.substring(3)));
        }
      }
      return out;
    }

    /** "table/chain" of every chain declared in the save output. */
    static Set<String> chains(String save) {
      Set<String> out = new LinkedHashSet<>();
      String table = null;
      for (String line : save.split("\n")) {
        if (line.startsWith("*")) {
          table = line.substring(1).trim();
        } else if (line.startsWith(":") && table != null) {
          out.add(table + "/" + line.substring(1, line.indexOf(' ')));
        }
      }
      return out;
    }
  }
}
