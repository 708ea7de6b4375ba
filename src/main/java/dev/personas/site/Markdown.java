package dev.personas.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.personas.PersonasException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one Markdown file with YAML front matter into HTML, its front matter and its headings.
 * The flexmark parser and renderer are built once per build and reused for every page.
 */
final class Markdown {

  /** What one Markdown file holds. */
  record Parsed(Map<String, Object> frontMatter, String html, List<TocEntry> toc, List<LinkUse> links) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Parser parser;
  private final HtmlRenderer renderer;

  Markdown(String baseUrl) {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(YamlFrontMatterExtension.create(), TablesExtension.create(), AnchorLinkExtension.create()));
    // Headings carry their own id; the anchor link wraps the heading text so it is never an empty link.
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
    options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
    options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor");
    options.set(TablesExtension.CLASS_NAME, "table");
    // The parser notes where each line starts, so a link's line number is looked up among those
    // starts rather than found by scanning every character before it (a tenth of the Markdown's
    // time on long pages).
    options.set(Parser.TRACK_DOCUMENT_LINES, true);
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).linkResolverFactory(new BaseUrlLinks(baseUrl)).build();
  }

  /** Parses one file; errors name the file and line. */
  Parsed parse(String source, String text) {
    Map<String, Object> frontMatter = frontMatter(source, text);
    Document document = parser.parse(text);
    HeaderIdGenerator ids = new HeaderIdGenerator(document);
    ids.generateIds(document);
    return new Parsed(frontMatter, renderer.render(document), toc(document), links(source, document));
  }

  private static List<TocEntry> toc(Document document) {
    List<TocEntry> toc = new ArrayList<>();
    for (Node node : document.getDescendants()) {
      if (node instanceof Heading heading && (heading.getLevel() == 2 || heading.getLevel() == 3)) {
        toc.add(new TocEntry(heading.getLevel(), heading.getAnchorRefId(), heading.getText().toString().strip()));
      }
    }
    return toc;
  }

  private static List<LinkUse> links(String source, Document document) {
    List<LinkUse> links = new ArrayList<>();
    for (Node node : document.getDescendants()) {
      if (node instanceof LinkNodeBase link) {
        // flexmark counts lines from 0; editors from 1.
        links.add(new LinkUse(source + ":" + (node.getStartLineNumber() + 1), link.getUrl().toString()));
      }
    }
    return links;
  }

  // Front matter is the block between a first line "---" and the next "---" line. Jackson reads
  // it (flexmark only strips it) so that values keep their YAML types.
  private static Map<String, Object> frontMatter(String source, String text) {
    // Lines as a split at "\r?\n" gives them, read only as far as the closing line.
    int start = 0;
    StringBuilder yaml = null;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() + 1 : end + 1;
      if (end < 0) {
        end = text.length();
      } else if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      String line = text.substring(start, end);
      boolean fence = line.strip().equals("---");
      if (yaml == null) {
        if (!fence) {
          return Map.of();
        }
        yaml = new StringBuilder();
      } else if (fence) {
        return readYaml(source, yaml.toString());
      } else {
        yaml.append(line).append('\n');
      }
      start = next;
    }
    throw PersonasException.failure(
        source + ":1: the front matter starting here has no closing '---' line; add one after the last key.");
  }

  private static Map<String, Object> readYaml(String source, String yaml) {
    if (yaml.isBlank()) {
      return Map.of();
    }
    try {
      Object value = YAML.readValue(yaml, Object.class);
      if (!(value instanceof Map<?, ?> map)) {
        throw PersonasException.failure(
            source + ":2: the front matter is not a set of 'key: value' lines.");
      }
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return Collections.unmodifiableMap(sorted);
    } catch (JsonProcessingException e) {
      // Jackson counts lines from the first YAML line, which is line 2 of the file.
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
      throw PersonasException.failure(
          source + ":" + line + ": the front matter is not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Rewrites site-absolute links ("/method/") to live under the base URL ("/repo/method/"). */
  private static final class BaseUrlLinks extends IndependentLinkResolverFactory {
    private final String baseUrl;

    BaseUrlLinks(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    @Override
    public LinkResolver apply(LinkResolverBasicContext context) {
      return (node, ctx, link) -> rebase(link);
    }

    private ResolvedLink rebase(ResolvedLink link) {
      String url = link.getUrl();
      if (url.startsWith("/") && !url.startsWith("//")) {
        return link.withUrl(baseUrl + url.substring(1)).withStatus(LinkStatus.VALID);
      }
      return link;
    }
  }
}
