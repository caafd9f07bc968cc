package dev.parley.storage.tck;

import dev.parley.storage.CommentStore;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract every {@link CommentStore} must meet, as a JUnit 5 suite: the executable form of the rules in
 * {@link CommentStore}'s Javadoc.
 *
 * <p>A store proves itself with a test class that extends this one and returns a fresh, empty store:
 *
 * <pre>{@code
 * class MyCommentStoreTest extends CommentStoreContract {
 *     @Override
 *     protected CommentStore createStore() {
 *         return new MyCommentStore(freshEmptyDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>The rules are grouped by SPI method in {@code @Nested} classes; every test's {@code @DisplayName} states
 * one rule as a sentence, so a failing test says which rule the store breaks. The groups are: insert and find,
 * insertAll (batches all or none, racing batches included), provenance (kept exactly, every character), findAll,
 * update, delete, roots pages, replies, reply pages of one root, the first replies of many roots, reply counts,
 * counts, thread state (a change stamp and counts moved by every write, refused writes leaving it alone, racing
 * writers of one thread), queue and scan, search, byEmail, clearClientData, linkbacks, conditional inserts
 * (fingerprints and quiet keys, checked atomically, with racing duplicates and floods), exact values (Unicode,
 * maximum lengths, timestamps), argument misuse, and concurrency (many threads inserting and updating, racing
 * duplicate inserts).
 *
 * <p>The kit never reads a clock and never sleeps; concurrency tests start their threads together with a
 * barrier and give up after generous timeouts. A test class instance runs one test at a time; do not run the
 * kit's tests in parallel against one shared store.
 */
public abstract class CommentStoreContract {

    // A failure's message names the rule, so consoles that print test methods by name show the sentence too.
    @RegisterExtension
    static final RuleNamedFailures RULE_NAMED_FAILURES = new RuleNamedFailures();

    private @Nullable CommentStore store;

    /** For subclasses. */
    protected CommentStoreContract() {
    }

    /**
     * Returns a fresh, empty store. Called once before every test; no test sees another test's comments. A
     * store that holds resources (connections, files) is closed by the subclass, in an {@code @AfterEach}.
     *
     * @return a new store holding no comment
     */
    protected abstract CommentStore createStore();

    @BeforeEach
    final void createFreshStore() {
        store = Objects.requireNonNull(createStore(), "createStore() must not return null");
    }

    private CommentStore store() {
        return Objects.requireNonNull(store, "the store is created before each test");
    }

    @Nested
    @DisplayName("insert and find")
    class InsertAndFind extends InsertRules {
        InsertAndFind() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("insertAll: a batch stored whole or not at all")
    class InsertAll extends InsertAllRules {
        InsertAll() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("provenance: where an imported comment came from, kept exactly")
    class KeptProvenance extends ProvenanceRules {
        KeptProvenance() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("findAll")
    class FindAll extends FindAllRules {
        FindAll() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("update (compare-and-set on version)")
    class Update extends UpdateRules {
        Update() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete extends DeleteRules {
        Delete() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("roots: a keyset page of the root comments of a thread")
    class Roots extends RootsRules {
        Roots() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("replies of a set of roots")
    class Replies extends RepliesRules {
        Replies() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("replyPage: a keyset page of the replies under one root")
    class ReplyPage extends ReplyPageRules {
        ReplyPage() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("firstReplies: the first replies of each root of a page, in one call")
    class FirstReplies extends FirstRepliesRules {
        FirstReplies() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("replyCounts: the replies under each root by status")
    class ReplyCounts extends ReplyCountsRules {
        ReplyCounts() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("counts by status")
    class Counts extends CountsRules {
        Counts() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("thread state: a change stamp and counts moved by every write")
    class ThreadStates extends ThreadStateRules {
        ThreadStates() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("queue and scan: keyset pages across every thread")
    class QueueAndScan extends QueueAndScanRules {
        QueueAndScan() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("search: a moderator's filtered list across every thread")
    class Search extends SearchRules {
        Search() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("byEmail: every comment of one e-mail address, in keyset pages across every thread")
    class ByEmail extends ByEmailRules {
        ByEmail() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("clearClientData: IP addresses and User-Agents of old comments forgotten in bounded batches")
    class ClearClientData extends ClearClientDataRules {
        ClearClientData() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("linkbacks: unique by (thread, source URL)")
    class Linkbacks extends LinkbackRules {
        Linkbacks() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("conditional insert: fingerprints and quiet keys, checked atomically")
    class ConditionalInsert extends InsertConditionRules {
        ConditionalInsert() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("exact values: Unicode, maximum lengths and timestamps")
    class ExactValues extends ExactValueRules {
        ExactValues() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("argument misuse")
    class ArgumentMisuse extends ArgumentRules {
        ArgumentMisuse() {
            super(CommentStoreContract.this::store);
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency extends ConcurrencyRules {
        Concurrency() {
            super(CommentStoreContract.this::store);
        }
    }
}
