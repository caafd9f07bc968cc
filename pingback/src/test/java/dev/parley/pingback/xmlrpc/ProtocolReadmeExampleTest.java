package dev.parley.pingback.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.Fault;
import dev.parley.pingback.LinkbackResult;
import dev.parley.pingback.trackback.TrackbackParse;
import dev.parley.pingback.trackback.TrackbackParser;
import dev.parley.pingback.trackback.TrackbackResponses;
import dev.parley.pingback.webmention.WebmentionAnswer;
import dev.parley.pingback.webmention.WebmentionParse;
import dev.parley.pingback.webmention.WebmentionParser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The protocol snippets of the module README, run as written (between the markers), so they stay true.
 */
class ProtocolReadmeExampleTest {

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pingbackSnippetAnswersSuccessAndFault() {
        InputStream body = stream(PingbackRequestParserTest.call("pingback.ping", "http://a.example/", "http://b.example/"));
        Charset charset = null;
        // README: pingback
        PingbackRequestParser pingbacks = PingbackRequestParser.create();   // share it: immutable, thread-safe

        PingbackParse parse = pingbacks.parse(body, charset);   // charset: the Content-Type's, or null
        byte[] answer;                                          // sent with 200 and PingbackResponses.CONTENT_TYPE
        if (parse instanceof PingbackParse.Parsed parsed) {
            PingbackRequest call = parsed.request();            // call.sourceUri(), call.targetUri()
            answer = PingbackResponses.success("Pingback from " + call.sourceUri() + " registered.");
        } else {
            answer = PingbackResponses.fault((PingbackParse.Refused) parse);   // -32700, -32600, -32601, -32602
        }
        // README: end
        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("<string>Pingback from http://a.example/ registered.");
        assertThat(pingbacks.parse(stream("<nope/>"), null)).isInstanceOf(PingbackParse.Refused.class);
    }

    @Test
    void trackbackSnippetRefusesAGet() {
        String method = "GET";
        String contentType = "application/x-www-form-urlencoded";
        InputStream body = stream("url=http://a.example/");
        // README: trackback
        TrackbackParser trackbacks = TrackbackParser.create();

        TrackbackParse ping = trackbacks.parse(method, contentType, body);   // a GET is refused: nothing recorded
        byte[] answer = ping instanceof TrackbackParse.Refused refused      // sent with 200 and CONTENT_TYPE
                ? TrackbackResponses.fault(refused)                         // <error>1</error><message>…
                : TrackbackResponses.success();                             // <error>0</error>, once recorded
        // README: end
        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("<error>1</error>");
    }

    @Test
    void webmentionSnippetAccepts() {
        String method = "POST";
        String contentType = "application/x-www-form-urlencoded";
        InputStream body = stream("source=http://a.example/&target=http://b.example/");
        // README: webmention
        WebmentionParser webmentions = WebmentionParser.create();

        WebmentionParse mention = webmentions.parse(method, contentType, body);
        WebmentionAnswer answer = mention instanceof WebmentionParse.Refused refused
                ? WebmentionAnswer.fault(refused)    // 400 with a plain-text reason
                : WebmentionAnswer.accepted();       // 202; verify later (or created(statusPage): 201 + Location)
        // write answer.status(), answer.headers() and answer.bodyBytes() with any HTTP server
        // README: end
        assertThat(answer).isEqualTo(new WebmentionAnswer(202, Map.of(), ""));
    }

    @Test
    void rejectedResultSnippetMapsToEveryProtocol() {
        LinkbackResult.Rejected rejected = new LinkbackResult.Rejected(Fault.SOURCE_HAS_NO_LINK,
                "the source does not link to the target");
        // README: rejected
        byte[] pingback = PingbackResponses.fault(rejected.fault(), rejected.message());   // faultCode 17
        byte[] trackback = TrackbackResponses.fault(rejected.fault(), rejected.message()); // error 1
        WebmentionAnswer webmention = WebmentionAnswer.fault(rejected.fault(), rejected.message()); // 400
        // README: end
        assertThat(new String(pingback, StandardCharsets.UTF_8)).contains("<int>17</int>");
        assertThat(new String(trackback, StandardCharsets.UTF_8)).contains("<error>1</error>");
        assertThat(webmention.status()).isEqualTo(400);
    }
}
