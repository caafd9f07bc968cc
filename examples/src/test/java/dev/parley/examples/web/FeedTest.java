package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@DisplayName("The Atom feed of a post's comments")
class FeedTest {

    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    @DisplayName("is well-formed Atom with approved comments only, and markup in names stays text")
    void wellFormedAndEscaped() throws Exception {
        RunningDemo.postForm(RunningDemo.client(), demo.postUrl(),
                Map.of("name", "</name><evil>&amp;", "text", "Feed <b>me</b> & \"quote\""));

        HttpResponse<String> feed = RunningDemo.get(RunningDemo.client(), demo.base() + "/feed/" + demo.post().slug());

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        NodeList names = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "name");
        boolean found = false;
        for (int i = 0; i < names.getLength(); i++) {
            found |= names.item(i).getTextContent().equals("</name><evil>&amp;");
        }
        assertThat(found).as("the hostile name is one text node").isTrue();
        assertThat(xml.getElementsByTagName("evil").getLength()).isZero();
        assertThat(feed.body()).doesNotContain("deals.example/watches");
        assertThat(xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    @DisplayName("an unknown post is 404")
    void unknownPost() throws Exception {
        assertThat(RunningDemo.get(RunningDemo.client(), demo.base() + "/feed/nope").statusCode()).isEqualTo(404);
    }
}
