package io.quarkiverse.etlify.airtable.sandbox;

import static io.quarkiverse.etlify.airtable.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UpsertTest extends SandboxTestBase {

    @Test
    void performUpsertCreatesOrUpdatesOnTheMergeFieldAndSaysWhich() {
        String ada = sandbox.seed("People", Map.of("email", "ada@example.com", "name", "Ada")).id();

        SandboxClient.Answer answer = client.send("PATCH", people, json("{'performUpsert':{'fieldsToMergeOn':['email']},"
                + "'records':[{'fields':{'email':'ada@example.com','name':'Ada L.'}},{'fields':{'email':'bob@example.com'}}]}"));

        assertThat(answer.status()).isEqualTo(200);
        String bob = answer.body().at("/records/1/id").asText();
        assertThat(answer.body().at("/records/0/id").asText()).isEqualTo(ada);
        assertThat(answer.body().get("updatedRecords").toString()).isEqualTo("[\"" + ada + "\"]");
        assertThat(answer.body().get("createdRecords").toString()).isEqualTo("[\"" + bob + "\"]");
        assertThat(sandbox.record("People", ada).orElseThrow().text("name")).isEqualTo("Ada L.");
        assertThat(sandbox.count("People")).isEqualTo(2);
        assertThat(sandbox.requests().get(0).endpoint()).isEqualTo(Endpoint.UPSERT);
    }

    @Test
    void aFieldIdMergeKeyAndAnswersKeyedByFieldId() {
        SandboxClient.Answer answer = client.send("PATCH", people, json("{'performUpsert':{'fieldsToMergeOn':['"
                + EMAIL_ID + "']},'returnFieldsByFieldId':true,'records':[{'fields':{'" + EMAIL_ID
                + "':'ada@example.com','name':'Ada'}}]}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/records/0/fields/" + EMAIL_ID).asText()).isEqualTo("ada@example.com");
        assertThat(answer.body().at("/records/0/fields").has("email")).isFalse();
    }

    @Test
    void recordsWithAnIdAreUpdatedByIt() {
        String ada = sandbox.seed("People", Map.of("email", "ada@example.com")).id();

        SandboxClient.Answer answer = client.send("PATCH", people, json("{'performUpsert':{'fieldsToMergeOn':['email']},"
                + "'records':[{'id':'" + ada + "','fields':{'email':'ada.lovelace@example.com'}}]}"));
        SandboxClient.Answer unknown = client.send("PATCH", people, json("{'records':[{'id':'recAbCdEf01234567',"
                + "'fields':{'name':'x'}}]}"));

        assertThat(answer.body().get("updatedRecords").toString()).contains(ada);
        assertThat(sandbox.record("People", ada).orElseThrow().text("email")).isEqualTo("ada.lovelace@example.com");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(sandbox.requests().get(1).endpoint()).isEqualTo(Endpoint.UPDATE_MANY);
    }

    @Test
    void severalMatchesOrAMergeFieldOfTheWrongTypeFailTheRequest() {
        sandbox.seed("People", Map.of("email", "twin@example.com", "name", "One"));
        sandbox.seed("People", Map.of("email", "twin@example.com", "name", "Two"));

        SandboxClient.Answer twins = client.send("PATCH", people, json("{'performUpsert':{'fieldsToMergeOn':['email']},"
                + "'records':[{'fields':{'email':'twin@example.com'}}]}"));
        SandboxClient.Answer checkbox = client.send("PATCH", people, json("{'performUpsert':{'fieldsToMergeOn':['vip']},"
                + "'records':[{'fields':{'vip':true}}]}"));
        SandboxClient.Answer twiceInOne = client.send("PATCH", people, json("{'performUpsert':{'fieldsToMergeOn':['email']},"
                + "'records':[{'fields':{'email':'x@example.com'}},{'fields':{'email':'x@example.com'}}]}"));

        assertThat(twins.status()).isEqualTo(422);
        assertThat(checkbox.status()).isEqualTo(422);
        assertThat(twiceInOne.status()).isEqualTo(422);
        assertThat(sandbox.count("People")).isEqualTo(2);
    }

    @Test
    void numbersMergeWhateverTheirWrittenForm() {
        String ada = sandbox.seed("People", Map.of("email", "ada@example.com", "age", 36)).id();

        SandboxClient.Answer answer = client.send("PATCH", people, json("{'performUpsert':{'fieldsToMergeOn':['age']},"
                + "'records':[{'fields':{'age':36.0,'name':'Ada'}}]}"));

        assertThat(answer.body().at("/records/0/id").asText()).isEqualTo(ada);
    }
}
