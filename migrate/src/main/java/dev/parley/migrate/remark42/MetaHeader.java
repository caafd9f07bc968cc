package dev.parley.migrate.remark42;

import dev.parley.migrate.ImportFormatException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The first line of a Remark42 backup: {@code {"version":1,"users":[...],"posts":[{"url":...,"read_only":...}]}}.
 * Only the version and the posts' URLs are read; the users are skipped, token by token, never held.
 *
 * <p>Immutable and thread-safe.
 *
 * @param posts the posts' URLs, in order, each once
 * @param problems what could not be taken from the posts, one line each
 */
record MetaHeader(List<String> posts, List<String> problems) {

    /**
     * Copies the lists.
     */
    MetaHeader {
        posts = List.copyOf(posts);
        problems = List.copyOf(problems);
    }

    /**
     * Reads the header line.
     *
     * @param parser the parser of the first line that is not blank, at its first token
     * @param line the line's number
     * @return the header
     * @throws ImportFormatException if the line is not an object with version 0 or 1, or more than one value
     * @throws tools.jackson.core.JacksonException if the line is not valid JSON
     */
    static MetaHeader read(JsonParser parser, int line) {
        Set<String> posts = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        JsonToken version = null;
        String versionText = "";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ImportFormatException("not a Remark42 backup: the first line is not its meta header, an "
                    + "object such as {\"version\":1,...}", line, parser.currentTokenLocation().getColumnNr(), null);
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("version") && version == null) {
                version = value;
                versionText = JsonLine.text(parser, value);
            } else if (name.equals("posts") && value == JsonToken.START_ARRAY) {
                readPosts(parser, posts, problems);
            } else {
                parser.skipChildren();
            }
        }
        JsonLine.expectEnd(parser, line);
        if (version == null) {
            throw new ImportFormatException("not a Remark42 backup: the meta header has no \"version\"",
                    line, -1, null);
        }
        if (version != JsonToken.VALUE_NUMBER_INT || !(versionText.equals("0") || versionText.equals("1"))) {
            String shown = version == JsonToken.VALUE_STRING ? "\"" + versionText + "\"" : versionText;
            throw new ImportFormatException("unsupported Remark42 backup version " + shown
                    + ": versions 0 and 1 are read", line, -1, null);
        }
        return new MetaHeader(new ArrayList<>(posts), problems);
    }

    private static void readPosts(JsonParser parser, Set<String> posts, List<String> problems) {
        int position = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            position++;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                problems.add("post " + position + " of the meta header is not an object: skipped");
                continue;
            }
            String url = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("url") && value == JsonToken.VALUE_STRING && url == null) {
                    url = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            if (url == null || url.isEmpty()) {
                problems.add("post " + position + " of the meta header has no \"url\": skipped");
            } else if (!posts.add(url)) {
                problems.add("post " + position + " of the meta header repeats the url " + url
                        + ": its thread is handed over once");
            }
        }
    }
}
