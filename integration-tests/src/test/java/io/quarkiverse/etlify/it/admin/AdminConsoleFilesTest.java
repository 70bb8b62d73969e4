package io.quarkiverse.etlify.it.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The console's files: served to anyone (they hold no data; the API they call needs the role), with headers that
 * keep the browser from running anything but them, and written so that no API value is ever parsed as HTML.
 */
@QuarkusTest
@PostgresTest
class AdminConsoleFilesTest {

    @Test
    void thePageLoadsWithoutSigningInButItsDataDoesNot() {
        String page = withSafeHeaders(given().get("/q/etlify/console"), "text/html").asString();
        assertThat(page).contains("<script src=\"console.js\" defer></script>", "href=\"console.css\"",
                "id=\"login-form\"");
        given().get("/q/etlify/crms").then().statusCode(401);
    }

    @Test
    void thePageHasNoInlineScriptOrStyle() {
        String page = given().get("/q/etlify/console").asString();
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(1);
        assertThat(page).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContainPattern("(?i)\\sstyle=")
                .doesNotContain("javascript:");
    }

    @Test
    void theScriptInsertsDataAsTextOnly() {
        String script = withSafeHeaders(given().get("/q/etlify/console.js"), "text/javascript").asString();
        assertThat(script).contains("textContent", "credentials: 'same-origin'", "'Content-Type'] = 'application/json'",
                "sessionStorage").doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                        "eval(", "localStorage");
        withSafeHeaders(given().get("/q/etlify/console.css"), "text/css");
    }

    @Test
    void otherMethodsAndTheSlashedPathAreHandled() {
        given().redirects().follow(false).get("/q/etlify/console/").then().statusCode(301)
                .header("Location", equalTo("../console"));
        given().contentType("application/json").body("{}").post("/q/etlify/console").then().statusCode(405)
                .body("error", equalTo("method not allowed"));
        given().get("/q/etlify/console.html").then().statusCode(401);
    }

    private static Response withSafeHeaders(Response response, String type) {
        response.then().statusCode(200)
                .header("Content-Type", startsWith(type + ";"))
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        assertThat(response.header("Content-Security-Policy")).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        return response;
    }
}
