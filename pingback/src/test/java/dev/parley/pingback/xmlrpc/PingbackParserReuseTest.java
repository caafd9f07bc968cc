package dev.parley.pingback.xmlrpc;

import static dev.parley.pingback.xmlrpc.PingbackRequestParserTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pingback.Fault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The parser reuses JDK stream readers between requests; nothing of one request may leak into the next.
 */
@DisplayName("Reused XML readers carry nothing from one request to the next")
class PingbackParserReuseTest {

    private final PingbackRequestParser parser = PingbackRequestParser.create();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] DEEP = bytes(call("pingback.ping", "a",
            "<value><array><data>".repeat(40) + "</data></array></value>".repeat(40)));
    private static final byte[] DOCTYPE = bytes("<!DOCTYPE methodCall [<!ENTITY e \"x\">]><methodCall/>");
    private static final byte[] BROKEN = bytes("<methodCall><methodName>pingback.ping</methodName><params>");
    private static final byte[] WRONG_METHOD = bytes(call("weblogUpdates.ping", "a", "b"));

    private static Fault faultOf(PingbackParse result) {
        assertThat(result).isInstanceOf(PingbackParse.Refused.class);
        return ((PingbackParse.Refused) result).fault();
    }

    @Test
    void validCallAfterEachKindOfRefusalParsesCleanly() {
        for (int round = 0; round < 50; round++) {
            assertThat(faultOf(parser.parse(DEEP, null))).isEqualTo(Fault.INVALID_REQUEST);
            assertThat(parser.parse(bytes(call("pingback.ping", "s" + round, "t")), null))
                    .isEqualTo(new PingbackParse.Parsed(new PingbackRequest("s" + round, "t")));
            assertThat(faultOf(parser.parse(DOCTYPE, null))).isEqualTo(Fault.INVALID_REQUEST);
            assertThat(faultOf(parser.parse(BROKEN, null))).isEqualTo(Fault.PARSE_ERROR);
            assertThat(faultOf(parser.parse(WRONG_METHOD, null))).isEqualTo(Fault.METHOD_NOT_FOUND);
            assertThat(parser.parse(bytes(call("pingback.ping", "<string>x" + round + "</string>", "y")), null))
                    .isEqualTo(new PingbackParse.Parsed(new PingbackRequest("x" + round, "y")));
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                int id = task;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        String source = "http://s" + id + ".example/" + i;
                        PingbackParse result = parser.parse(bytes(call("pingback.ping", source, "http://t/")), null);
                        if (!result.equals(new PingbackParse.Parsed(new PingbackRequest(source, "http://t/")))) {
                            return false;
                        }
                        if (faultOf(parser.parse(i % 2 == 0 ? BROKEN : DEEP, null)) == null) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
