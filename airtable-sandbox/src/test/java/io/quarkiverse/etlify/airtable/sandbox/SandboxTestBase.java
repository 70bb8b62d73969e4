package io.quarkiverse.etlify.airtable.sandbox;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A sandbox with a People table and a Companies table, Airtable's limits on a clock the tests move. */
abstract class SandboxTestBase {

    static final String TOKEN = "patSandboxTest001.0123456789abcdef";
    static final String EMAIL_ID = "fldEmail000000001";

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    AirtableSandbox sandbox;
    SandboxClient client;
    String people;

    @BeforeEach
    void start() {
        sandbox = AirtableSandbox.builder().accessToken(TOKEN).ticker(now::get)
                .table(TableSchema.of("People",
                        FieldSchema.withId(EMAIL_ID, "email", FieldType.EMAIL),
                        FieldSchema.of("name", FieldType.SINGLE_LINE_TEXT),
                        FieldSchema.of("age", FieldType.NUMBER),
                        FieldSchema.of("vip", FieldType.CHECKBOX),
                        FieldSchema.of("born", FieldType.DATE),
                        FieldSchema.of("seen_at", FieldType.DATE_TIME),
                        FieldSchema.of("plan", FieldType.SINGLE_SELECT, "free", "gold"),
                        FieldSchema.of("tags", FieldType.MULTIPLE_SELECTS, "math", "poetry"),
                        FieldSchema.of("company", FieldType.MULTIPLE_RECORD_LINKS)),
                        TableSchema.of("Companies", FieldSchema.of("name", FieldType.SINGLE_LINE_TEXT)))
                .build().start();
        client = new SandboxClient(sandbox.baseUrl(), TOKEN);
        people = "/v0/" + sandbox.baseId() + "/People";
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Moves the rate limit's clock past its window, so that the next requests are not limited. */
    void nextSecond() {
        now.addAndGet(1_100_000_000L);
    }
}
