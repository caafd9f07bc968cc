package dev.parley.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an imported comment came from: the source system, the comment's ids there, and the raw values of the
 * source record that Parley's own components do not carry exactly.
 *
 * <p>An importer sets it so that importing the same file again finds the comments it wrote before (nothing
 * duplicated, changes applied) and so that an exporter can give the source's own values back: a WordPress
 * comment's {@code comment_approved}, {@code comment_type}, local date, and its commentmeta in order. A comment
 * written on the page has no provenance ({@link Comment#provenance()} is null).
 *
 * <p>Raw values are kept exactly as the source wrote them, after XML or JSON decoding and nothing else: they may
 * hold any character, control characters included. Which names a source uses in {@link #fields()} is the
 * importer's documented choice; {@link #metadata()} is the source's own key-value metadata (WordPress
 * commentmeta), with its order and repeated keys.
 *
 * <p>Immutable and thread-safe.
 *
 * @param system the source system, 1 to {@value #MAX_SYSTEM_LENGTH} characters of {@code [a-z0-9._-]}, such
 *     as {@code wordpress}, {@code disqus}, {@code remark42} or {@code isso}
 * @param sourceId the comment's id in the source, 1 to {@value #MAX_ID_LENGTH} characters
 * @param threadId the id of the source's thread (a WordPress post id, a Disqus thread id, a page URL), or
 *     null; at most {@value #MAX_THREAD_ID_LENGTH} characters
 * @param parentId the source's parent id exactly as written, or null for a source root; kept even when the
 *     importer could not attach the comment to it; at most {@value #MAX_ID_LENGTH} characters
 * @param status the source's raw status ({@code 1}, {@code trash}, {@code isDeleted=true}), or null; at most
 *     {@value #MAX_RAW_LENGTH} characters
 * @param type the source's raw type ({@code pingback}, an empty string for an old WordPress comment), or
 *     null; at most {@value #MAX_RAW_LENGTH} characters
 * @param date the source's raw date exactly as written, or null; at most {@value #MAX_RAW_LENGTH} characters
 * @param fields other raw values of the source record, by name, in source order; never null
 * @param metadata the source's own metadata entries, in source order, keys possibly repeated; never null
 */
public record Provenance(
        String system,
        String sourceId,
        String threadId,
        String parentId,
        String status,
        String type,
        String date,
        List<Field> fields,
        List<Field> metadata) {

    /** The longest system name. */
    public static final int MAX_SYSTEM_LENGTH = 32;
    /** The longest source id or parent id. */
    public static final int MAX_ID_LENGTH = 1_024;
    /** The longest source thread id. */
    public static final int MAX_THREAD_ID_LENGTH = 4_096;
    /** The longest raw status, type or date. */
    public static final int MAX_RAW_LENGTH = 255;
    /** The most entries in {@link #fields()} and {@link #metadata()} together. */
    public static final int MAX_ENTRIES = 1_000;
    /**
     * The most characters all strings of a provenance hold together: ids, raw values, and every entry's name
     * and value.
     */
    public static final int MAX_TOTAL_LENGTH = 1_048_576;

    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9._-]+");

    /**
     * Checks every component and copies the lists.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException naming the component, if a value is empty where it must not be, too
     *     long, or the whole is over its bounds
     */
    public Provenance {
        Objects.requireNonNull(system, "system must not be null");
        if (system.isEmpty() || system.length() > MAX_SYSTEM_LENGTH || !SYSTEM.matcher(system).matches()) {
            throw new IllegalArgumentException("system must be 1 to " + MAX_SYSTEM_LENGTH
                    + " characters of a-z, 0-9, '.', '_' and '-', was \"" + system + "\"");
        }
        Objects.requireNonNull(sourceId, "source id must not be null");
        if (sourceId.isEmpty()) {
            throw new IllegalArgumentException("source id must not be empty");
        }
        Check.length(sourceId, "source id", MAX_ID_LENGTH);
        optional(threadId, "thread id", MAX_THREAD_ID_LENGTH);
        optional(parentId, "parent id", MAX_ID_LENGTH);
        optional(status, "status", MAX_RAW_LENGTH);
        optional(type, "type", MAX_RAW_LENGTH);
        optional(date, "date", MAX_RAW_LENGTH);
        fields = List.copyOf(Objects.requireNonNull(fields, "fields must not be null"));
        metadata = List.copyOf(Objects.requireNonNull(metadata, "metadata must not be null"));
        if (fields.size() + metadata.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("fields and metadata must hold at most " + MAX_ENTRIES
                    + " entries together, had " + (fields.size() + metadata.size()));
        }
        long total = (long) system.length() + sourceId.length() + length(threadId) + length(parentId)
                + length(status) + length(type) + length(date) + length(fields) + length(metadata);
        if (total > MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException("provenance must hold at most " + MAX_TOTAL_LENGTH
                    + " characters in all, had " + total);
        }
    }

    /**
     * Returns a provenance with only a system and a source id.
     *
     * @param system the source system
     * @param sourceId the comment's id in the source
     * @return the provenance
     * @throws IllegalArgumentException as the constructor does
     */
    public static Provenance of(String system, String sourceId) {
        return new Provenance(system, sourceId, null, null, null, null, null, List.of(), List.of());
    }

    /**
     * Returns a builder with a system and a source id, and nothing else set.
     *
     * @param system the source system
     * @param sourceId the comment's id in the source
     * @return a builder; {@link Builder#build()} checks the values
     */
    public static Builder builder(String system, String sourceId) {
        return new Builder(system, sourceId);
    }

    /**
     * Returns the value of the first field with this name.
     *
     * @param name the field name
     * @return its value, or null if no field has that name
     */
    public String field(String name) {
        Objects.requireNonNull(name, "name must not be null");
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return field.value();
            }
        }
        return null;
    }

    private static void optional(String value, String name, int maxLength) {
        if (value != null) {
            Check.length(value, name, maxLength);
        }
    }

    private static long length(String value) {
        return value == null ? 0 : value.length();
    }

    private static long length(List<Field> entries) {
        long total = 0;
        for (Field entry : entries) {
            Objects.requireNonNull(entry, "fields and metadata must not contain null");
            total += entry.name().length() + entry.value().length();
        }
        return total;
    }

    /**
     * One named raw value: a source field, or a metadata entry.
     *
     * <p>Immutable and thread-safe.
     *
     * @param name the name, 1 to {@value #MAX_NAME_LENGTH} characters
     * @param value the value exactly as the source held it, possibly empty
     */
    public record Field(String name, String value) {

        /** The longest name. */
        public static final int MAX_NAME_LENGTH = 255;

        /**
         * Checks both components.
         *
         * @throws NullPointerException if either is null
         * @throws IllegalArgumentException if the name is empty or too long
         */
        public Field {
            Objects.requireNonNull(name, "field name must not be null");
            Objects.requireNonNull(value, () -> "field \"" + name + "\" must not have a null value");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("field name must not be empty");
            }
            Check.length(name, "field name", MAX_NAME_LENGTH);
        }
    }

    /**
     * Collects the values of a {@link Provenance}; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private final String system;
        private final String sourceId;
        private String threadId;
        private String parentId;
        private String status;
        private String type;
        private String date;
        private final ArrayList<Field> fields = new ArrayList<>();
        private final ArrayList<Field> metadata = new ArrayList<>();

        private Builder(String system, String sourceId) {
            this.system = system;
            this.sourceId = sourceId;
        }

        /**
         * Sets the source thread id.
         *
         * @param threadId the id, or null
         * @return this builder
         */
        public Builder threadId(String threadId) {
            this.threadId = threadId;
            return this;
        }

        /**
         * Sets the raw parent id.
         *
         * @param parentId the id exactly as written, or null
         * @return this builder
         */
        public Builder parentId(String parentId) {
            this.parentId = parentId;
            return this;
        }

        /**
         * Sets the raw status.
         *
         * @param status the status exactly as written, or null
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the raw type.
         *
         * @param type the type exactly as written, or null
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the raw date.
         *
         * @param date the date exactly as written, or null
         * @return this builder
         */
        public Builder date(String date) {
            this.date = date;
            return this;
        }

        /**
         * Adds a raw field after those added before.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder field(String name, String value) {
            fields.add(new Field(name, value));
            return this;
        }

        /**
         * Adds a metadata entry after those added before; a key may repeat.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            metadata.add(new Field(key, value));
            return this;
        }

        /**
         * Builds the provenance.
         *
         * @return the provenance
         * @throws NullPointerException if the system or source id is null
         * @throws IllegalArgumentException as the constructor does
         */
        public Provenance build() {
            return new Provenance(system, sourceId, threadId, parentId, status, type, date, fields, metadata);
        }
    }
}
