package dev.parley.storage.tck.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.parley.storage.CommentStore;
import dev.parley.storage.memory.InMemoryCommentStore;
import dev.parley.storage.tck.CommentStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Proves the kit can fail: it runs the whole {@link CommentStoreContract} through the JUnit Platform launcher on
 * stores broken on purpose, and checks that the tests aimed at each bug are among the failures. A kit that
 * passed a broken store would be no specification at all.
 *
 * <p>The kit subclasses below are static nested classes whose names do not end in {@code Test}, so surefire
 * does not run them on their own; only this class's launcher does.
 */
class BrokenStoresTest {

    /** The reference store: the kit must pass on it. */
    static final class InMemoryKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new InMemoryCommentStore();
        }
    }

    /** A second, unrelated correct store: the kit must pass on it too. */
    static final class CorrectDocumentStoreKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new ThreadDocumentStore(ThreadDocumentStore.Flaw.NONE);
        }
    }

    static final class CursorIgnoringKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new CursorIgnoringStore(new InMemoryCommentStore());
        }
    }

    static final class VersionIgnoringKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new VersionIgnoringStore(new InMemoryCommentStore());
        }
    }

    static final class LostInsertKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new ThreadDocumentStore(ThreadDocumentStore.Flaw.UNSYNCHRONISED_INSERT);
        }
    }

    static final class DuplicateLinkbackKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new ThreadDocumentStore(ThreadDocumentStore.Flaw.LINKBACK_CHECK_THEN_INSERT);
        }
    }

    static final class ConditionsCheckThenInsertKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new ThreadDocumentStore(ThreadDocumentStore.Flaw.CONDITIONS_CHECK_THEN_INSERT);
        }
    }

    static final class PartialBatchKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new PartialBatchStore(new InMemoryCommentStore());
        }
    }

    static final class ProvenanceDroppingKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new ProvenanceDroppingStore(new InMemoryCommentStore());
        }
    }

    static final class UnstampedUpdateKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new UnstampedUpdateStore(new InMemoryCommentStore());
        }
    }

    @Test
    @DisplayName("the kit holds at least 60 tests, and every one passes on InMemoryCommentStore")
    void kitHasAtLeastSixtyTestsAndPassesOnTheReferenceStore() {
        long discovered = discover(InMemoryKit.class).countTestIdentifiers(TestIdentifier::isTest);
        Outcome outcome = run(InMemoryKit.class);

        assertThat(discovered).isGreaterThanOrEqualTo(60);
        assertThat(outcome.summary.getTestsSucceededCount()).isEqualTo(discovered);
        assertThat(outcome.failedMethods).isEmpty();
    }

    @Test
    @DisplayName("the kit passes on a second, unrelated correct store, so it tests the contract and not one"
            + " implementation")
    void kitPassesOnAnotherCorrectStore() {
        Outcome outcome = run(CorrectDocumentStoreKit.class);

        assertThat(outcome.failedMethods).isEmpty();
        assertThat(outcome.summary.getTestsSucceededCount()).isGreaterThanOrEqualTo(60);
    }

    @Test
    @DisplayName("a store that ignores the cursor fails the kit's keyset tests")
    void cursorIgnoringStoreFails(TestReporter reporter) {
        Outcome outcome = run(CursorIgnoringKit.class);

        assertThat(outcome.failedMethods).contains(
                "keysetWalkListsEveryRootOnce", "pagesContinueInsideTies", "cursorFromTokenContinues",
                "cursorBetweenRootsContinues", "pagesAreStableUnderInserts", "pagesAreStableUnderModeration",
                "pagesAreStableUnderDeletes", "fullLastPageIsFollowedByAnEmptyOne", "statusesAreMergedInOrder",
                "queueOfSeveralStatusesAcrossPages", "queuePagesAreStable", "scanPagesListEachOnce",
                "scanPagesAreStable", "microsecondsRoundTrip", "extremeInstantsRoundTrip",
                "concurrentInsertsAndUpdates", "pageWalksDuringInserts", "statusesAloneAreTheQueue",
                "threadSearchKeepsToTheThread", "authorMatchesWholeNameIgnoringCase",
                "textMatchesPartIgnoringCaseWithLiteralWildcards", "everyPartHoldsAtOnce",
                "listsEveryCommentOfTheAddress", "pagesAreStableUnderWrites");
        assertThat(outcome.failedMethods).as("only tests that read past a cursor fail").hasSize(24);
        report(reporter, "cursor-ignoring", outcome);
    }

    @Test
    @DisplayName("a store that ignores the version fails the kit's compare-and-set tests")
    void versionIgnoringStoreFails(TestReporter reporter) {
        Outcome outcome = run(VersionIgnoringKit.class);

        assertThat(outcome.failedMethods).contains(
                "staleVersionIsRefused", "futureVersionIsRefused", "exactlyOneCompareAndSetWins");
        // The lost-increment check usually fails too, but whether two updaters interleave is up to the scheduler.
        assertThat(outcome.failedMethods).as("only compare-and-set tests fail").isSubsetOf(
                "staleVersionIsRefused", "futureVersionIsRefused", "exactlyOneCompareAndSetWins",
                "concurrentInsertsAndUpdates");
        report(reporter, "version-ignoring", outcome);
    }

    @Test
    @DisplayName("a store that loses concurrent inserts fails the kit's concurrent insert test")
    void lostInsertStoreFails(TestReporter reporter) {
        Outcome outcome = run(LostInsertKit.class);

        assertThat(outcome.failedMethods).contains("concurrentInsertsAndUpdates");
        assertThat(outcome.failedMethods).as("only tests of concurrent inserts fail").isSubsetOf(
                "concurrentInsertsAndUpdates", "pageWalksDuringInserts", "exactlyOneDuplicateLinkbackWins",
                "racingOverlappingBatchesAreAllOrNone");
        report(reporter, "lost-insert", outcome);
    }

    @Test
    @DisplayName("a store that lets a racing duplicate linkback through fails the kit's duplicate linkback race")
    void duplicateLinkbackStoreFails(TestReporter reporter) {
        Outcome outcome = run(DuplicateLinkbackKit.class);

        assertThat(outcome.failedMethods).containsExactly("exactlyOneDuplicateLinkbackWins");
        report(reporter, "duplicate-linkback", outcome);
    }

    @Test
    @DisplayName("a store that checks insert conditions and then inserts in a second step fails the kit's"
            + " duplicate and flood races")
    void conditionsCheckThenInsertStoreFails(TestReporter reporter) {
        Outcome outcome = run(ConditionsCheckThenInsertKit.class);

        assertThat(outcome.failedMethods).containsExactlyInAnyOrder("exactlyOneOfConcurrentDuplicatesIsStored",
                "atMostOneOfConcurrentFloodIsStored");
        report(reporter, "conditions-check-then-insert", outcome);
    }

    @Test
    @DisplayName("a store whose insertAll keeps the comments before a refusal fails the kit's batch tests")
    void partialBatchStoreFails(TestReporter reporter) {
        Outcome outcome = run(PartialBatchKit.class);

        assertThat(outcome.failedMethods).containsExactlyInAnyOrder("batchWithStoredIdStoresNone",
                "batchRepeatingAnIdStoresNone", "batchWithStoredLinkbackStoresNone",
                "batchRepeatingALinkbackStoresNone", "batchSizeIsLimited", "nullsAreRefused",
                "racingOverlappingBatchesAreAllOrNone");
        report(reporter, "partial-batch", outcome);
    }

    @Test
    @DisplayName("a store that drops provenance fails the kit's provenance tests and the round trips of comments"
            + " that carry one")
    void provenanceDroppingStoreFails(TestReporter reporter) {
        Outcome outcome = run(ProvenanceDroppingKit.class);

        assertThat(outcome.failedMethods).containsExactlyInAnyOrder("fullProvenanceReadsBackThroughEveryRead",
                "everyCharacterRoundTripsInEveryComponent", "absentAndEmptyComponentsStayApart",
                "updateAddsChangesAndRemovesProvenance", "provenanceAtItsLimitsRoundTrips",
                "provenanceAtItsLimitsInSurrogatePairsRoundTrips", "provenanceAtItsLimitsInControlCharactersRoundTrips",
                "rootRoundTripsEveryComponent", "storesEveryComment", "racingOverlappingBatchesAreAllOrNone");
        report(reporter, "provenance-dropping", outcome);
    }

    @Test
    @DisplayName("a store whose thread version misses updates fails the kit's thread state tests of updates, clearing client data's too")
    void unstampedUpdateStoreFails(TestReporter reporter) {
        Outcome outcome = run(UnstampedUpdateKit.class);

        assertThat(outcome.failedMethods).containsExactlyInAnyOrder("updateIncreasesTheVersion",
                "versionRisesAtEveryWrite", "concurrentWritersOfOneThread", "movesThreadStamps");
        report(reporter, "unstamped-update", outcome);
    }

    /** What one run of the kit produced: the summary and the names of the failed test methods. */
    private record Outcome(TestExecutionSummary summary, Set<String> failedMethods, List<String> failedRules) {
    }

    private static LauncherDiscoveryRequest request(Class<?> kit) {
        return LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build();
    }

    private static TestPlan discover(Class<?> kit) {
        return LauncherFactory.create().discover(request(kit));
    }

    private static Outcome run(Class<?> kit) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Set<String> failedMethods = new TreeSet<>();
        List<String> failedRules = new ArrayList<>();
        TestExecutionListener failures = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                            .ifPresent(source -> failedMethods.add(source.getMethodName()));
                    failedRules.add(test.getDisplayName());
                }
            }
        };
        launcher.execute(request(kit), summary, failures);
        return new Outcome(summary.getSummary(), failedMethods, failedRules);
    }

    /** Publishes which rules caught the bug to the test report (the README's figures come from there). */
    private static void report(TestReporter reporter, String store, Outcome outcome) {
        assertThat(outcome.summary.getTotalFailureCount()).isPositive();
        reporter.publishEntry(store + " store", outcome.summary.getTotalFailureCount() + " of "
                + outcome.summary.getTestsFoundCount() + " kit tests fail: " + String.join("; ", outcome.failedRules));
    }
}
