package dev.personas.site;

import dev.personas.PersonasException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a site with internal links that lead nowhere, listing every broken link with the file
 * and line that wrote it: a typo in a path should fail the build, not a reader.
 */
final class LinkCheck {
  private static final int SHOWN = 20;

  private final Set<String> files;

  LinkCheck(List<Output> site) {
    this.files = site.stream().map(Output::path).collect(Collectors.toSet());
  }

  void check(List<LinkUse> links) {
    List<String> broken = links.stream()
        .filter(LinkUse::isInternal)
        .filter(link -> !files.contains(link.file()) && !files.contains(link.file().replaceAll("/?$", "/index.html")))
        .map(link -> link.where() + ": the link " + link.target() + " leads to no page or file of the site")
        .distinct()
        .sorted()
        .toList();
    if (!broken.isEmpty()) {
      String shown = broken.stream().limit(SHOWN).collect(Collectors.joining("\n  "));
      String more = broken.size() > SHOWN ? "\n  … and " + (broken.size() - SHOWN) + " more" : "";
      throw PersonasException.failure(
          broken.size() + (broken.size() == 1 ? " broken link" : " broken links") + "; fix the path or add the page:\n  " + shown + more);
    }
  }
}
