package org.stoxum.codec.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stoxum.codec.CodecException;

/**
 * RFC 1751 "human readable 128-bit keys": each 64 bits become six words of a 2048-word dictionary, the
 * last word also carrying a two-bit parity.
 *
 * <p>Behaviour follows stoxumd's reader exactly, including a quirk that decides whether a string is a
 * word key or a passphrase: words of up to three letters are looked up only among the first 570
 * dictionary entries, so the 571st short word, {@code YOU}, is never recognised although the encoder
 * emits it. Input words are upper-cased, and the digits {@code 1}, {@code 0} and {@code 5} read as
 * {@code L}, {@code O} and {@code S}.
 */
public final class Rfc1751 {
    private static final int WORDS_PER_HALF = 6;
    /** Index of the first four-letter word; the short words before it are 0..570. */
    private static final int FIRST_LONG_WORD = 571;
    /** The decoder's exclusive search bound for short words (one below {@link #FIRST_LONG_WORD}). */
    private static final int SHORT_WORD_SEARCH_END = 570;

    private static final String[] DICTIONARY = loadDictionary();
    private static final Map<String, Integer> INDEX = buildIndex();

    private Rfc1751() {
    }

    /**
     * The words for a key whose length is a multiple of 8 bytes (stoxumd uses 16: twelve words), upper
     * case, separated by single spaces.
     */
    public static String encode(byte[] key) {
        if (key.length == 0 || key.length % 8 != 0) {
            throw new IllegalArgumentException("RFC 1751 encodes whole 8-byte blocks, got " + key.length + " bytes");
        }
        StringBuilder out = new StringBuilder(key.length * 4);
        byte[] block = new byte[9];
        for (int off = 0; off < key.length; off += 8) {
            System.arraycopy(key, off, block, 0, 8);
            int parity = 0;
            for (int bit = 0; bit < 64; bit += 2) {
                parity += extract(block, bit, 2);
            }
            block[8] = (byte) (parity << 6);
            for (int w = 0; w < WORDS_PER_HALF; w++) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(DICTIONARY[extract(block, w * 11, 11)]);
            }
        }
        return out.toString();
    }

    /**
     * Reads twelve words into 16 bytes.
     *
     * @throws CodecException ({@code badSeed}) naming what was wrong: not twelve words, a word too long
     *     or not in the dictionary, or a parity mismatch
     */
    public static byte[] decode(String words) {
        byte[] key = new byte[16];
        String problem = decodeInto(words, key);
        if (problem != null) {
            throw new CodecException("badSeed", "not an RFC 1751 key: " + problem);
        }
        return key;
    }

    /** Decodes into {@code key} (16 bytes); returns null on success, else what was wrong. */
    static String decodeInto(String words, byte[] key) {
        List<String> list = splitOnSpace(words);
        if (list.size() != 2 * WORDS_PER_HALF) {
            return "expected 12 words, got " + list.size();
        }
        byte[] block = new byte[9];
        for (int half = 0; half < 2; half++) {
            Arrays.fill(block, (byte) 0);
            for (int w = 0; w < WORDS_PER_HALF; w++) {
                String word = list.get(half * WORDS_PER_HALF + w);
                int utf8Length = word.getBytes(StandardCharsets.UTF_8).length;
                if (utf8Length < 1 || utf8Length > 4) {
                    return "word '" + word + "' is longer than four letters";
                }
                int index = lookup(standardise(word));
                if (index < 0) {
                    return "word '" + word + "' is not in the dictionary";
                }
                insert(block, index, w * 11, 11);
            }
            int parity = 0;
            for (int bit = 0; bit < 64; bit += 2) {
                parity += extract(block, bit, 2);
            }
            if ((parity & 3) != extract(block, 64, 2)) {
                return "parity mismatch in words " + (half * 6 + 1) + ".." + (half * 6 + 6);
            }
            System.arraycopy(block, 0, key, half * 8, 8);
        }
        return null;
    }

    /**
     * One dictionary word chosen by a Jenkins one-at-a-time hash of {@code blob} (stoxumd's
     * {@code getWordFromBlob}): how a server names itself to non-admin clients without revealing its host.
     */
    public static String wordFromBlob(byte[] blob) {
        int hash = 0;
        for (byte b : blob) {
            hash += b & 0xFF;
            hash += hash << 10;
            hash ^= hash >>> 6;
        }
        hash += hash << 3;
        hash ^= hash >>> 11;
        hash += hash << 15;
        return DICTIONARY[(int) (Integer.toUnsignedLong(hash) % DICTIONARY.length)];
    }

    /** Dictionary word number {@code i} (0..2047). */
    static String word(int i) {
        return DICTIONARY[i];
    }

    private static int lookup(String word) {
        Integer i = INDEX.get(word);
        if (i == null) {
            return -1;
        }
        boolean searchable = word.length() < 4 ? i < SHORT_WORD_SEARCH_END : i >= FIRST_LONG_WORD;
        return searchable ? i : -1;
    }

    private static String standardise(String word) {
        char[] c = word.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch >= 'a' && ch <= 'z') {
                c[i] = (char) (ch - 'a' + 'A');
            } else if (ch == '1') {
                c[i] = 'L';
            } else if (ch == '0') {
                c[i] = 'O';
            } else if (ch == '5') {
                c[i] = 'S';
            }
        }
        return new String(c);
    }

    /** Trims and splits on runs of C-locale white space, as the reference reader does. */
    private static List<String> splitOnSpace(String s) {
        List<String> out = new ArrayList<>(12);
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        while (n > i && isSpace(s.charAt(n - 1))) {
            n--;
        }
        if (i == n) {
            out.add("");
            return out;
        }
        int start = i;
        for (; i < n; i++) {
            if (isSpace(s.charAt(i))) {
                out.add(s.substring(start, i));
                while (i + 1 < n && isSpace(s.charAt(i + 1))) {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(s.substring(start, n));
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Bits {@code start..start+length-1} of {@code s} (big-endian bit order), length at most 11. */
    private static int extract(byte[] s, int start, int length) {
        int shiftRight = 24 - (length + (start % 8));
        int cl = s[start / 8] & 0xFF;
        int cc = shiftRight < 16 ? s[start / 8 + 1] & 0xFF : 0;
        int cr = shiftRight < 8 ? s[start / 8 + 2] & 0xFF : 0;
        int x = ((cl << 8 | cc) << 8 | cr) >>> shiftRight;
        return x & (0xFFFF >>> (16 - length));
    }

    /** ORs the {@code length}-bit value {@code x} into {@code s} at bit {@code start}. */
    private static void insert(byte[] s, int x, int start, int length) {
        int shift = (8 - ((start + length) % 8)) % 8;
        int y = x << shift;
        int cl = (y >> 16) & 0xFF;
        int cc = (y >> 8) & 0xFF;
        int cr = y & 0xFF;
        if (shift + length > 16) {
            s[start / 8] |= (byte) cl;
            s[start / 8 + 1] |= (byte) cc;
            s[start / 8 + 2] |= (byte) cr;
        } else if (shift + length > 8) {
            s[start / 8] |= (byte) cc;
            s[start / 8 + 1] |= (byte) cr;
        } else {
            s[start / 8] |= (byte) cr;
        }
    }

    private static String[] loadDictionary() {
        try (InputStream in = Rfc1751.class.getResourceAsStream("rfc1751-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("rfc1751-words.txt missing from the codec jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String[] words = r.lines().map(String::trim).filter(l -> !l.isEmpty()).toArray(String[]::new);
            if (words.length != 2048) {
                throw new IllegalStateException("RFC 1751 dictionary has " + words.length + " words, not 2048");
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> buildIndex() {
        Map<String, Integer> m = new HashMap<>(4096);
        for (int i = 0; i < DICTIONARY.length; i++) {
            m.put(DICTIONARY[i], i);
        }
        return m;
    }
}
