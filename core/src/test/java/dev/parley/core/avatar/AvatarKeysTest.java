package dev.parley.core.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Avatar keys")
class AvatarKeysTest {

    private static final byte[] SECRET = secret(0);
    private static final String EMAIL = "myemailaddress@example.com";

    private static byte[] secret(int first) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    @Test
    @DisplayName("the key of an address is HMAC-SHA256 of its hash under the secret, not the plain hash")
    void keyIsNotThePlainHash() {
        AvatarHash key = AvatarKeys.withSecret(SECRET).of(Author.named("Ann").withEmail(EMAIL));

        // Computed independently: HMAC-SHA256(key = bytes 0..31, "parley-avatar-key:" + sha256(address) in hex).
        assertThat(key.hex()).isEqualTo("5f44f5fc069f4d59fc74910ef1174a4882216a5c66b35a7eab3fcc79404c9ea3")
                .isNotEqualTo(AvatarHash.ofEmail(EMAIL).hex())
                .isNotEqualTo(AvatarHash.ofKey(EMAIL).hex());
    }

    @Test
    @DisplayName("the same secret gives the same key in another instance, as after a restart")
    void stableUnderTheSameSecret() {
        Author ann = Author.named("Ann").withEmail(EMAIL);

        assertThat(AvatarKeys.withSecret(secret(0)).of(ann)).isEqualTo(AvatarKeys.withSecret(SECRET).of(ann));
        assertThat(AvatarKeys.withSecret(SECRET).of(Author.named("Someone").withEmail(" MyEmailAddress@EXAMPLE.com")))
                .isEqualTo(AvatarKeys.withSecret(SECRET).of(ann));
    }

    @Test
    @DisplayName("another secret gives another key")
    void anotherSecretAnotherKey() {
        Author ann = Author.named("Ann").withEmail(EMAIL);

        assertThat(AvatarKeys.withSecret(secret(1)).of(ann)).isNotEqualTo(AvatarKeys.withSecret(SECRET).of(ann));
    }

    @Test
    @DisplayName("the secret is copied, never shown, and must have 16 bytes or more")
    void secretIsCopiedHiddenAndLongEnough() {
        byte[] mutable = secret(0);
        AvatarKeys keys = AvatarKeys.withSecret(mutable);
        AvatarHash before = keys.of(AvatarHash.ofEmail(EMAIL));
        mutable[0] = 99;

        assertThat(keys.of(AvatarHash.ofEmail(EMAIL))).isEqualTo(before);
        assertThat(keys.toString()).doesNotContain("0, 1, 2").contains("hidden");
        assertThatThrownBy(() -> AvatarKeys.withSecret(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secret must have at least 16 bytes, had 15");
    }
}
