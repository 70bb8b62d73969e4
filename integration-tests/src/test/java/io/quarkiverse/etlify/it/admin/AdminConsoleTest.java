package io.quarkiverse.etlify.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console in a real headless Chromium, as someone on call uses it: signs in, reads the counts, starts a resync
 * and watches it progress to the end by auto-refresh alone, finds the record the CRM refused with the CRM's answer
 * shown as text, inspects it, resets it and sees it leave the failures.
 */
@QuarkusTest
@PostgresTest
class AdminConsoleTest {

    private static final String STATUS_ROW = "#status tr[data-crm='hubspot'][data-model='User']";
    private static final String LATEST_RUN = "#runs tbody tr[data-run]";

    static ChromeDriver browser;

    @TestHTTPResource("/q/etlify/console")
    URL console;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        fixtures.reset();
        browser.get(console.toString());
        browser.executeScript("window.sessionStorage.clear()");
        browser.navigate().refresh();
        waitUntil(d -> d.findElement(By.id("login")).isDisplayed());
    }

    @Test
    void signsInFollowsAResyncToTheEndAndResetsTheRecordTheCrmRefused() {
        List<User> users = fixtures.users(3);
        User refused = users.get(1);
        // markup in a CRM's answer must show as text, never become an element of the page
        String answer = "Property values were not valid: <img src=x id=injected> is not an email";
        InMemoryCrm hubspot = memory.get("hubspot");
        hubspot.failWhen(call -> refused.email.equals(call.payload().get("email")),
                new CrmValidationException(answer, 400, "VALIDATION_ERROR", null, null));
        CountDownLatch release = new CountDownLatch(1);
        hubspot.onCall(call -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            signIn("admin", "not-the-password");
            waitUntil(d -> text("#login-message").equals("User or password not accepted."));
            signIn("admin", "admin-secret");
            waitUntil(d -> d.findElement(By.id("console")).isDisplayed());
            assertThat(text("#signed-in-as")).isEqualTo("Signed in as admin");

            waitUntil(d -> text(STATUS_ROW + " td.records").equals("3") && text(STATUS_ROW + " td.stale").equals("3"));
            assertThat(text(STATUS_ROW + " td.failing")).isEqualTo("0");

            click(STATUS_ROW + " button.resync");
            // the CRM holds the first call: the run is seen running, nothing processed yet
            waitUntil(d -> text(LATEST_RUN + " td.status").equals("running")
                    && text(LATEST_RUN + " .progress-text").equals("0 / 3"));
            assertThat(attribute(LATEST_RUN + " progress", "max")).isEqualTo("3");
            assertThat(text(LATEST_RUN + " td.status + td")).startsWith("hubspot / User");

            release.countDown();
            waitUntil(d -> text(LATEST_RUN + " td.status").equals("finished"));
            assertThat(text(LATEST_RUN + " .progress-text")).isEqualTo("3 / 3");
            assertThat(text(LATEST_RUN + " td.synced")).isEqualTo("2");
            assertThat(text(LATEST_RUN + " td.failed")).isEqualTo("1");

            String failure = "#failures tr[data-crm='hubspot'][data-model='User'][data-id='" + refused.id + "']";
            waitUntil(d -> text(STATUS_ROW + " td.failing").equals("1")
                    && !d.findElements(By.cssSelector(failure)).isEmpty());
            assertThat(text(failure + " td.error-text")).contains(answer);
            assertThat(browser.findElements(By.id("injected"))).isEmpty();

            click(failure + " button.inspect");
            waitUntil(d -> text("#record-payload").contains(refused.email));
            assertThat(text("#record-facts")).contains("A sync now would be", "SYNCED", "Error count", "1");

            click(failure + " button.reset");
            waitUntil(d -> d.findElements(By.cssSelector(failure)).isEmpty()
                    && text(STATUS_ROW + " td.failing").equals("0"));
            assertThat(text("#message")).isEqualTo("Errors reset on 1 record.");
            assertThat(text("#failures tbody")).isEqualTo("No failing record.");
        } finally {
            release.countDown();
        }
    }

    @Test
    void turnsAwayAUserWithoutTheRoleAndForgetsCredentialsOnSignOut() {
        signIn("viewer", "viewer-secret");
        waitUntil(d -> text("#login-message").contains("role etlify-admin is required"));
        assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();

        signIn("admin", "admin-secret");
        waitUntil(d -> d.findElement(By.id("console")).isDisplayed());
        click("#sign-out");
        waitUntil(d -> d.findElement(By.id("login")).isDisplayed() && text("#login-message").equals("Signed out."));

        // the credentials are forgotten: the page opens on the login form again
        browser.navigate().refresh();
        waitUntil(d -> d.findElement(By.id("login")).isDisplayed());
        assertThat(browser.executeScript("return window.sessionStorage.length")).isEqualTo(0L);
    }

    private void signIn(String user, String password) {
        WebElement name = browser.findElement(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** Clicks an element of a table the console may redraw meanwhile, finding it again if it was replaced. */
    private static void click(String selector) {
        waitUntil(d -> {
            d.findElement(By.cssSelector(selector)).click();
            return true;
        });
    }

    private static String text(String selector) {
        return readFresh(() -> browser.findElement(By.cssSelector(selector)).getText().trim());
    }

    private static String attribute(String selector, String name) {
        return readFresh(() -> browser.findElement(By.cssSelector(selector)).getDomAttribute(name));
    }

    /** The auto-refresh may replace an element between finding and reading it: then it is found again. */
    private static String readFresh(Supplier<String> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
