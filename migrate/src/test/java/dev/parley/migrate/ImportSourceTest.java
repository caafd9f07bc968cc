package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSourceTest {

    @TempDir
    Path dir;

    @Test
    void aGzipFileIsReadDecompressedWhateverItsNameAndBytesReadCountTheFile() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("hello, world".getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(dir.resolve("export.xml"), gz.toByteArray());
        ImportSource source = ImportSource.of(file);

        try (InputStream in = source.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
        }
        assertThat(source.isGzip()).isTrue();
        assertThat(source.bytesRead()).isEqualTo(source.size());
    }

    @Test
    void aCutGzipHeaderIsAFormatErrorAndTheFileIsClosed() throws IOException {
        Path file = Files.write(dir.resolve("cut.gz"), new byte[] {0x1f, (byte) 0x8b, 0x08});
        ImportSource source = ImportSource.of(file);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(source::open).isInstanceOf(ImportFormatException.class)
                    .hasMessageContaining("cut.gz").hasMessageContaining("gzip header");
        }
        // On every platform a file still open cannot be deleted on some; here it proves nothing holds it.
        Files.delete(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void aMissingFileIsRefusedByName() {
        assertThatThrownBy(() -> ImportSource.of(dir.resolve("nope.xml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.xml");
    }
}
