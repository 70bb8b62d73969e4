package io.quarkiverse.etlify.airtable.sandbox;

import static io.quarkiverse.etlify.airtable.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SandboxTestBase {

    @Test
    void forcedStatusesComeFirstAndChangeNothing() {
        sandbox.faults().failNext(1, 503).failNext(1, 429);

        assertThat(client.send("POST", people, json("{'fields':{'email':'a@example.com'}}")).status()).isEqualTo(503);
        SandboxClient.Answer limited = client.send("POST", people, json("{'fields':{'email':'a@example.com'}}"));

        assertThat(limited.errorType()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(sandbox.count("People")).isZero();
        assertThat(client.send("POST", people, json("{'fields':{'email':'a@example.com'}}")).status()).isEqualTo(200);
    }

    @Test
    void failedRecordsFailTheirRequestWithInvalidValueForColumn() {
        sandbox.faults().failRecordsWhere((table, cells) -> "Bad".equals(cells.get("name")), "Field \"name\" is bad");

        SandboxClient.Answer answer = client.send("POST", people,
                json("{'records':[{'fields':{'name':'Good'}},{'fields':{'name':'Bad'}}]}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorType()).isEqualTo("INVALID_VALUE_FOR_COLUMN");
        assertThat(answer.body().at("/error/message").asText()).isEqualTo("Field \"name\" is bad");
        assertThat(sandbox.count("People")).isZero();
    }

    @Test
    void droppedConnectionsAndFailuresAfterApplying() {
        sandbox.faults().dropNext(1);
        assertThatThrownBy(() -> client.send("POST", people, json("{'fields':{'email':'a@example.com'}}")))
                .isInstanceOf(UncheckedIOException.class);

        sandbox.faults().failAfterApplyingNext(1, 504);
        assertThat(client.send("POST", people, json("{'fields':{'email':'b@example.com'}}")).status()).isEqualTo(504);

        assertThat(sandbox.statusCount(0)).isEqualTo(1);
        assertThat(sandbox.findBy("People", "email", "b@example.com")).as("applied before failing").isPresent();
    }

    @Test
    void answersInReverseOrderWhenAsked() {
        sandbox.faults().reverseRecordOrder(true);

        SandboxClient.Answer answer = client.send("POST", people,
                json("{'records':[{'fields':{'name':'First'}},{'fields':{'name':'Second'}}]}"));

        assertThat(answer.body().at("/records/0/fields/name").asText()).isEqualTo("Second");
    }

    @Test
    void refusedCredentials() {
        sandbox.faults().refuseCredentials(true);

        assertThat(client.send("POST", people, json("{'fields':{}}")).status()).isEqualTo(401);
        sandbox.faults().clear();
        assertThat(client.send("POST", people, json("{'fields':{}}")).status()).isEqualTo(200);
    }
}
