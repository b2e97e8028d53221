package org.enginelite.engine.container;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/** Docker's container name rules, and generated adjective_noun names for containers created without one. */
final class ContainerNames {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final String[] LEFT = {"admiring", "brave", "clever", "dazzling", "eager", "focused", "gallant",
      "happy", "jolly", "keen", "loving", "modest", "nifty", "optimistic", "peaceful", "quirky", "relaxed",
      "serene", "tender", "upbeat", "vibrant", "wizardly", "youthful", "zealous"};
  private static final String[] RIGHT = {"albattani", "babbage", "curie", "darwin", "euler", "fermi", "galileo",
      "hopper", "hypatia", "johnson", "kepler", "lovelace", "mayer", "newton", "noether", "pascal", "ritchie",
      "shannon", "tesla", "thompson", "turing", "wozniak", "yalow", "zhukovsky"};

  private ContainerNames() {}

  /** The name without Docker's leading slash, checked. */
  static String check(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    if (!VALID.matcher(n).matches()) {
      throw new InvalidParameterException("Invalid container name (" + name
          + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return n;
  }

  static String generate(int attempt) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String n = LEFT[r.nextInt(LEFT.length)] + "_" + RIGHT[r.nextInt(RIGHT.length)];
    return attempt > 3 ? n + r.nextInt(10) : n;
  }
}
