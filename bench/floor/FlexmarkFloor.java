import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor under `personas build --no-data` on many Markdown pages (bench/render-vs-hugo.sh):
 * flexmark alone, with the extensions and options the build's Markdown stage sets, parsing and
 * rendering every .md file of a folder on both cores, and nothing else (no front matter read, no
 * template, nothing written). Run against the personas jar, which holds flexmark:
 *
 *   javac -cp target/personas.jar -d OUT bench/floor/FlexmarkFloor.java
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/personas.jar:OUT FlexmarkFloor DIR
 *
 * Prints the number of pages and of HTML characters, so the work cannot be skipped.
 */
public final class FlexmarkFloor {
  public static void main(String[] args) throws IOException {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS,
        List.of(YamlFrontMatterExtension.create(), TablesExtension.create(), AnchorLinkExtension.create()));
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
    options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
    options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor");
    options.set(TablesExtension.CLASS_NAME, "table");
    options.set(Parser.TRACK_DOCUMENT_LINES, true);
    Parser parser = Parser.builder(options).build();
    HtmlRenderer renderer = HtmlRenderer.builder(options).build();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    long chars = files.parallelStream().mapToLong(file -> {
      try {
        return renderer.render(parser.parse(Files.readString(file))).length();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).sum();
    System.out.println(files.size() + " pages, " + chars + " characters of HTML");
  }
}
