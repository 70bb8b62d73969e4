package io.quarkiverse.etlify.airtable.sandbox;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Airtable's ids: a prefix naming the kind ({@code app}, {@code tbl}, {@code fld}, {@code rec}) and 14 letters
 * or digits, e.g. {@code recAbCdEf01234567}: {@code airtable.com/appXXXXXXXXXXXXXX/tblXXXXXXXXXXXXXX/recXXXXXXXXXXXXXX}
 * (https://community.airtable.com/t/upcoming-change-to-airtable-model-urls-in-scripting-custom-apps/43044).
 */
final class Ids {

    static final String BASE = "app";
    static final String TABLE = "tbl";
    static final String FIELD = "fld";
    static final String RECORD = "rec";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9]{14}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 14; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    static boolean is(String prefix, String value) {
        return value != null && value.startsWith(prefix) && SUFFIX.matcher(value.substring(prefix.length())).matches();
    }
}
