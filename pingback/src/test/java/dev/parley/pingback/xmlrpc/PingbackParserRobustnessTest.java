package dev.parley.pingback.xmlrpc;

import static dev.parley.pingback.xmlrpc.PingbackRequestParserTest.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Mutated bodies, from a fixed seed so a failure reproduces: whatever the bytes, the parser returns a value.
 */
@DisplayName("Any byte sequence gives a parse result, never an exception")
class PingbackParserRobustnessTest {

    private static final byte[] VALID = call("pingback.ping", "<string>http://source.example/a?b=1&amp;c=2</string>",
            "http://target.example/").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NASTY = "<>&;/=\"'![]?-#x\u0000\r\n\t".getBytes(StandardCharsets.ISO_8859_1);

    private final PingbackRequestParser parser = PingbackRequestParser.create();

    @Test
    void tenThousandMutatedBodiesAllGiveAResult() {
        SplittableRandom random = new SplittableRandom(20261129L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 10_000; i++) {
                byte[] body = mutate(VALID, random);
                PingbackParse result = parser.parse(body, null);
                assertThat(result).as("body %s", new String(body, StandardCharsets.ISO_8859_1)).isNotNull();
                if (result instanceof PingbackParse.Refused refused) {
                    assertThat(refused.message()).isNotBlank();
                }
            }
        });
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] body = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(body.length);
            switch (random.nextInt(4)) {
                case 0 -> body[at] = NASTY[random.nextInt(NASTY.length)];
                case 1 -> body[at] = (byte) random.nextInt(256);
                case 2 -> body = Arrays.copyOf(body, at);
                default -> {
                    byte[] longer = new byte[body.length + 1];
                    System.arraycopy(body, 0, longer, 0, at);
                    longer[at] = NASTY[random.nextInt(NASTY.length)];
                    System.arraycopy(body, at, longer, at + 1, body.length - at);
                    body = longer;
                }
            }
            if (body.length == 0) {
                break;
            }
        }
        return body;
    }
}
