package dev.parley.core;

/** A field of a submission that validation can refuse. */
public enum InputField {
    /** The author's name. */
    NAME,
    /** The author's e-mail address. */
    EMAIL,
    /** The author's web site. */
    URL,
    /** The comment text. */
    TEXT
}
