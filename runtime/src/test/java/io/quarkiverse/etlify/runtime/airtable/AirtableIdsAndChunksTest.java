package io.quarkiverse.etlify.runtime.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AirtableIdsAndChunksTest {

    @Test
    void idsAreAPrefixAnd14LettersOrDigits() {
        assertThat(AirtableIds.is(AirtableIds.FIELD, "fldAbCdEf01234567")).isTrue();
        assertThat(AirtableIds.is(AirtableIds.FIELD, "fldAbCdEf0123456")).isFalse();
        assertThat(AirtableIds.is(AirtableIds.RECORD, "fldAbCdEf01234567")).isFalse();
        assertThat(AirtableIds.is(AirtableIds.RECORD, null)).isFalse();
        assertThat(AirtableIds.looksLike(AirtableIds.TABLE, "tblShort")).isTrue();
        assertThat(AirtableIds.looksLike(AirtableIds.TABLE, "tbl people")).isFalse();
        assertThat(AirtableIds.looksLike(AirtableIds.FIELD, "email")).isFalse();
    }

    @Test
    void chunksHoldTenRecordsAndNeverOneIdentityTwice() {
        List<String> identities = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            identities.add("merge " + i);
        }
        identities.add("merge 0");
        identities.add(null);

        List<List<String>> chunks = AirtableBatchWriter.chunks(identities, identity -> identity);

        assertThat(chunks).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(chunks.get(0)).containsOnlyOnce("merge 0");
        assertThat(chunks.get(2)).containsExactly("merge 20", "merge 21", "merge 22", "merge 0", null);
    }
}
