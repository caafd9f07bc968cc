package dev.parley.examples.web;

/**
 * Where {@link ModerationWords} keeps the hold and block words: the database every instance shares, or this
 * JVM's memory for the in-memory store.
 *
 * <p>A save replaces both lists at once: a reader sees the lists before it or the lists after it, never a mix,
 * and a save that fails leaves both as they were.
 *
 * <p>Implementations are thread-safe.
 */
public interface WordStore {

    /**
     * The lists as kept now; both empty when none were ever saved.
     *
     * @return the lists
     * @throws dev.parley.storage.StoreException if they cannot be read, or what is kept is not valid lists
     */
    ModerationWords.Lists load();

    /**
     * Replaces both lists, all or nothing.
     *
     * @param lists the new lists
     * @throws dev.parley.storage.StoreException if they cannot be saved; the lists kept stay as they were
     */
    void save(ModerationWords.Lists lists);

    /**
     * Where the lists are kept, for the words page: a sentence.
     *
     * @return e.g. {@code "Kept in memory until the demo stops."}
     */
    String description();
}
