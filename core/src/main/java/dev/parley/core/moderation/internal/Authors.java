package dev.parley.core.moderation.internal;

import dev.parley.storage.Author;
import java.util.Objects;

/** Tells whether two stored authors are the same person, by the identity each one offers. */
final class Authors {

    private Authors() {
    }

    /**
     * Same host user id when the submission has one; else the same name and e-mail (ignoring the e-mail's
     * case), as WordPress matches a returning commenter. An author with neither user id nor e-mail matches no
     * one: a bare name proves nothing.
     */
    static boolean same(Author submitted, Author stored) {
        if (submitted.userId() != null) {
            return submitted.userId().equals(stored.userId());
        }
        if (submitted.email() == null || stored.email() == null) {
            return false;
        }
        return submitted.email().equalsIgnoreCase(stored.email()) && submitted.name().equals(stored.name());
    }

    /** Same client: the address, the e-mail (ignoring case) or the host user id. */
    static boolean sameClient(Author submitted, Author stored) {
        return (submitted.ip() != null && submitted.ip().equals(stored.ip()))
                || (submitted.email() != null && stored.email() != null
                        && submitted.email().equalsIgnoreCase(stored.email()))
                || (submitted.userId() != null && Objects.equals(submitted.userId(), stored.userId()));
    }

    /** Which identity {@link #sameClient} matched, for the reason. */
    static String sharedClientField(Author submitted, Author stored) {
        if (submitted.ip() != null && submitted.ip().equals(stored.ip())) {
            return "ip";
        }
        if (submitted.email() != null && stored.email() != null && submitted.email().equalsIgnoreCase(stored.email())) {
            return "email";
        }
        return "user";
    }
}
