package dev.jinfra.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {

    /** Runs {@code printf '%s\0' WORDS...} through a real sh and returns what arrived, split on NUL. */
    static List<String> throughShell(List<String> words) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("printf '%s\\0'");
        for (String w : words) {
            script.append(' ').append(ShellQuote.quote(w));
        }
        Process p = new ProcessBuilder("/bin/sh", "-c", script.toString())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        String text = new String(out, StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>(List.of(text.split("\0", -1)));
        parts.removeLast();
        return parts;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain", "with space", "it's", "\"double\"", "$HOME", "`id`", "$(id)", "a;b", "a && b", "line1\nline2",
                "tab\there", "back\\slash", "glob*?[x]", "~user", "-n", "#comment", "caf\u00e9 \u65e5\u672c", "'", "''",
                        "!event",
                "a|b>c<d", "{a,b}", "semi;colon'quote\"dq$var`tick`"
            })
    void everyWordArrivesIntactAndNeverRunsAsCode(String word) throws Exception {
        assertThat(throughShell(List.of(word))).containsExactly(word);
    }

    @Test
    void emptyWordStaysAWord() throws Exception {
        assertThat(throughShell(List.of("", "x", ""))).containsExactly("", "x", "");
    }

    @Test
    void safeWordsAreLeftReadable() {
        assertThat(ShellQuote.quote("/etc/nginx/nginx.conf")).isEqualTo("/etc/nginx/nginx.conf");
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
    }

    @Test
    void randomWordsSurviveTheShell() throws Exception {
        // Fuzz: random strings from an alphabet rich in shell metacharacters, many words per shell run.
        String alphabet = " \t\n'\"\\$`;&|<>(){}[]*?!#~=%^,.:-_/aZ09\u00e9\u4e2d\ud83d\ude00";
        int[] codePoints = alphabet.codePoints().toArray();
        Random random = new Random(20261122L);
        for (int round = 0; round < 5; round++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                StringBuilder w = new StringBuilder();
                int len = random.nextInt(12);
                for (int j = 0; j < len; j++) {
                    w.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
                }
                words.add(w.toString());
            }
            assertThat(throughShell(words)).isEqualTo(words);
        }
    }
}
