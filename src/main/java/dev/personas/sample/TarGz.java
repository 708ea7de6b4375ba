package dev.personas.sample;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A reproducible .tar.gz of a folder and its extraction. One gzip stream over all files packs the
 * sample's thousands of small, alike transcripts far better than a zip's per-file compression.
 * Entries are sorted, with fixed owner, mode and time, so the same folder gives the same bytes.
 */
public final class TarGz {
  private static final int BLOCK = 512;
  /** 2025-07-01T00:00:00Z, the sample's base date, as every entry's modification time. */
  private static final long MTIME = 1_751_328_000L;

  private TarGz() {}

  /** Packs every regular file under the folder, by sorted relative path. */
  public static void pack(Path folder, Path archive) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    files.sort((a, b) -> relative(folder, a).compareTo(relative(folder, b)));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive), 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      for (Path f : files) {
        byte[] data = Files.readAllBytes(f);
        out.write(header(relative(folder, f), data.length));
        out.write(data);
        out.write(new byte[(BLOCK - data.length % BLOCK) % BLOCK]);
      }
      out.write(new byte[2 * BLOCK]);
    }
  }

  /** Extracts an archive made by {@link #pack} (or any ustar archive of plain files) into a folder. */
  public static void unpack(InputStream archive, Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    try (InputStream in = new GZIPInputStream(archive, 1 << 16)) {
      byte[] header = new byte[BLOCK];
      while (readFully(in, header)) {
        if (header[0] == 0) {
          return;
        }
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        byte type = header[156];
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || name.startsWith("/")) {
          throw new IOException("archive entry outside the target folder: " + name);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
          throw new EOFException("archive ends inside " + name);
        }
        in.readNBytes((int) ((BLOCK - size % BLOCK) % BLOCK));
        if (type == '0' || type == 0) {
          Files.createDirectories(target.getParent());
          Files.write(target, data);
        }
      }
    }
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private static byte[] header(String name, long size) throws IOException {
    byte[] h = new byte[BLOCK];
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 100) {
      int cut = name.lastIndexOf('/', 154);
      if (cut < 0 || name.length() - cut - 1 > 100) {
        throw new IOException("path too long for a tar entry: " + name);
      }
      put(h, 345, name.substring(0, cut));
      put(h, 0, name.substring(cut + 1));
    } else {
      put(h, 0, name);
    }
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", MTIME));
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, at, b.length);
  }

  private static String field(byte[] h, int at, int length) {
    int end = at;
    while (end < at + length && h[end] != 0) {
      end++;
    }
    return new String(h, at, end - at, StandardCharsets.UTF_8);
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, block.length);
    if (n == 0) {
      return false;
    }
    if (n < block.length) {
      throw new EOFException("archive ends inside an entry header");
    }
    return true;
  }
}
