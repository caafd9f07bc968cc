package dev.parley.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java -jar} commands of a README's {@code sh} blocks, as a shell would split them: lines joined at
 * a trailing backslash, words split at spaces, quotes removed.
 */
final class ReadmeCommands {

    private ReadmeCommands() {
    }

    /**
     * Reads the commands that run a jar.
     *
     * @param readme the Markdown file
     * @param jar the jar as the README names it
     * @return each command's arguments after the jar, in the README's order
     */
    static List<List<String>> read(Path readme, String jar) throws IOException {
        String prefix = "java -jar " + jar + " ";
        List<List<String>> commands = new ArrayList<>();
        boolean inShell = false;
        StringBuilder command = new StringBuilder();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inShell = !inShell && line.strip().equals("```sh");
                continue;
            }
            if (!inShell) {
                continue;
            }
            if (line.endsWith("\\")) {
                command.append(line, 0, line.length() - 1);
                continue;
            }
            command.append(line);
            String joined = command.toString().strip();
            command.setLength(0);
            if (joined.startsWith(prefix)) {
                commands.add(words(joined.substring(prefix.length())));
            }
        }
        return commands;
    }

    /** Splits at unquoted spaces; single quotes keep everything, double quotes everything but themselves. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
