package dev.parley.examples.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** The shared words on two instances over one H2 file, opened by both in this JVM. */
@DisplayName("Moderation words shared by two instances on one H2 file")
class SharedWordsH2Test extends SharedWordsContract {

    @TempDir
    Path dir;

    @Override
    Map<String, String> storeSettings() {
        return Map.of("parley.store", "h2", "parley.h2.file", dir.resolve("blog").toString());
    }

    /** The instances' H2 file, shared in this JVM as theirs are. */
    @Override
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("blog").toAbsolutePath() + ";WRITE_DELAY=0",
                "sa", "");
    }
}
