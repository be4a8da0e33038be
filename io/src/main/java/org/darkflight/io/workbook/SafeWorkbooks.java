package org.darkflight.io.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.InputException;

/**
 * Opens untrusted {@code .xlsx} files. Before POI sees the file, the whole zip archive is inflated
 * once into nothing while counting bytes, so that zip bombs, oversized archives and malformed zips
 * fail fast with one clear line; macro projects and external-link parts are refused. Only then is
 * the workbook opened, read-only.
 */
public final class SafeWorkbooks {

  private SafeWorkbooks() {}

  /** Checks the archive against the limits without opening it as a workbook. */
  public static void checkArchive(Path file, WorkbookLimits limits) throws InputException {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read the workbook: " + e.getMessage(), e);
    }
    if (size > limits.maxFileBytes()) {
      throw new InputException(file, "", "workbook file is " + size + " bytes, over the limit of "
          + limits.maxFileBytes());
    }
    // The central directory must be intact: a truncated archive still streams its first entries.
    try (ZipFile zf = new ZipFile(file.toFile())) {
      if (zf.size() > limits.maxEntries()) {
        throw new InputException(file, "", "workbook archive has " + zf.size()
            + " entries, over the limit of " + limits.maxEntries());
      }
    } catch (IOException e) {
      throw new InputException(file, "", "not a valid .xlsx zip archive: " + e.getMessage(), e);
    }
    long total = 0;
    int entries = 0;
    boolean sawContentTypes = false;
    byte[] buf = new byte[64 * 1024];
    try (InputStream raw = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries++;
        if (entries > limits.maxEntries()) {
          throw new InputException(file, "", "workbook archive has more than "
              + limits.maxEntries() + " entries");
        }
        String name = e.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("[content_types].xml")) {
          sawContentTypes = true;
        }
        if (lower.contains("vbaproject") || lower.endsWith(".bin") && lower.contains("vba")) {
          throw new InputException(file, name, "workbook contains a macro project; macros are "
              + "not allowed");
        }
        if (lower.startsWith("xl/externallinks/")) {
          throw new InputException(file, name, "workbook links to external workbooks or DDE "
              + "sources; external references are not allowed");
        }
        long entryBytes = 0;
        int r;
        while ((r = zip.read(buf)) > 0) {
          entryBytes += r;
          total += r;
          if (total > limits.maxUncompressedBytes()) {
            throw new InputException(file, name, "workbook inflates to more than "
                + limits.maxUncompressedBytes() + " bytes (zip bomb or oversized workbook)");
          }
        }
        long compressed = e.getCompressedSize();
        if (entryBytes > limits.ratioCheckMinBytes() && compressed > 0
            && (double) entryBytes / compressed > limits.maxInflateRatio()) {
          throw new InputException(file, name, String.format(Locale.ROOT,
              "entry inflates %.0f times (%d to %d bytes), over the ratio limit of %.0f "
                  + "(zip bomb)", (double) entryBytes / compressed, compressed, entryBytes,
              limits.maxInflateRatio()));
        }
      }
    } catch (ZipException e) {
      throw new InputException(file, "", "not a valid .xlsx zip archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read the workbook archive: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // java.util.zip refuses an entry name that is not valid UTF-8 this way
      throw new InputException(file, "", "not a valid .xlsx zip archive: an entry name is not "
          + "valid UTF-8 (" + e.getMessage() + ")", e);
    }
    if (entries == 0 || !sawContentTypes) {
      throw new InputException(file, "", "not an .xlsx workbook (no [Content_Types].xml in a "
          + "zip archive)");
    }
    SheetCellCounter.check(file, limits);
  }

  /**
   * Checks the archive, then opens the workbook read-only and checks the cell count.
   *
   * @throws InputException when any limit is broken or the file is not a readable workbook
   */
  public static XSSFWorkbook open(Path file, WorkbookLimits limits) throws InputException {
    checkArchive(file, limits);
    XSSFWorkbook wb;
    try {
      OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      try {
        wb = new XSSFWorkbook(pkg);
      } catch (RuntimeException | IOException e) {
        pkg.revert();
        throw e;
      }
    } catch (Exception e) {
      throw new InputException(file, "", "malformed workbook: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
    if (wb.getNumberOfSheets() == 0) {
      close(wb);
      throw new InputException(file, "", "workbook has no sheets");
    }
    long cells = 0;
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        cells += row.getPhysicalNumberOfCells();
        if (cells > limits.maxCells()) {
          close(wb);
          throw new InputException(file, "sheet '" + sheet.getSheetName() + "'",
              "workbook has more than " + limits.maxCells() + " cells (oversized workbook)");
        }
      }
    }
    return wb;
  }

  /** Closes a read-only workbook without saving anything. */
  public static void close(XSSFWorkbook wb) {
    try {
      wb.getPackage().revert();
    } catch (RuntimeException ignored) {
      // a read-only package has nothing to save; a failure to close leaks only a file handle
    }
  }

}
