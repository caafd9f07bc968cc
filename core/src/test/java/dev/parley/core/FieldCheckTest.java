package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Order;
import org.junit.jupiter.api.Test;

class FieldCheckTest {

    private final Fixture f = new Fixture();

    @Test
    void checkReportsEveryRefusedFieldAtOnceInFieldOrder() {
        PostRequest request = PostRequest.builder(THREAD, "   ").author(" ", "not-an-address", "ftp://files.example/")
                .build();

        assertThat(f.service.check(request)).containsExactly(
                new PostResult.Rejected(RejectCode.EMPTY, InputField.NAME, "Please enter your name."),
                new PostResult.Rejected(RejectCode.INVALID_FIELD, InputField.EMAIL,
                        "Please enter a valid e-mail address."),
                new PostResult.Rejected(RejectCode.INVALID_FIELD, InputField.URL,
                        "Please enter a web site address starting with http:// or https://."),
                new PostResult.Rejected(RejectCode.EMPTY, InputField.TEXT, "Please type a comment."));
    }

    @Test
    void postIsRejectedWithTheFirstProblemCheckFinds() {
        PostRequest request = PostRequest.builder(THREAD, "x".repeat(65_536)).author("Ann", "bad", null).build();

        assertThat(f.service.post(request)).isEqualTo(f.service.check(request).get(0))
                .isEqualTo(new PostResult.Rejected(RejectCode.INVALID_FIELD, InputField.EMAIL,
                        "Please enter a valid e-mail address."));
        assertThat(f.service.check(request)).extracting(PostResult.Rejected::field)
                .containsExactly(InputField.EMAIL, InputField.TEXT);
    }

    @Test
    void checkOfValidFieldsIsEmptyAndStoresNothing() {
        assertThat(f.service.check(by("Ann", "hello").url("ann.example").build())).isEmpty();
        assertThat(f.service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.anonymous()).roots()).isEmpty();
    }

    @Test
    void webAddressWithAQuoteNamesTheQuoteRatherThanTheScheme() {
        assertThat(f.service.check(by("Ann", "hi").url("https://ann.example/a\"b").build())).containsExactly(
                new PostResult.Rejected(RejectCode.INVALID_FIELD, InputField.URL,
                        "Your web site address contains a double quote (\"), which a web address cannot hold."));
    }

    @Test
    void webAddressWithASpaceSaysSo() {
        assertThat(f.service.check(by("Ann", "hi").url("https://ann.example/my page").build()))
                .extracting(PostResult.Rejected::message)
                .containsExactly("Your web site address contains a space; a web address cannot hold one.");
    }

    @Test
    void httpAddressWithoutAHostAsksForACompleteAddress() {
        assertThat(f.service.check(by("Ann", "hi").url("https://").build()))
                .extracting(PostResult.Rejected::message)
                .containsExactly("Please enter a complete web site address, such as https://example.com/.");
    }
}
