package dev.parley.migrate;

import java.util.SplittableRandom;

/**
 * The made-up text of {@link WxrGenerator}'s comments: author names as WordPress stores them (HTML-escaped),
 * and comment bodies of one to three short paragraphs with the markup commenters use. Stateless; every choice
 * comes from the random source passed in, so the same seed gives the same text.
 */
final class GeneratedText {

    private static final String[] WORDS = ("the a of to and in that it is was for on with as this but not you "
            + "be at have by from they we or an will my one all would there their what so up out if about who get "
            + "which go me when make can like time no just him know take people into year your good some could "
            + "them see other than then now look only come its over think also back after use two how our work "
            + "first well way even new want because any these give day most us post article point argument "
            + "example server database query cache thread reply comment version release upgrade migration index "
            + "performance memory stream parser config plugin theme editor feed export import backup restore "
            + "really actually probably exactly maybe agree disagree thanks interesting useful helpful wrong "
            + "right simple harder faster slower cheaper cleaner weekend morning evening yesterday tomorrow "
            + "garden kitchen bicycle river mountain coffee winter summer library station village").split(" ");

    private static final String[] FIRST = {"Anna", "Ben", "Carla", "David", "Elif", "Frank", "Grace", "Hiro",
        "Ines", "Jonas", "Kemal", "Lena", "Marco", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tamar",
        "Ulla", "Victor", "Wen", "Ximena", "Yusuf", "Zoë", "José", "Łukasz", "Ångström", "Renée", "Søren",
        "Dmitrí"};
    private static final String[] LAST = {"Meyer", "Okafor", "Rossi", "Nguyen", "Schmidt", "Kowalski", "García",
        "Dubois", "Jansen", "Novak", "Silva", "Tanaka", "Ahmed", "Larsen", "Müller", "Ó Briain"};
    /** Names stored HTML-escaped, as WordPress's comment form leaves them. */
    private static final String[] ESCAPED = {"Tom &amp; Jerry", "Se&aacute;n O&#039;Brien",
        "&quot;anonymous&quot; coward", "Bj&ouml;rk", "李小龍", "Ελένη"};
    private static final String[] BLOGS = {"Notes from the Shed", "Another Dev Blog", "The Daily Commit",
        "Slow Cooking", "Field Notes", "Rust &amp; Bones", "Caf&eacute; Society"};
    private static final String[] EXTRAS = {" \u2014 ", " café ", " naïve ", " 🙂", " ≠ ", " &amp; ", " €5 "};

    private GeneratedText() {
    }

    /** Appends a guest's display name, HTML-escaped as stored. */
    static void authorName(SplittableRandom random, StringBuilder out) {
        if (random.nextInt(40) == 0) {
            out.append(ESCAPED[random.nextInt(ESCAPED.length)]);
            return;
        }
        out.append(FIRST[random.nextInt(FIRST.length)]);
        if (random.nextInt(3) != 0) {
            out.append(' ').append(LAST[random.nextInt(LAST.length)]);
        }
    }

    /** Returns a linking blog's name, HTML-escaped as stored. */
    static String blogName(SplittableRandom random) {
        return BLOGS[random.nextInt(BLOGS.length)];
    }

    /** Appends one to three paragraphs, blank-line separated, sometimes with a link, emphasis or a line break. */
    static void body(SplittableRandom random, StringBuilder out) {
        int roll = random.nextInt(100);
        int paragraphs = roll < 50 ? 1 : roll < 85 ? 2 : 3;
        int linkIn = random.nextInt(5) == 0 ? random.nextInt(paragraphs) : -1;
        int emIn = random.nextInt(7) == 0 ? random.nextInt(paragraphs) : -1;
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                out.append("\n\n");
            }
            int sentences = 1 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    out.append(random.nextInt(12) == 0 ? "\n" : " ");
                }
                sentence(random, out, p == emIn && s == 0);
            }
            if (p == linkIn) {
                out.append(" See <a href=\"https://example.org/").append(word(random)).append('-')
                        .append(random.nextInt(10_000)).append("/\" rel=\"nofollow\">").append(word(random))
                        .append(' ').append(word(random)).append("</a>.");
            }
        }
        if (random.nextInt(20) == 0) {
            out.append(EXTRAS[random.nextInt(EXTRAS.length)]);
        }
    }

    /** Appends one sentence of 6 to 19 words. */
    static void sentence(SplittableRandom random, StringBuilder out, boolean emphasis) {
        int words = 6 + random.nextInt(14);
        int em = emphasis ? 1 + random.nextInt(words - 1) : -1;
        for (int w = 0; w < words; w++) {
            String word = word(random);
            if (w == 0) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                continue;
            }
            out.append(' ');
            if (w == em) {
                out.append("<em>").append(word).append("</em>");
            } else {
                out.append(word);
            }
            if (w < words - 1 && random.nextInt(15) == 0) {
                out.append(',');
            }
        }
        int end = random.nextInt(10);
        out.append(end == 0 ? '?' : end == 1 ? '!' : '.');
    }

    /** Returns a word. */
    static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
