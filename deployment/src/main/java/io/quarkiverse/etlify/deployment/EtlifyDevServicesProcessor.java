package io.quarkiverse.etlify.deployment;

import java.util.Map;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;

/**
 * Zero-config dev and test mode: each CRM on the {@code hubspot} adapter that has neither a token nor a
 * base URL configured gets an in-process HubSpot sandbox, and its {@code hubspot.base-url} and
 * {@code hubspot.access-token} point at it. Quarkus keeps the sandbox across live reloads and stops it
 * with the application.
 */
class EtlifyDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(EtlifyDevServicesProcessor.class);

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    void hubSpotSandboxes(EtlifyBuildTimeConfig config, BuildProducer<DevServicesResultBuildItem> services) {
        if (!config.devservices().enabled()) {
            return;
        }
        Config properties = ConfigProvider.getConfig();
        config.crm().forEach((crm, crmConfig) -> {
            String prefix = "quarkus.etlify.crm." + crm + ".";
            if (!"hubspot".equals(crmConfig.adapter()) || isSet(properties, prefix + "hubspot.access-token")
                    || isSet(properties, prefix + "hubspot.base-url")
                    || !properties.getOptionalValue(prefix + "enabled", String.class).orElse("true").equals("true")) {
                return;
            }
            services.produce(DevServicesResultBuildItem.<SandboxDevService> owned()
                    .feature(EtlifyProcessor.FEATURE)
                    .serviceName("etlify-hubspot-" + crm)
                    .serviceConfig(crm)
                    .description("HubSpot sandbox for Etlify CRM " + crm)
                    .startable(() -> new SandboxDevService(crm))
                    .postStartHook(sandbox -> LOG.infof("Etlify Dev Services: CRM %s has no HubSpot token configured;"
                            + " an in-process HubSpot sandbox for it listens at %s (a test resource setting its"
                            + " %shubspot.base-url takes precedence; quarkus.etlify.devservices.enabled=false turns"
                            + " this off)", crm, sandbox.baseUrl(), prefix))
                    .configProvider(Map.<String, Function<SandboxDevService, String>> of(
                            prefix + "hubspot.base-url", SandboxDevService::baseUrl,
                            prefix + "hubspot.access-token", SandboxDevService::token))
                    .build());
        });
    }

    private static boolean isSet(Config properties, String name) {
        return properties.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).isPresent();
    }
}
