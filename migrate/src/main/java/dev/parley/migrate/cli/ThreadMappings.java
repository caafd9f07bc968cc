package dev.parley.migrate.cli;

import dev.parley.migrate.ThreadMapper;
import dev.parley.storage.ThreadKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thread map of an import: which Parley thread key each old page's comments go to, from {@code --map
 * OLD=KEY} options and a {@code --map-file} of CSV lines {@code old,new}. An old page is named by its link,
 * the path of its link, its identifier or its source id ({@link ThreadMapper#lookup}); pages not named keep
 * {@link ThreadMapper#byPath()}.
 *
 * <p>Not thread-safe: one command fills it; the mapper it builds is immutable.
 */
final class ThreadMappings {

    private final Map<String, ThreadKey> keys = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    /**
     * Adds a {@code --map} option's value. It is split at its last {@code =}: an old link may hold one in its
     * query ({@code /?p=4=hello-world}), a thread key seldom does; a key that does goes in a map file.
     *
     * @param entry {@code OLD=KEY}
     * @throws IllegalArgumentException if it is not of that form, the key is not a valid thread key, or OLD
     *     is mapped to another key already
     */
    void addOption(String entry) {
        int split = entry.lastIndexOf('=');
        if (split <= 0) {
            throw new IllegalArgumentException("--map must be OLD=KEY (an old link, path, identifier or id, then"
                    + " the Parley thread key), was " + entry);
        }
        put(entry.substring(0, split).strip(), entry.substring(split + 1).strip(), "--map " + entry);
    }

    /**
     * Adds every line of a map file: CSV, one {@code old,new} pair a line, fields quoted with {@code "} when
     * they hold a comma or a quote (doubled inside), blank lines and lines starting with {@code #} skipped, a
     * byte order mark allowed.
     *
     * @param file the file
     * @throws CommandFailure if it cannot be read or a line is not a pair of valid values
     */
    void addFile(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                String place = file + " line " + number;
                List<String> fields = csvFields(line, place);
                if (fields.size() != 2) {
                    throw new CommandFailure(place + ": expected two fields, old,new; found " + fields.size());
                }
                try {
                    put(fields.get(0), fields.get(1), place);
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new CommandFailure("--map-file: no such file: " + file, e);
        } catch (IOException e) {
            throw new CommandFailure("--map-file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the mapper: the map first, then {@link ThreadMapper#byPath()}.
     *
     * @return the mapper
     */
    ThreadMapper mapper() {
        return keys.isEmpty() ? ThreadMapper.byPath() : ThreadMapper.lookup(keys, ThreadMapper.byPath());
    }

    /**
     * Returns the map.
     *
     * @return thread keys by old link, path, identifier or id, in the order given
     */
    Map<String, ThreadKey> keys() {
        return Map.copyOf(keys);
    }

    private void put(String old, String key, String origin) {
        if (old.isEmpty()) {
            throw new IllegalArgumentException(origin + ": the old link, path, identifier or id is empty");
        }
        ThreadKey threadKey;
        try {
            threadKey = ThreadKey.of(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
        ThreadKey before = keys.putIfAbsent(old, threadKey);
        if (before != null && !before.equals(threadKey)) {
            throw new IllegalArgumentException(origin + ": " + old + " is mapped to " + before + " already, by "
                    + origins.get(old));
        }
        origins.putIfAbsent(old, origin);
    }

    /** Splits a CSV line (RFC 4180 without line breaks inside fields); unquoted fields are trimmed, quoted ones
     * kept exactly. */
    static List<String> csvFields(String line, String place) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            StringBuilder field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field, place);
                fields.add(field.toString());
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new CommandFailure(place + ": text after a closing quote, at column " + (i + 1));
                }
            } else {
                int end = line.indexOf(',', i);
                end = end < 0 ? line.length() : end;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    private static int quoted(String line, int from, StringBuilder field, String place) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new CommandFailure(place + ": a quote opened at column " + from + " is not closed");
    }
}
