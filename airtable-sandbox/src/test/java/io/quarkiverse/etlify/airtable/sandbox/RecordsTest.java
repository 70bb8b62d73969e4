package io.quarkiverse.etlify.airtable.sandbox;

import static io.quarkiverse.etlify.airtable.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordsTest extends SandboxTestBase {

    @Test
    void createsRecordsAndAnswersThemInTheOrderSentWithoutEmptyCells() {
        SandboxClient.Answer answer = client.send("POST", people, json(
                "{'records':[{'fields':{'email':'ada@example.com','age':36,'vip':false,'tags':[]}},"
                        + "{'fields':{'email':'bob@example.com','plan':'gold'}}]}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("records")).hasSize(2);
        assertThat(answer.body().at("/records/0/id").asText()).matches("rec[A-Za-z0-9]{14}");
        assertThat(answer.body().at("/records/0/createdTime").asText()).endsWith("Z");
        assertThat(answer.body().at("/records/0/fields").toString()).isEqualTo(json("{'email':'ada@example.com','age':36}"));
        assertThat(answer.body().at("/records/1/fields/plan").asText()).isEqualTo("gold");
        assertThat(sandbox.count("People")).isEqualTo(2);
        assertThat(sandbox.requestCount(Endpoint.CREATE)).isEqualTo(1);
    }

    @Test
    void aSingleRecordCreateIsAnsweredWithTheRecordAlone() {
        SandboxClient.Answer answer = client.send("POST", people, json("{'fields':{'email':'ada@example.com'}}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("id").asText()).startsWith("rec");
        assertThat(answer.body().at("/fields/email").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void updatesChangeOnlyTheFieldsSentAndNullClears() {
        String id = sandbox.seed("People", Map.of("email", "ada@example.com", "name", "Ada", "age", 36)).id();

        SandboxClient.Answer answer = client.send("PATCH", people + "/" + id,
                json("{'fields':{'name':'Ada L.','age':null},'returnFieldsByFieldId':true}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/fields/" + EMAIL_ID).asText()).isEqualTo("ada@example.com");
        assertThat(answer.body().at("/fields").has("email")).isFalse();
        assertThat(sandbox.record("People", id).orElseThrow().fields()).containsOnlyKeys("email", "name");
        assertThat(sandbox.record("People", id).orElseThrow().text("name")).isEqualTo("Ada L.");
        assertThat(sandbox.requests().get(0).endpoint()).isEqualTo(Endpoint.UPDATE);
    }

    @Test
    void anUnknownRecordIsNotFound() {
        SandboxClient.Answer update = client.send("PATCH", people + "/recAbCdEf01234567", json("{'fields':{'name':'x'}}"));
        SandboxClient.Answer delete = client.send("DELETE", people + "/recAbCdEf01234567", null);

        assertThat(update.status()).isEqualTo(404);
        assertThat(update.errorType()).isEqualTo("NOT_FOUND");
        assertThat(delete.status()).isEqualTo(404);
    }

    @Test
    void deletesOneOrUpToTenRecordsAndAnUnknownOneFailsTheWholeRequest() {
        String ada = sandbox.seed("People", Map.of("email", "ada@example.com")).id();
        String bob = sandbox.seed("People", Map.of("email", "bob@example.com")).id();
        String eve = sandbox.seed("People", Map.of("email", "eve@example.com")).id();

        SandboxClient.Answer one = client.send("DELETE", people + "/" + ada, null);
        SandboxClient.Answer refused = client.send("DELETE", people + "?records[]=" + bob + "&records[]=" + ada, null);
        SandboxClient.Answer both = client.send("DELETE", people + "?records%5B%5D=" + bob + "&records%5B%5D=" + eve,
                null);

        assertThat(one.body().toString()).isEqualTo(json("{'id':'" + ada + "','deleted':true}"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.body().get("records")).hasSize(2);
        assertThat(sandbox.count("People")).isZero();
        assertThat(sandbox.requests(Endpoint.DELETE_MANY)).hasSize(2);
    }

    @Test
    void atMostTenRecordsPerRequest() {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            records.append(i == 0 ? "" : ",").append("{'fields':{'email':'u").append(i).append("@example.com'}}");
        }

        SandboxClient.Answer answer = client.send("POST", people, json("{'records':[" + records + "]}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorType()).isEqualTo("INVALID_REQUEST_UNKNOWN");
        assertThat(sandbox.count("People")).isZero();
    }
}
