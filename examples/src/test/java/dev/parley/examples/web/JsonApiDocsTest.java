package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.PostRequest;
import dev.parley.core.Settings;
import dev.parley.storage.CommentId;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the JSON examples of examples/README.md ("JSON API") to what the demo answers: every field an example
 * shows, with its JSON type, is one the API sends in that place, and every field the API sends is in an
 * example. Fields are compared by the object that holds them (a page, a comment at any depth, an author, a
 * linkback's source, the counts), not by position, so the examples may be short.
 */
@DisplayName("The JSON API's documented examples")
class JsonApiDocsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FENCE = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);
    @RegisterExtension
    static final DemoPerClass DEMO = new DemoPerClass();

    private static RunningDemo demo() {
        return DEMO.demo();
    }

    @Test
    @DisplayName("show exactly the fields, in their places and types, that the demo's answers carry")
    void examplesMatchTheApi() throws Exception {
        Set<String> documented = new TreeSet<>();
        List<String> examples = examples();
        for (String example : examples) {
            JsonNode answer = JSON.readTree(example);
            shape(kind(answer), answer, documented);
        }

        Set<String> real = new TreeSet<>();
        for (JsonNode answer : realAnswers()) {
            shape(kind(answer), answer, real);
        }

        Set<String> undocumented = new TreeSet<>(real);
        undocumented.removeAll(documented);
        Set<String> unreal = new TreeSet<>(documented);
        unreal.removeAll(real);
        assertThat(undocumented).as("fields the API sends that no example shows").isEmpty();
        assertThat(unreal).as("fields an example shows that the API does not send").isEmpty();
        assertThat(real).contains("author.postAuthor:boolean");
        assertThat(examples).as("JSON examples in the README's JSON API section").isNotEmpty();
    }

    /** The answers a client meets: a page, a post, an edit, the author's page with their held comment, counts. */
    private static List<JsonNode> realAnswers() throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        String thread = demo().base() + "/api/threads/" + demo().post().slug() + "/comments";
        JsonNode firstPage = read(RunningDemo.get(RunningDemo.client(), thread + "?limit=2"), 200);
        answers.add(firstPage);
        answers.add(read(RunningDemo.get(RunningDemo.client(), thread + "?limit=100&order=newest"), 200));
        answers.add(read(RunningDemo.get(RunningDemo.client(), thread + "?limit=2&after="
                + URLEncoder.encode(firstPage.get("next").asString(), StandardCharsets.UTF_8)), 200));

        // A reply chain deeper than the nesting cap gives inReplyTo; two links hold a comment for its author.
        String parent = firstPage.get("comments").get(0).get("id").asString();
        String token = null;
        for (int depth = 1; depth <= 7; depth++) {
            JsonNode created = read(RunningDemo.api("POST", thread, "{\"parent\":\"" + parent
                    + "\",\"name\":\"Deep Reader\",\"url\":\"https://deep.example/\",\"text\":\"Level " + depth
                    + "\"}", null), 201);
            answers.add(created);
            parent = created.get("comment").get("id").asString();
            token = created.get("editToken").asString();
        }
        answers.add(read(RunningDemo.api("PUT", demo().base() + "/api/comments/" + parent, "{\"text\":\"Level 7, edited\"}",
                token), 200));
        JsonNode held = read(RunningDemo.api("POST", thread, "{\"name\":\"Linker\",\"text\":"
                + "\"https://a.example/1 https://b.example/2\"}", null), 201);
        answers.add(held);
        String heldToken = held.get("editToken").asString();
        answers.add(read(RunningDemo.api("GET", demo().base() + "/api/comments/" + held.get("comment").get("id").asString(),
                null, heldToken), 200));
        answers.add(read(RunningDemo.api("GET", thread + "?limit=100&order=newest", null, heldToken), 200));
        answers.add(read(RunningDemo.get(RunningDemo.client(), demo().base() + "/api/counts?thread="
                + demo().post().slug() + "&thread=no-such-post"), 200));

        // More replies under one comment than a page and a page of replies hold give moreReplies on both.
        CommentId busy = CommentId.of(firstPage.get("comments").get(1).get("id").asString());
        for (int i = 0; i <= Settings.defaults().repliesPerRoot() + Settings.defaults().repliesPerPage(); i++) {
            demo().server.comments().post(PostRequest.builder(demo().post().thread(), "Busy reply " + i)
                    .author("Busy Reader " + i, null, null).inReplyTo(busy).build());
        }
        JsonNode cut = read(RunningDemo.get(RunningDemo.client(), thread + "?limit=2"), 200);
        answers.add(cut);
        answers.add(read(RunningDemo.get(RunningDemo.client(), demo().base()
                + cut.get("comments").get(1).get("moreReplies").get("href").asString()), 200));
        return answers;
    }

    private static JsonNode read(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(),
                response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static List<String> examples() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### JSON API\n");
        assertThat(start).as("examples/README.md has a JSON API section").isNotNegative();
        int end = readme.indexOf("\n#", start + 1);
        Matcher fence = FENCE.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> examples = new ArrayList<>();
        while (fence.find()) {
            examples.add(fence.group(1));
        }
        return examples;
    }

    /** Names an answer by what it holds, the same way for the examples and the real answers. */
    private static String kind(JsonNode answer) {
        if (answer.has("comments")) {
            return "page";
        }
        if (answer.has("root")) {
            return "replies";
        }
        if (answer.has("editToken")) {
            return "posted";
        }
        if (answer.has("counts")) {
            return "counted";
        }
        return "comment";
    }

    /** Adds "holder.field:type" for every field below {@code node}, named by the kind of object that holds it. */
    private static void shape(String holder, JsonNode node, Set<String> out) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                shape(holder, element, out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            // The counts are keyed by the threads asked for: any key is the same field.
            String name = holder.equals("counts") ? "<thread>" : field.getKey();
            JsonNode value = field.getValue();
            out.add(holder + "." + name + ":" + type(value));
            shape(holderOf(holder, field.getKey()), value, out);
        }
    }

    private static String holderOf(String holder, String field) {
        return switch (field) {
            case "comments", "replies", "comment", "root" -> "comment";
            case "author", "source", "counts", "error", "moreReplies" -> field;
            default -> holder + "." + field;
        };
    }

    private static String type(JsonNode value) {
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isArray()) {
            return "array";
        }
        return value.isObject() ? "object" : "null";
    }
}
