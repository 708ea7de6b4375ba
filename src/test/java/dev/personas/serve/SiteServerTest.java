package dev.personas.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteServerTest {

  @ParameterizedTest
  @CsvSource({
    "/, false",
    "/method/, false",
    "/css/site.css, false",
    "/a..b/file.txt, false",
    "/../etc/passwd, true",
    "/css/./site.css, true",
    "/%2e%2e/etc/passwd, true",
    "/%2E%2E%2Fetc, true",
    "/css%2fsite.css, true",
    "/..%5cwindows, true",
    "/file%00.html, true",
  })
  void traversalIsRecognisedBeforeDecoding(String rawPath, boolean refused) {
    assertEquals(refused, SiteServer.isTraversal(rawPath), rawPath);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:8000, true",
    "localhost:8000, true",
    "LOCALHOST, true",
    "[::1]:8000, true",
    "127.0.0.1, true",
    "attacker.example:8000, false",
    "localhost.attacker.example:8000, false",
    "127.0.0.1.nip.io:8000, false",
    "[::1].attacker.example, false",
    "'', false",
  })
  void onlyThisMachinesNamesAreServed(String host, boolean served) {
    assertEquals(served, SiteServer.isLocalHost(host), host);
  }

  @ParameterizedTest
  @CsvSource({
    "index.html, text/html; charset=utf-8",
    "app.js, text/javascript; charset=utf-8",
    "font.woff2, font/woff2",
    "model.json, application/json",
    "photo.PNG, image/png",
    "unknown.bin, application/octet-stream",
  })
  void contentTypesFollowTheExtension(String file, String type) {
    assertEquals(type, ContentTypes.of(file));
  }
}
