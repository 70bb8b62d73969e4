package io.quarkiverse.etlify.airtable.sandbox;

import static io.quarkiverse.etlify.airtable.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;

import org.junit.jupiter.api.Test;

class ValidationTest extends SandboxTestBase {

    @Test
    void unknownFieldsAndValuesThatDoNotFitAreRefusedWithTheirErrorType() {
        SandboxClient.Answer unknown = client.send("POST", people, json("{'fields':{'nickname':'Ada'}}"));
        SandboxClient.Answer text = client.send("POST", people, json("{'fields':{'age':'thirty-six'}}"));
        SandboxClient.Answer date = client.send("POST", people, json("{'fields':{'born':'10/12/1815'}}"));
        SandboxClient.Answer option = client.send("POST", people, json("{'fields':{'plan':'platinum'}}"));
        SandboxClient.Answer link = client.send("POST", people, json("{'fields':{'company':['Acme']}}"));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorType()).isEqualTo("UNKNOWN_FIELD_NAME");
        assertThat(unknown.body().at("/error/message").asText()).isEqualTo("Unknown field name: \"nickname\"");
        assertThat(text.errorType()).isEqualTo("INVALID_VALUE_FOR_COLUMN");
        assertThat(date.errorType()).isEqualTo("INVALID_VALUE_FOR_COLUMN");
        assertThat(option.errorType()).isEqualTo("INVALID_MULTIPLE_CHOICE_OPTIONS");
        assertThat(link.errorType()).isEqualTo("INVALID_VALUE_FOR_COLUMN");
        assertThat(sandbox.count("People")).isZero();
    }

    @Test
    void oneInvalidRecordFailsTheWholeRequest() {
        SandboxClient.Answer answer = client.send("POST", people,
                json("{'records':[{'fields':{'email':'ada@example.com'}},{'fields':{'age':'old'}}]}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(sandbox.count("People")).isZero();
    }

    @Test
    void typecastConvertsStringsAndAddsSelectOptions() {
        SandboxClient.Answer answer = client.send("POST", people, json("{'typecast':true,'fields':{'age':'36',"
                + "'vip':'true','plan':'platinum','tags':'math, chess','seen_at':'2026-01-02T05:04:05+02:00'}}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/fields/age").isNumber()).isTrue();
        assertThat(answer.body().at("/fields/vip").asBoolean()).isTrue();
        assertThat(answer.body().at("/fields/tags").toString()).isEqualTo("[\"math\",\"chess\"]");
        assertThat(answer.body().at("/fields/seen_at").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(sandbox.table("People").orElseThrow().field("plan").choices()).contains("platinum");
    }

    @Test
    void tokensBasesTablesRoutesAndBodiesAreChecked() {
        SandboxClient anonymous = new SandboxClient(sandbox.baseUrl(), null);
        SandboxClient wrongToken = new SandboxClient(sandbox.baseUrl(), "patWrongToken0001.0123");

        assertThat(anonymous.send("POST", people, json("{'fields':{}}")).errorType()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(wrongToken.send("POST", people, json("{'fields':{}}")).status()).isEqualTo(401);
        SandboxClient.Answer otherBase = client.send("POST", "/v0/appAbCdEf01234567/People", json("{'fields':{}}"));
        assertThat(otherBase.status()).isEqualTo(403);
        assertThat(otherBase.errorType()).isEqualTo("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
        nextSecond();
        assertThat(client.send("POST", "/v0/" + sandbox.baseId() + "/Nobody", json("{'fields':{}}")).status())
                .isEqualTo(403);
        assertThat(client.send("GET", "/v1/whatever", null).status()).isEqualTo(404);
        assertThat(client.send("POST", people, "{not json").status()).isEqualTo(400);
        assertThat(sandbox.requests()).extracting(RecordedRequest::tokenHint).filteredOn(Objects::nonNull)
                .isNotEmpty().allSatisfy(hint -> assertThat(hint).doesNotContain("Sandbox", "Wrong"));
    }

    @Test
    void tablesAreAddressedByIdOrName() {
        String tableId = sandbox.table("Companies").orElseThrow().id();

        SandboxClient.Answer byId = client.send("POST", "/v0/" + sandbox.baseId() + "/" + tableId,
                json("{'fields':{'name':'Acme'}}"));

        assertThat(byId.status()).isEqualTo(200);
        assertThat(sandbox.findBy("Companies", "name", "Acme")).isPresent();
        assertThat(sandbox.records(tableId)).hasSize(1);
    }

    @Test
    void autoCreateMakesUpTablesAndFieldsFromTheirValues() {
        try (AirtableSandbox free = AirtableSandbox.builder().autoCreate(true).build().start()) {
            SandboxClient any = new SandboxClient(free.baseUrl(), "any-token");

            SandboxClient.Answer answer = any.send("PATCH", "/v0/" + free.baseId() + "/Leads", json("{'performUpsert':"
                    + "{'fieldsToMergeOn':['email']},'records':[{'fields':{'email':'ada@example.com','score':3,"
                    + "'tags':['a','b']}}]}"));

            assertThat(answer.status()).isEqualTo(200);
            TableSchema leads = free.table("Leads").orElseThrow();
            assertThat(leads.field("score").type()).isEqualTo(FieldType.NUMBER);
            assertThat(leads.field("tags").type()).isEqualTo(FieldType.MULTIPLE_SELECTS);
            assertThat(free.findBy("Leads", "email", "ada@example.com")).isPresent();
        }
    }
}
