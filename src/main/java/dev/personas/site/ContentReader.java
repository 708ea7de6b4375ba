package dev.personas.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.personas.PersonasException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads content/: site.yml and every Markdown page, in path order. */
final class ContentReader {
  static final String SITE_FILE = "site.yml";
  static final String DEFAULT_TEMPLATE = "page";

  private final Path root;
  private final Markdown markdown;

  ContentReader(Path root, Markdown markdown) {
    this.root = root;
    this.markdown = markdown;
  }

  Content read() {
    List<Path> files = files();
    Map<String, Object> site = readSiteFile();
    List<Path> markdown = new ArrayList<>();
    for (Path file : files) {
      String name = name(file);
      if (name.endsWith(".md")) {
        markdown.add(file);
      } else if (!name.equals(SITE_FILE)) {
        throw PersonasException.failure(
            file + ": content/ holds only Markdown pages (.md) and " + SITE_FILE + "; move this file to static/.");
      }
    }
    List<ContentPage> pages = pages(markdown);
    Path siteFile = root.resolve(SITE_FILE);
    return new Content(
        required(site, "title", siteFile + ":1"), optional(site, "description", ""), pages);
  }

  private List<Path> files() {
    if (!Files.isDirectory(root)) {
      throw PersonasException.usage("The content folder " + root + " does not exist; pass --content with the folder of Markdown pages.");
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw PersonasException.failure("Could not list the content folder " + root + ": " + e.getMessage(), e);
    }
  }

  // Pages are parsed side by side (flexmark's parser and renderer are immutable and shared); a
  // failure is reported for the first bad file in path order, whichever thread met it first.
  private List<ContentPage> pages(List<Path> files) {
    List<Object> parsed = files.parallelStream().map(file -> {
      try {
        return (Object) page(file, name(file));
      } catch (RuntimeException e) {
        return e;
      }
    }).toList();
    List<ContentPage> pages = new ArrayList<>(parsed.size());
    for (Object result : parsed) {
      if (result instanceof RuntimeException e) {
        throw e;
      }
      pages.add((ContentPage) result);
    }
    return pages;
  }

  /** Reads one Markdown page again, after an edit. */
  ContentPage page(Path file) {
    return page(file, name(file));
  }

  private String name(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private ContentPage page(Path file, String name) {
    Markdown.Parsed parsed = markdown.parse(file.toString(), readText(file));
    Map<String, Object> fm = parsed.frontMatter();
    String where = file + ":1";
    return new ContentPage(
        name,
        urlPath(name),
        optional(fm, "template", DEFAULT_TEMPLATE),
        required(fm, "title", where),
        optional(fm, "description", ""),
        flag(fm, "nav", where),
        order(fm, where),
        parsed.html(),
        parsed.toc(),
        fm,
        parsed.links());
  }

  // Pretty URLs: index.md → "/", method.md → "/method/", guide/index.md → "/guide/".
  static String urlPath(String name) {
    String stem = name.substring(0, name.length() - ".md".length());
    if (stem.equals("index")) {
      return "/";
    }
    if (stem.endsWith("/index")) {
      stem = stem.substring(0, stem.length() - "/index".length());
    }
    return "/" + stem + "/";
  }

  private Map<String, Object> readSiteFile() {
    Path file = root.resolve(SITE_FILE);
    if (!Files.isRegularFile(file)) {
      throw PersonasException.usage(
          "The content folder " + root + " has no " + SITE_FILE + "; add one with the site's title and description.");
    }
    try {
      Object value = new ObjectMapper(new YAMLFactory()).readValue(readText(file), Object.class);
      if (value instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
      }
      throw PersonasException.failure(file + ":1: expected 'key: value' lines such as 'title: Coding personas'.");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw PersonasException.failure(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static String readText(Path file) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw PersonasException.failure(file + ": is not UTF-8 text; save it as UTF-8.", e);
    } catch (IOException e) {
      throw PersonasException.failure("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, Object> map, String key, String where) {
    Object value = map.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw PersonasException.failure(where + ": the front matter has no '" + key + "'; add a line '" + key + ": …'.");
    }
    return String.valueOf(value).strip();
  }

  private static String optional(Map<String, Object> map, String key, String fallback) {
    Object value = map.get(key);
    return value == null ? fallback : String.valueOf(value).strip();
  }

  private static boolean flag(Map<String, Object> fm, String key, String where) {
    Object value = fm.getOrDefault(key, Boolean.FALSE);
    if (value instanceof Boolean b) {
      return b;
    }
    throw PersonasException.failure(where + ": '" + key + "' must be true or false, not '" + value + "'.");
  }

  private static int order(Map<String, Object> fm, String where) {
    Object value = fm.get("order");
    if (value == null) {
      return Integer.MAX_VALUE;
    }
    try {
      return Integer.parseInt(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw PersonasException.failure(where + ": 'order' must be a whole number, not '" + value + "'.");
    }
  }
}
