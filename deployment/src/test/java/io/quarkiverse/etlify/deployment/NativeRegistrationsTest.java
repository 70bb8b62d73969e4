package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.MappedCustomer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.admin.AdminBeans;
import io.quarkiverse.etlify.runtime.hubspot.HubSpotBeans;
import io.quarkiverse.etlify.runtime.state.EtlifyMigrations;
import io.quarkiverse.etlify.runtime.state.EtlifyTablesFilter;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What a native image of an Etlify application needs, as the build registers it (no native toolchain
 * here, so the build items are inspected): the mapped entities and HubSpot's JSON bodies for reflection,
 * the migration scripts and the console's files as resources, the REST client interface in the index.
 */
class NativeRegistrationsTest {

    private static final String REFLECTIVE = "etlify.test.native.reflective";
    private static final String RESOURCES = "etlify.test.native.resources";
    private static final String INDEXED = "etlify.test.native.client-indexed";

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("native-registrations", MappedCustomer.class, Customer.class,
            Account.class, Order.class, CustomerSerializer.class)
            .addBuildChainCustomizer(recordRegistrations());

    /** A build step of the test's own that reads what the extension produced, for the test to assert on. */
    private static Consumer<BuildChainBuilder> recordRegistrations() {
        return chain -> chain.addBuildStep((BuildContext context) -> {
            List<ReflectiveClassBuildItem> reflective = context.consumeMulti(ReflectiveClassBuildItem.class);
            System.setProperty(REFLECTIVE, String.join(",", reflective.stream()
                    .flatMap(item -> item.getClassNames().stream()).toList()));
            System.setProperty(RESOURCES, String.join(",", context.consumeMulti(NativeImageResourceBuildItem.class)
                    .stream().flatMap(item -> item.getResources().stream()).toList()));
            System.setProperty(INDEXED, String.valueOf(context.consume(CombinedIndexBuildItem.class).getIndex()
                    .getClassByName(HubSpotBeans.CLIENT_INTERFACE) != null));
            context.produce(new FeatureBuildItem("etlify-native-registrations-probe"));
        }).consumes(ReflectiveClassBuildItem.class).consumes(NativeImageResourceBuildItem.class)
                .consumes(CombinedIndexBuildItem.class).produces(FeatureBuildItem.class).build();
    }

    @Test
    void entitiesAndHubSpotBodiesAreReflective() {
        List<String> reflective = Arrays.asList(System.getProperty(REFLECTIVE).split(","));
        assertThat(reflective).contains(MappedCustomer.class.getName());
        assertThat(reflective).contains(HubSpotBeans.JSON_TYPES);
        assertThat(reflective).contains(EtlifyTablesFilter.class.getName());
    }

    @Test
    void migrationScriptsOfEverySupportedDatabaseAreResources() {
        List<String> resources = Arrays.asList(System.getProperty(RESOURCES).split(","));
        for (String kind : EtlifyMigrations.SUPPORTED_DB_KINDS) {
            assertThat(resources).as(kind).containsAll(EtlifyMigrations.paths(kind));
        }
        assertThat(EtlifyMigrations.paths("postgresql")).isNotEmpty();
        assertThat(resources).as("the admin console's files").containsAll(AdminBeans.consoleResources())
                .anyMatch(resource -> resource.endsWith("console.html"));
    }

    @Test
    void hubSpotRestClientIsIndexed() {
        assertThat(System.getProperty(INDEXED)).isEqualTo("true");
    }
}
