package dev.personas.load.swechat;

import dev.personas.load.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the tables and transcripts of a SWE-chat folder are. The published dataset keeps each
 * table in one file at the top (`sessions.parquet`, `conversations.parquet`) and one transcript
 * per session under `transcripts/`; exports and mirrors also split a table into parts. Accepted,
 * in this order of preference, for a table T:
 * <ol>
 *   <li>{@code T.parquet}, {@code T.jsonl}, {@code T.csv} (JSONL and CSV may be gzipped) at the top;
 *   <li>every table file under a folder {@code T/} (e.g. {@code T/train-00000-of-00002.parquet});
 *   <li>files {@code data/T-*}, {@code data/T_*} or {@code data/T.*} (the Hugging Face
 *       {@code configs: data_files} convention), or every table file under {@code data/T/}.
 * </ol>
 * Parts are read in file-name order.
 *
 * @param root the dataset folder
 * @param sessions files of the sessions table, empty when there is none
 * @param conversations files of the conversations table, empty when there is none
 * @param repositories files of the repositories table, empty when there is none
 * @param transcripts transcript file by session id (the file name without .jsonl/.jsonl.gz)
 */
record DatasetLayout(
    Path root, List<Path> sessions, List<Path> conversations, List<Path> repositories,
    Map<String, Path> transcripts) {

  DatasetLayout {
    sessions = List.copyOf(sessions);
    conversations = List.copyOf(conversations);
    repositories = List.copyOf(repositories);
    transcripts = java.util.Collections.unmodifiableMap(new TreeMap<>(transcripts));
  }

  /** Finds the tables and transcripts under a dataset folder. */
  static DatasetLayout of(Path root) {
    return new DatasetLayout(root, table(root, "sessions"), table(root, "conversations"),
        table(root, "repositories"), transcripts(root.resolve("transcripts")));
  }

  /** True when the folder holds nothing this reader knows. */
  boolean isEmpty() {
    return sessions.isEmpty() && conversations.isEmpty() && transcripts.isEmpty();
  }

  static List<Path> table(Path root, String name) {
    List<Path> top = list(root, 1, f -> stem(f).equals(name));
    if (!top.isEmpty()) {
      // Several exports of one table side by side: the Parquet original wins.
      top.sort(java.util.Comparator.comparing((Path f) -> TableReader.Format.of(f)));
      return top.subList(0, 1);
    }
    List<Path> folder = list(root.resolve(name), Integer.MAX_VALUE, f -> true);
    if (!folder.isEmpty()) {
      return folder;
    }
    List<Path> data = list(root.resolve("data"), 1, f -> {
      String n = f.getFileName().toString();
      return n.startsWith(name + "-") || n.startsWith(name + "_") || stem(f).equals(name);
    });
    return data.isEmpty() ? list(root.resolve("data").resolve(name), Integer.MAX_VALUE, f -> true) : data;
  }

  private static Map<String, Path> transcripts(Path dir) {
    Map<String, Path> byId = new TreeMap<>();
    for (Path f : list(dir, 1, f -> true, true)) {
      String n = f.getFileName().toString();
      if (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")) {
        byId.put(n.substring(0, n.lastIndexOf(".jsonl")), f);
      }
    }
    return byId;
  }

  private static List<Path> list(Path dir, int depth, java.util.function.Predicate<Path> keep) {
    return list(dir, depth, keep, false);
  }

  private static List<Path> list(
      Path dir, int depth, java.util.function.Predicate<Path> keep, boolean anyFile) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    // A release is often linked in place (datasets -> /mnt/big/swe-chat): a walk that does not
    // follow the link would see no tables and read the transcripts alone.
    // A list of its own: callers add to it.
    List<Path> found = Trees.regularFiles(dir, depth);
    found.removeIf(f -> !(anyFile || TableReader.Format.of(f) != null) || !keep.test(f));
    return found;
  }

  /** The file name without its table extension: "sessions" for "sessions.jsonl.gz". */
  private static String stem(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(0, dot);
  }
}
